package drafts

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// View implements common.Screen: each answer takes three lines, its
// question, its opening words and how far it got, and the list scrolls to keep the cursor in
// sight.
func (m *Model) View() string {
	st := m.Styles
	inner := max(m.Width-4, 10)
	head := st.Title.Render("Unfinished answers")
	var body []string
	switch {
	case !m.loaded:
		body = []string{st.Faint.Render("Reading your unfinished answers…")}
	case len(m.drafts) == 0:
		body = []string{st.Muted.Width(inner).Render("No unfinished answers: every answer you started was submitted or discarded.")}
	default:
		body = m.list(inner)
	}
	if m.err != nil {
		body = append(body, st.Bad.Width(inner).Render(m.err.Error()))
	}
	return st.App.Render(head + "\n\n" + strings.Join(body, "\n"))
}

func (m *Model) list(width int) []string {
	st := m.Styles
	rows := max((m.Height-6)/3, 1) // title, blank line, the confirmation, padding
	first := max(min(m.cursor-rows/2, len(m.drafts)-rows), 0)
	last := min(first+rows, len(m.drafts))
	var out []string
	for i := first; i < last; i++ {
		d := m.drafts[i]
		cursor, q := "  ", st.Text.Render(Question(d, max(width-2, 8)))
		if i == m.cursor {
			cursor, q = st.Selected.Render("› "), st.Selected.Render(Question(d, max(width-2, 8)))
		}
		// The answer's opening words tell apart two answers to one question.
		opening := "“" + strings.Join(strings.Fields(d.Answer), " ") + "”"
		meta := fmt.Sprintf("%s · %s %s · saved %s", Progress(d), d.Mode, d.Role, d.SavedAt.Local().Format("Mon 2 Jan 15:04"))
		out = append(out, cursor+q,
			"  "+st.Text.Render(ansi.Truncate(opening, max(width-2, 8), "…")),
			"  "+st.Muted.Render(ansi.Truncate(meta, max(width-2, 8), "…")))
	}
	if m.confirm && m.cursor < len(m.drafts) {
		d := m.drafts[m.cursor]
		out = append(out, "", st.Warn.Width(width).Render(fmt.Sprintf(
			"Discard this answer (%s)? It cannot be brought back. Press y to discard it; any other key keeps it.", Progress(d))))
	} else if len(m.drafts) > rows {
		out = append(out, "", st.Faint.Render(fmt.Sprintf("%d of %d", m.cursor+1, len(m.drafts))))
	}
	return out
}
