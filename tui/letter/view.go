package letter

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/coach-tui/coach/coach/letter"
	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/tui/common"
)

// wide is the width from which the headlines sit beside the letter
// instead of under it.
const wide = 120

// View implements common.Screen.
func (m *Model) View() string {
	st := m.Styles
	if m.level == levelLetter {
		body := m.head() + "\n" + m.view.View()
		if f := m.footer(); f != "" {
			body += "\n" + f
		}
		return common.Fit(lipgloss.NewStyle().Padding(0, 1).Render(body), m.Width, m.Height)
	}
	w := max(m.Width-4, 10)
	lines := []string{lipgloss.NewStyle().Width(w).Render(st.Title.Render("Cover letter") + st.Muted.Render(" · a letter and LinkedIn headlines from your resume and a job posting")), ""}
	lines = append(lines, m.form.Lines(st)...)
	lines = append(lines, "")
	switch {
	case m.busy:
		lines = append(lines, st.Muted.Render("Writing…"))
	case m.err != nil:
		lines = append(lines, st.Bad.Width(w).Render(m.err.Error()))
	default:
		lines = append(lines, st.Faint.Width(w).Render("Nothing is invented: every figure is one your resume or the posting gives, and what neither says is left in [brackets] for you."))
	}
	return st.App.Render(strings.Join(lines, "\n"))
}

// head is the line above the letter: what it is, and where the reader is.
func (m *Model) head() string {
	st := m.Styles
	l := m.letter
	if l == nil {
		return st.Title.Render("Cover letter")
	}
	parts := []string{l.Used.Role + " at " + orBlank(l.Used.Company), string(l.Template), words.Count(letter.CountWords(m.text), "word"), m.source}
	return lipgloss.NewStyle().Width(max(m.Width-2, 10)).Render(st.Title.Render("Cover letter") +
		st.Muted.Render(" · "+strings.Join(parts, " · ")+fmt.Sprintf(" · %3.0f%%", m.view.ScrollPercent()*100)))
}

func orBlank(company string) string {
	if company == "" {
		return "[Company]"
	}
	return company
}

// footer is what sits under the letter: the file name being typed, the
// consent question, the model's progress, its invented figures, a notice.
func (m *Model) footer() string {
	st, w := m.Styles, max(m.Width-2, 10)
	var lines []string
	if m.saving {
		lines = append(lines, st.Text.Render("Save to ")+m.saveTo.View())
	}
	if m.asking {
		c := m.App.LLM.Client
		lines = append(lines, st.Warn.Width(w).Render("Send your resume's text and the job posting to "+c.Model()+" at "+c.Endpoint()+
			"? Nothing else is sent. y: send (remembered for resumes and postings at this endpoint) · n: not now"))
	}
	if m.drafting {
		if s := m.draft.Status(); s != "" {
			lines = append(lines, s)
		}
		if len(m.invented) > 0 {
			lines = append(lines, st.Warn.Width(w).Render(fmt.Sprintf("⚠ %s in neither your resume nor the posting: %s. Check or remove %s before you send it.",
				words.Count(len(m.invented), "figure"), strings.Join(m.invented, ", "), them(len(m.invented)))))
		}
	}
	if m.notice != "" {
		lines = append(lines, st.Muted.Width(w).Render(m.notice))
	}
	return strings.Join(lines, "\n")
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// layout gives the pager what the head and the footer leave.
func (m *Model) layout() {
	m.view.Width = max(m.Width-2, 10)
	m.view.Height = max(m.Height-1-lipgloss.Height(m.head())-height(m.footer()), 3)
}

func height(s string) int {
	if s == "" {
		return 0
	}
	return lipgloss.Height(s)
}

// letterWidth is the letter's column: most of a wide window, beside the
// headlines, or the whole of a narrow one.
func (m *Model) letterWidth() int {
	if m.Width >= wide {
		return min(m.Width*3/5, 100)
	}
	return max(min(m.Width-4, 100), 20)
}

// content is the pager's text: why this template, the rendered letter,
// what to fill in, and the headlines beside or under it.
func (m *Model) content(rendered string) string {
	st := m.Styles
	lw := m.letterWidth()
	var top []string
	if m.letter != nil && m.source == "offline" {
		top = append(top, st.Faint.Width(lw).Render(m.letter.Template.Describe()+"; "+reasonLine(m.letter)))
	}
	left := strings.Join(append(top, strings.TrimRight(rendered, "\n")), "\n")
	if ph := letter.Placeholders(m.text); len(ph) > 0 {
		left += "\n\n" + st.Warn.Width(lw).Render("Fill in before you send it: "+strings.Join(ph, ", "))
	}
	if m.Width >= wide {
		rw := max(m.Width-lw-6, 20)
		right := lipgloss.NewStyle().PaddingLeft(2).Render(m.headlinesView(rw - 2))
		return lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(lw).Render(left), right)
	}
	return left + "\n\n" + m.headlinesView(lw)
}

func reasonLine(l *letter.Letter) string {
	if l.Reason == "asked for" {
		return "t for the next"
	}
	return "chosen because " + l.Reason + "; t for another"
}

// headlinesView lists the headlines with their lengths and the summary.
func (m *Model) headlinesView(width int) string {
	st := m.Styles
	h := m.heads
	if h == nil {
		return ""
	}
	lines := []string{st.Heading.Render("LinkedIn headlines")}
	for i, l := range h.Headlines {
		lines = append(lines, lipgloss.NewStyle().Width(width).Render(st.Text.Render(fmt.Sprintf("%d. %s ", i+1, l))+
			st.Faint.Render(fmt.Sprintf("(%d of %d characters)", len([]rune(l)), letter.MaxHeadline))))
	}
	lines = append(lines, "", st.Heading.Render("Summary"), st.Text.Width(width).Render(h.Summary))
	return strings.Join(lines, "\n")
}
