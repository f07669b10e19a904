package session

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/coach-tui/coach/tui/stream"
)

// refreshFeedback puts the offline feedback and the critique so far into
// the viewport. A reader at the bottom stays there as text arrives; one
// who scrolled up keeps their place.
func (m *Model) refreshFeedback() {
	if m.phase != phaseFeedback {
		return
	}
	content := m.offlineOut
	if m.critique.State() != stream.Idle {
		content = strings.TrimRight(content, "\n") + "\n\n" + m.critiqueHeading() + "\n" + m.critique.Content()
	}
	follow := m.view.AtBottom() && m.critique.Active()
	m.view.SetContent(content)
	if follow {
		m.view.GotoBottom()
	}
	m.layout()
}

// critiqueLine is where the critique starts in the viewport.
func (m *Model) critiqueLine() int {
	return lipgloss.Height(strings.TrimRight(m.offlineOut, "\n")) + 1
}

func (m *Model) critiqueHeading() string {
	return " " + m.Styles.Title.Render("Critique") + m.Styles.Muted.Render(" from "+m.critique.ModelName()+" at "+m.critique.Endpoint())
}

// layout gives the viewport what the title and the footer leave.
func (m *Model) layout() {
	switch m.phase {
	case phaseFeedback:
		// The footer holds the keys that answer the screen, so it wins
		// over the feedback in a small window.
		m.view.Height = max(m.Height-1-lipgloss.Height(m.feedbackFooter()), 1)
	default:
		m.view.Height = max(m.Height-3, 3)
	}
}

// feedbackFooter is what sits under the feedback: the consent question,
// the critique's progress, the grade line, any error.
func (m *Model) feedbackFooter() string {
	st := m.Styles
	var lines []string
	if m.asking {
		l := m.App.LLM.Client
		ask := "Send this answer to " + l.Model() + " at " + l.Endpoint() + " for a critique? "
		if m.Height >= 16 {
			ask += "It receives the question, its reference notes and your answer; nothing else. " +
				"y: send (remembered for answers at this endpoint) · n: stay offline this run"
		} else {
			ask += "y: send (remembered) · n: stay offline"
		}
		lines = append(lines, st.Warn.Width(m.wrapWidth()).Render(ask))
	}
	if s := m.critique.Status(); s != "" {
		if m.critique.Active() && !m.view.AtBottom() {
			s += st.Faint.Render(" · c to read")
		}
		lines = append(lines, s)
	}
	if m.gradable() && !m.graded {
		lines = append(lines, lipgloss.NewStyle().Width(m.wrapWidth()).Render(m.gradeLine()))
	}
	if m.err != nil {
		lines = append(lines, st.Bad.Width(m.wrapWidth()).Render(m.err.Error()))
	}
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n")
}

func (m *Model) noticeView() string {
	return m.Styles.Warn.Width(m.wrapWidth()).Render(m.notice)
}

func (m *Model) thinkingView() string {
	st := m.Styles
	name := "the model"
	if c := m.App.LLM.Client; c != nil {
		name = c.Model()
	}
	return m.header() + "\n\n" + st.Text.Width(m.wrapWidth()).Render("Your interviewer ("+name+") is thinking of a follow-up to your answer.") +
		"\n" + m.fu.Status() + "\n" + st.Faint.Width(m.wrapWidth()).Render("esc asks one from the bank instead.")
}
