package session

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/coach-tui/coach/coach/drills"
	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/coach/llm/prompts"
	sess "github.com/coach-tui/coach/coach/session"
)

// View implements common.Screen.
func (m *Model) View() string {
	st := m.Styles
	var body string
	switch m.phase {
	case phaseLoading:
		body = st.Muted.Render("Choosing your questions…")
	case phaseReading, phaseAnswering:
		body = m.questionView()
	case phaseScoring:
		body = m.header() + "\n\n" + st.Muted.Render("Scoring your answer…")
	case phaseFeedback:
		body = st.Title.Render("Feedback") + st.Muted.Render(" · ") + m.header() + "\n" + m.view.View()
		if f := m.feedbackFooter(); f != "" {
			body += "\n" + f
		}
		return lipgloss.NewStyle().Padding(0, 1).Render(body)
	case phaseThinking:
		body = m.thinkingView()
	case phaseAsk:
		body = m.askView()
	case phaseSummary:
		body = m.summaryTitle() + "\n" + m.view.View()
	}
	if m.err != nil {
		body += "\n" + st.Bad.Width(max(m.Width-4, 10)).Render(m.err.Error())
	}
	return lipgloss.NewStyle().Padding(0, 1).Render(body)
}

// gradeLine asks how the answer went, with the grade the score suggests.
func (m *Model) gradeLine() string {
	st := m.Styles
	var parts []string
	for _, g := range drills.Grades {
		label := fmt.Sprintf("%d %s", int(g), g)
		if g == m.suggested() {
			label = st.Selected.Render(label + " (enter)")
		} else {
			label = st.Muted.Render(label)
		}
		parts = append(parts, label)
	}
	return st.Text.Render("How did it go? ") + strings.Join(parts, st.Faint.Render(" · "))
}

func scrollHint(m *Model) string {
	return fmt.Sprintf("%3.0f%%", m.view.ScrollPercent()*100)
}

// header names the question's place in the session and its facts.
func (m *Model) header() string {
	st := m.Styles
	if m.q == nil {
		return ""
	}
	label := fmt.Sprintf("Question %d of %d", m.idx+1, len(m.plan))
	if m.queue != nil {
		label = fmt.Sprintf("Drill · %d to go", max(m.queue.Len(), 1))
	}
	if m.isFollowUp() {
		label = fmt.Sprintf("Follow-up to question %d", m.idx+1)
		if m.chain > 1 {
			label = fmt.Sprintf("Follow-up %d to question %d", m.chain, m.idx+1)
		}
	}
	facts := fmt.Sprintf(" · %s · %s · %s", m.q.Kind, m.q.Category, m.q.DifficultyName())
	if m.byModel && m.isFollowUp() {
		facts = " · asked by " + m.App.LLM.Client.Model()
	}
	if lipgloss.Width(label+facts) > m.Width-2 {
		facts = " · " + string(m.q.Kind)
	}
	return st.Title.Render(label) + st.Muted.Render(facts)
}

func (m *Model) wrapWidth() int { return max(m.Width-2, 10) }

func (m *Model) questionView() string {
	st := m.Styles
	parts := []string{m.header(), "", st.Heading.Width(m.wrapWidth()).Render(oneLine(m.q.Text))}
	if prompts.HasInvented(m.q.Text) {
		parts = append(parts, st.Muted.Width(m.wrapWidth()).Render(inventedNote))
	}
	if m.notice != "" {
		parts = append(parts, m.noticeView())
	}
	if m.showHint {
		parts = append(parts, m.hintView())
	}
	parts = append(parts, "", m.clockView())
	if m.phase == phaseReading {
		left := m.readingEnds.Sub(m.now).Round(time.Second)
		parts = append(parts, "", st.Muted.Width(m.wrapWidth()).Render(
			fmt.Sprintf("Reading time: the clock starts in %s. Press enter to start now.", left)))
		return strings.Join(parts, "\n")
	}
	parts = append(parts, m.area.View(), m.statusLine())
	if l := m.voiceLine(); l != "" {
		parts = append(parts, l)
	}
	return strings.Join(parts, "\n")
}

// inventedNote explains the ⚠ that FlagInvented puts in a model's question.
const inventedNote = "⚠ This figure is in neither the posting nor your resume: the model made it up, so do not treat it as fact."

// hintView lists the key point headings: the hint shows what to cover,
// never the words that would score it.
func (m *Model) hintView() string {
	st := m.Styles
	lines := []string{st.Muted.Render("Hint: a strong answer covers")}
	for _, kp := range m.q.KeyPoints {
		lines = append(lines, strings.Split(st.Muted.Width(m.wrapWidth()).Render("• "+kp.Point), "\n")...)
	}
	// The hint gives way to the answer box: in a short window it keeps
	// what fits above three rows of box and says what it left out.
	room := m.Height - 5 - lipgloss.Height(m.Styles.Heading.Width(m.wrapWidth()).Render(oneLine(m.q.Text))) - 3
	if m.notice != "" {
		room -= lipgloss.Height(m.noticeView())
	}
	if len(lines) > max(room, 1) {
		keep := max(room-1, 0)
		more := st.Faint.Render(fmt.Sprintf("…and %d more lines", len(lines)-keep))
		lines = append(lines[:keep:keep], more)
	}
	return strings.Join(lines, "\n")
}

// clockView is the countdown: a bar and mm:ss, amber at a quarter of the
// time left and red at a tenth; in soft mode overtime counts up.
func (m *Model) clockView() string {
	st := m.Styles
	if m.setup.Timer == sess.Untimed {
		return st.Faint.Render("untimed · " + mmss(m.elapsed()) + " so far")
	}
	if m.phase == phaseReading {
		return st.Faint.Render(fmt.Sprintf("%s to answer once the clock starts", mmss(m.limit)))
	}
	left := m.remaining()
	frac := float64(left) / float64(max(m.limit, time.Second))
	style := st.Good
	switch {
	case frac <= 0.10:
		style = st.Bad
	case frac <= 0.25:
		style = st.Warn
	}
	barWidth := max(min(m.wrapWidth()-24, 40), 6)
	filled := int(float64(barWidth)*frac + 0.5)
	filled = min(max(filled, 0), barWidth)
	bar := style.Render(strings.Repeat("━", filled)) + st.Faint.Render(strings.Repeat("─", barWidth-filled))
	if left < 0 {
		return bar + " " + st.Warn.Render("+"+mmss(-left)+" over") + st.Faint.Render(" of "+mmss(m.limit))
	}
	return bar + " " + style.Render(mmss(left)) + st.Faint.Render(" left of "+mmss(m.limit))
}

func mmss(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

func (m *Model) statusLine() string {
	st := m.Styles
	words := feedback.CountWords(m.area.Value())
	left := fmt.Sprintf("%d words", words)
	if m.hintUsed {
		left += " · hint used"
	}
	if m.leaveArmed {
		left = st.Warn.Render("Press esc again to leave; your answer is kept to resume later.")
		return left
	}
	if m.area.Value() != "" && m.area.Value() == m.savedText {
		left += " · draft saved"
	}
	return st.Faint.Render(left)
}

func (m *Model) askView() string {
	st := m.Styles
	parts := []string{st.Title.Render("Your questions for them"),
		st.Muted.Width(m.wrapWidth()).Render("\"Do you have any questions for us?\" Pick the ones you would ask (space); w shows why each is worth asking; d when done."), ""}
	for i, q := range m.ask {
		mark := "[ ]"
		if m.asked[q.ID] {
			mark = "[x]"
		}
		cursor, text := "  ", st.Text.Render(truncate(oneLine(q.Text), m.wrapWidth()-7))
		if i == m.askCursor {
			cursor, text = st.Selected.Render("› "), st.Selected.Render(truncate(oneLine(q.Text), m.wrapWidth()-7))
		}
		parts = append(parts, cursor+st.Key.Render(mark)+" "+text)
	}
	if m.showWhy && len(m.ask) > 0 {
		q := m.ask[m.askCursor]
		parts = append(parts, "", st.Heading.Render("Why ask it"), st.Text.Width(m.wrapWidth()).Render(q.Why))
	}
	return strings.Join(parts, "\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func truncate(s string, n int) string {
	r := []rune(s)
	if n < 2 || len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// summaryTitle names the screen and the overall score, and how far down
// the summary is when the window has room for it: a title wider than the
// window would widen every line under it.
func (m *Model) summaryTitle() string {
	st := m.Styles
	room := max(m.Width-2, 1)
	title := st.Title.Render("Session summary") + st.Muted.Render(fmt.Sprintf(" · overall %d/100", m.summary.Overall))
	if hint := st.Muted.Render(" · " + scrollHint(m)); lipgloss.Width(title+hint) <= room {
		return title + hint
	}
	return ansi.Truncate(title, room, "…")
}
