package posting

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/coach-tui/coach/tui/common"
)

// minRows is the fewest rows of the posting shown with the explanation
// and the spacing; a shorter window drops those first.
const minRows = 3

// View implements common.Screen.
func (m *Model) View() string {
	if m.Width <= 0 || m.Height <= 0 {
		return ""
	}
	st, w := m.Styles, m.textWidth()
	lines := []string{st.Title.Render("Practise for a job posting")}
	if !m.compact {
		lines = append(lines, m.explanation(w), "")
	}
	lines = append(lines, m.text.View())
	if s := m.status(w, m.compact); s != "" {
		if !m.compact {
			lines = append(lines, "")
		}
		lines = append(lines, s)
	}
	style := st.App
	if m.compact {
		style = style.PaddingTop(0)
	}
	return common.Fit(style.Render(strings.Join(lines, "\n")), m.Width, m.Height)
}

// layout gives the posting the rows the title, the explanation and the
// lines under it leave; the status is never the part cut.
func (m *Model) layout() {
	w := m.textWidth()
	m.text.SetWidth(w)
	sh := height(m.status(w, false))
	gap := 0
	if sh > 0 {
		gap = 1
	}
	// padding, title, explanation, blank, the posting, blank, status
	rows := m.Height - 1 - 1 - height(m.explanation(w)) - 1 - gap - sh
	m.compact = rows < minRows
	if m.compact {
		// title, the posting, the status without the summary
		rows = m.Height - 1 - height(m.status(w, true))
	}
	m.text.SetHeight(max(rows, 1))
}

func (m *Model) textWidth() int { return max(m.Width-4, 10) }

// height is the lines s takes; none when it is empty.
func height(s string) int {
	if s == "" {
		return 0
	}
	return lipgloss.Height(s)
}

func (m *Model) explanation(w int) string {
	s := "Paste a job posting: coach picks questions from its bank on the skills the posting asks for."
	if m.App.LLM.Client != nil {
		s += " The LLM can write more from the posting; it asks before sending."
	}
	return m.Styles.Faint.Width(w).Render(s)
}

// status is what sits under the posting in each phase; brief leaves out
// the summary of what was found, for short windows.
func (m *Model) status(w int, brief bool) string {
	st := m.Styles
	var lines []string
	summary := func() {
		if !brief {
			lines = append(lines, st.Muted.Width(w).Render(m.summary()))
		}
	}
	switch m.phase {
	case phaseEditing:
		switch {
		case m.notice != "":
			lines = append(lines, st.Warn.Width(w).Render(m.notice))
		case m.found != nil && m.found.text == m.text.Value():
			// Back from the session on this posting: what it was made of.
			summary()
		}
	case phaseReading:
		lines = append(lines, st.Muted.Width(w).Render("Reading the posting…"))
	case phaseAsking:
		l := m.App.LLM.Client
		summary()
		lines = append(lines, st.Warn.Width(w).Render(fmt.Sprintf(
			"Send the posting to %s at %s so it writes practice questions from it? "+
				"The posting's text is sent; nothing else. y: send (remembered for resumes and postings at this endpoint) · n: not now",
			l.Model(), l.Endpoint())))
	case phaseWriting:
		then := "esc: practise the bank's questions only"
		if len(m.found.bank) == 0 {
			then = "esc: stop"
		}
		summary()
		lines = append(lines, st.Muted.Width(w).Render(
			"Writing questions from the posting with "+m.writer.ModelName()+"… "+then))
		// The request's status: its spinner, the words so far, the
		// countdown before a retry.
		if s := m.writer.Status(); s != "" {
			lines = append(lines, lipgloss.NewStyle().Width(w).Render(s))
		}
	case phaseReady:
		lines = append(lines, st.Warn.Width(w).Render(m.notice))
		summary()
	}
	return strings.Join(lines, "\n")
}

// shownSkills is how many of the posting's skills the summary names.
const shownSkills = 4

// summary says what was found in the posting: its heaviest skills, its
// role and level, and how many bank questions practise them.
func (m *Model) summary() string {
	f := m.found
	if f == nil || f.posting == nil {
		return ""
	}
	p := f.posting
	var names []string
	for _, k := range p.Keywords[:min(len(p.Keywords), shownSkills)] {
		names = append(names, k.Name)
	}
	s := "Found no skill coach knows"
	if len(names) > 0 {
		s = "Found: " + strings.Join(names, ", ")
		if more := len(p.Keywords) - len(names); more > 0 {
			s += fmt.Sprintf(" and %d more", more)
		}
	}
	var about []string
	if p.Role != "" {
		about = append(about, "role: "+p.Role)
	}
	if p.Level != "" {
		about = append(about, "level: "+p.Level)
	}
	if len(about) > 0 {
		s += " (" + strings.Join(about, ", ") + ")"
	}
	return s + " · " + plural(len(f.bank), "bank question", "bank questions")
}
