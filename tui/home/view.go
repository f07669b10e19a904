package home

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/coach/progress"
	"github.com/coach-tui/coach/coach/store"
)

const (
	name    = "coach"
	tagline = "Interview and resume practice for software engineers"
)

// View implements common.Screen. The menu always shows every section with
// its key; the tagline, spacing and the selected section's description are
// added only when the window has room for them.
func (m *Model) View() string {
	st := m.Styles
	inner := max(m.Width-4, 10) // the App style pads two cells each side
	var offer string
	offerHeight := 0
	if m.hasDraft() {
		offer = m.draftOffer(inner)
		offerHeight = lipgloss.Height(offer) + 1
	}
	// The offer of an unfinished answer comes first, so the description
	// and readiness give way to it.
	roomy := m.Height >= len(m.sections)+12+offerHeight

	title := st.Title.Render(name)
	if lipgloss.Width(name+"  "+tagline) <= inner {
		title += st.Subtitle.Render("  " + tagline)
	}
	parts := []string{title}
	if roomy && m.Height > len(m.sections)+13+offerHeight {
		parts = append(parts, "")
	}
	status := m.status()
	// the smallest windows set the menu in two columns so that every
	// section and the status line still show
	parts = append(parts, m.menu(m.Height < len(m.sections)+lipgloss.Height(status)))
	if roomy {
		desc := st.Muted.Width(inner).Render(m.Selected().Desc)
		parts = append(parts, "", desc, "")
	}
	if m.readiness != nil && roomy {
		parts = append(parts, m.readinessView(inner), "")
	}
	if m.Height < len(m.sections)+lipgloss.Height(status)+1 && !m.twoColumns(status) {
		// Too short for the title as well: every section and the status
		// line matter more.
		parts = parts[1:]
	}
	parts = append(parts, status)
	if offer != "" {
		parts = append([]string{offer, ""}, parts...)
	}
	if m.Height < len(m.sections)+3 && !m.twoColumns(status) {
		// The smallest windows keep every section and the status line.
		return st.App.PaddingTop(0).Render(strings.Join(parts, "\n"))
	}
	return st.App.Render(strings.Join(parts, "\n"))
}

// menu lists every section with its key; two columns, set tighter, when
// asked and the window is wide enough for them.
func (m *Model) menu(twoColumns bool) string {
	two := twoColumns && m.fitsTwoColumns()
	lines := make([]string, len(m.sections))
	for i := range m.sections {
		lines[i] = m.item(i, two)
	}
	if !two {
		return strings.Join(lines, "\n")
	}
	half := (len(lines) + 1) / 2
	left := lipgloss.NewStyle().Width(m.itemWidth(true) + 1).Render(strings.Join(lines[:half], "\n"))
	return lipgloss.JoinHorizontal(lipgloss.Top, left, strings.Join(lines[half:], "\n"))
}

func (m *Model) item(i int, tight bool) string {
	st, s := m.Styles, m.sections[i]
	cursor, gap, title := "  ", "  ", st.Text.Render(s.Title)
	if tight {
		cursor, gap = " ", " "
	}
	if i == m.cursor {
		cursor, title = st.Selected.Render(strings.Replace(cursor, " ", "›", 1)), st.Selected.Render(s.Title)
	}
	return cursor + st.Key.Render(s.Key) + gap + title
}

// itemWidth is the widest menu line.
func (m *Model) itemWidth(tight bool) int {
	w := 0
	for i := range m.sections {
		w = max(w, lipgloss.Width(m.item(i, tight)))
	}
	return w
}

func (m *Model) fitsTwoColumns() bool { return 2*m.itemWidth(true)+1 <= m.Width-4 }

// twoColumns reports whether the menu is set in two columns, leaving
// room for the title.
func (m *Model) twoColumns(status string) bool {
	return m.Height < len(m.sections)+lipgloss.Height(status) && m.fitsTwoColumns()
}

// status says how many questions are loaded, whether any of the user's
// bank files were skipped, and that nothing leaves the machine.
func (m *Model) status() string {
	st := m.Styles
	if m.App == nil {
		return ""
	}
	if m.App.Store == nil || m.App.Bank == nil {
		return st.Faint.Render("Loading your questions and history…")
	}
	count := fmt.Sprintf("%d questions", m.App.Bank.Len())
	if m.App.Bank.Len() == 1 {
		count = "1 question"
	}
	text, short := count+" · offline · nothing leaves this machine", count+" · offline"
	l := m.App.LLM
	switch {
	case l.Declined(store.Answers) && l.Declined(store.Documents):
		text, short = count+" · offline this run (you declined the LLM)", count+" · offline"
	case l.Client != nil:
		text = count + " · LLM " + l.Client.Model() + " at " + l.Client.Endpoint()
		short = count + " · LLM " + l.Client.Model()
	}
	if lipgloss.Width(text) > m.Width-4 {
		text = short
	}
	line := st.Faint.Render(text)
	switch {
	case l.Problem != "" && m.Height < len(m.sections)+4:
		// Every section and one status line is all a small window
		// holds; Settings has the reason in full.
		off := count + " · LLM off: see Settings (c)"
		if lipgloss.Width(off) > m.Width-4 {
			off = "LLM off: see Settings (c)"
		}
		line = st.Warn.Render(ansi.Truncate(off, max(m.Width-4, 10), "…"))
	case l.Problem != "":
		line = st.Warn.Width(max(m.Width-4, 10)).Render("LLM off: "+l.Problem) + "\n" + line
	}
	if m.App.Store.Others() {
		// Both windows keep their work; the user should still know, since
		// one answer resumed in both is saved by whichever writes last.
		warn := st.Warn.Width(max(m.Width-4, 10)).Render("Another coach window is open on this data. Both keep their work; resume an answer in one of them only.")
		line = warn + "\n" + line
	}
	if n := len(m.App.Bank.Problems); n > 0 {
		files := "file"
		if n > 1 {
			files = "files"
		}
		warn := st.Warn.Width(max(m.Width-4, 10)).Render(fmt.Sprintf("%d bank %s skipped: coach bank validate shows why", n, files))
		line = warn + "\n" + line
	}
	return line
}

// readinessView is the interview-ready figure with its parts and the next
// best step.
func (m *Model) readinessView(width int) string {
	st := m.Styles
	r := m.readiness
	parts := []string{fmt.Sprintf("coverage %.0f%%", r.Coverage*100)}
	for _, k := range progress.Kinds(r.Role) {
		v := "–"
		if r.Kinds[k] >= 0 {
			v = fmt.Sprint(r.Kinds[k])
		}
		parts = append(parts, progress.KindName(k)+" "+v)
	}
	parts = append(parts, fmt.Sprintf("recall %.0f%%", r.Retention*100))
	head := st.Heading.Render(fmt.Sprintf("Interview ready (%s): %d/100", r.Role, r.Score))
	return head + "\n" + st.Muted.Width(width).Render(strings.Join(parts, " · ")) + "\n" + st.Text.Width(width).Render("Next: "+r.Next)
}
