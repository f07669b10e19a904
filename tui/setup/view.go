package setup

import (
	"fmt"
	"github.com/coach-tui/coach/coach/words"
	"strings"

	sess "github.com/coach-tui/coach/coach/session"
)

// View implements common.Screen.
func (m *Model) View() string {
	st := m.Styles
	title := "Practice"
	sub := "choose your session"
	if m.mode == sess.Mock {
		title, sub = "Mock interview", "an introduction, a mix of questions, then yours for them"
	}
	if m.tagsTitle != "" {
		sub = "questions that practise " + m.tagsTitle
	}
	// Short windows drop the spacing so every field and the status fit.
	compact := m.Height < len(m.fields)+5
	lines := []string{st.Title.Render(title) + st.Muted.Render(" · "+sub)}
	if !compact {
		lines = append(lines, "")
	}
	labelWidth := 0
	for _, f := range m.fields {
		labelWidth = max(labelWidth, len(f.label))
	}
	for i, f := range m.fields {
		choices := f.choices(m)
		value := choices[m.current(choices)].label
		cursor, label := "  ", st.Muted.Render(fmt.Sprintf("%-*s", labelWidth, f.label))
		val := st.Text.Render(value)
		if i == m.cursor {
			cursor = st.Selected.Render("› ")
			label = st.Text.Render(fmt.Sprintf("%-*s", labelWidth, f.label))
			val = st.Faint.Render("‹ ") + st.Selected.Render(value) + st.Faint.Render(" ›")
		}
		lines = append(lines, cursor+label+"  "+val)
	}
	if !compact {
		lines = append(lines, "")
	}
	lines = append(lines, m.status())
	if compact {
		if m.Height < len(lines) {
			// The smallest windows keep every field and the status.
			lines = lines[1:]
		}
		return st.App.PaddingTop(0).Render(strings.Join(lines, "\n"))
	}
	return st.App.Render(strings.Join(lines, "\n"))
}

func (m *Model) status() string {
	st := m.Styles
	n := m.matching()
	switch {
	case n < 0:
		return st.Faint.Render("Loading the question bank…")
	case n == 0:
		return st.Warn.Render("No question matches these choices; change the kinds, category or difficulty.")
	}
	count := m.setup.Count
	if count > n {
		count = n
	}
	verb := "match"
	if n == 1 {
		verb = "matches"
	}
	msg := fmt.Sprintf("%s %s; %d will be asked. Press enter to start.", words.Count(n, "question"), verb, count)
	if m.Width < 64 {
		msg = fmt.Sprintf("%d match · enter starts", n)
	}
	if m.mode == sess.Mock {
		msg = fmt.Sprintf("%d questions for this role. Press enter to start the interview.", n)
	}
	if m.err != nil {
		return st.Bad.Render("Could not remember these choices: " + m.err.Error())
	}
	return st.Muted.Render(msg)
}
