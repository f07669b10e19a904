package session

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/prompts"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/questions/textsafe"
	"github.com/coach-tui/coach/tui/stream"
)

// critiqued is the answer a critique is about, fixed when it starts: the
// session may have moved on by the time the reply ends.
type critiqued struct {
	attemptID int64
	prompt    string // name.vN
	kind      questions.Kind
}

// wantsCritique reports whether the answer on the feedback screen can be
// sent: something was said, and a model is configured.
func (m *Model) wantsCritique() bool {
	return m.App.LLM.Client != nil && m.report.Words > 0 && m.attemptID != 0 && m.q != nil
}

// afterScoring starts the critique, or asks first when the user has not
// said whether answers may leave the machine.
func (m *Model) afterScoring() tea.Cmd {
	m.asking = false
	if !m.wantsCritique() {
		return nil
	}
	switch {
	case m.App.LLM.On(store.Answers):
		return m.startCritique()
	case m.App.LLM.Asking(store.Answers):
		m.asking = true
	}
	return nil
}

func (m *Model) answerConsent(given bool) tea.Cmd {
	m.asking = false
	cmds := []tea.Cmd{m.App.LLM.Answer(store.Answers, given)}
	if given {
		cmds = append(cmds, m.startCritique())
	}
	m.layout()
	return tea.Batch(cmds...)
}

func (m *Model) startCritique() tea.Cmd {
	p := prompts.Feedback(prompts.FeedbackInput{
		Question: m.q, Answer: m.lastAnswer, Report: m.report, Used: m.spentBefore, Limit: m.limit,
	})
	if p.Err != nil {
		m.err = fmt.Errorf("no critique: %w", p.Err)
		return nil
	}
	kind := m.q.Kind
	m.critiqueOf = critiqued{attemptID: m.attemptID, prompt: fmt.Sprintf("%s.v%d", p.Name, p.Version), kind: kind}
	m.critique.Final = func(text string, complete bool) string { return sess.CritiqueMarkdown(kind, text, complete) }
	cmd := tea.Batch(m.critique.Start(p.Messages, p.Shorter()), m.critique.SetWidth(m.renderWidth()))
	m.refreshFeedback()
	return cmd
}

// saveCritique keeps what the model said about the answer, whole or not.
func (m *Model) saveCritique(reply textsafe.Text, complete bool) tea.Cmd {
	text := reply.String()
	st, of, client := m.App.Store, m.critiqueOf, m.App.LLM.Client
	if st == nil || of.attemptID == 0 || client == nil || strings.TrimSpace(text) == "" {
		return nil
	}
	at := m.App.Clock()
	return func() tea.Msg {
		scores := json.RawMessage("[]")
		if c := prompts.ParseCritique(of.kind, text); c.OK {
			if b, err := json.Marshal(c.Scores); err == nil {
				scores = b
			}
		}
		err := st.SaveLLMFeedback(context.Background(), store.LLMFeedback{
			AttemptID: of.attemptID, Endpoint: client.Endpoint(), Model: client.Model(), Prompt: of.prompt,
			Text: text, Scores: scores, Complete: complete, CreatedAt: at,
		})
		return gradedMsg{err: err}
	}
}

func (m *Model) handleEnded(msg stream.EndedMsg) tea.Cmd {
	if m.fu.Ours(msg) {
		return m.handleFollowUpEnded(msg)
	}
	if !m.critique.Ours(msg) {
		return nil
	}
	m.refreshFeedback()
	return m.saveCritique(msg.Text, msg.Complete)
}

// stopCritique cancels a critique still arriving when the screen moves on,
// keeping what arrived.
func (m *Model) stopCritique() tea.Cmd {
	if !m.critique.Active() {
		return nil
	}
	save := m.saveCritique(m.critique.Text(), false)
	stop, _ := m.critique.Cancel()
	return tea.Batch(stop, save)
}

// Cancel implements common.Canceller: esc stops a critique as it streams
// or the model writing a follow-up (the bank's follow-up is asked).
func (m *Model) Cancel() (tea.Cmd, bool) {
	if m.phase == phaseThinking {
		stop, _ := m.fu.Cancel()
		return tea.Batch(stop, m.followUpFromBank("cancelled")), true
	}
	if m.phase == phaseFeedback {
		if cmd, ok := m.critique.Cancel(); ok {
			m.refreshFeedback()
			return cmd, true
		}
	}
	return nil, false
}

// chainLimit is how many follow-ups one question gets: one, or in a mock
// interview with a model writing them, llm.follow_ups.
func (m *Model) chainLimit() int {
	if m.setup.Mode == sess.Mock && m.App.LLM.On(store.Answers) {
		return m.App.LLM.FollowUps
	}
	return 1
}

// canFollowUp reports whether the answer on the feedback screen gets a
// follow-up, from the model or the bank.
func (m *Model) canFollowUp() bool {
	if !m.setup.FollowUps || m.q == nil || m.attemptID == 0 || m.report.Words == 0 || m.chain >= m.chainLimit() {
		return false
	}
	return m.modelFollowsUp() || m.followUpNext() != nil
}

// modelFollowsUp reports whether the model writes the follow-up. A
// question for the interviewer keeps the bank's: they are about what to
// ask next, not about probing an answer.
func (m *Model) modelFollowsUp() bool {
	return m.App.LLM.On(store.Answers) && m.rootQ().Kind != questions.AskInterviewer
}

// askModelForFollowUp has the model write a follow-up on what the
// candidate actually said. The reply streams like the critique, so a rate
// limit shows its countdown and esc cancels; it is not shown as it comes,
// only read once whole.
func (m *Model) askModelForFollowUp() tea.Cmd {
	root := m.rootQ()
	p := prompts.FollowUp(prompts.FollowUpInput{
		Question: root, Answer: m.rootAnswer, Earlier: m.earlier, Missed: m.rootReport().Missed(),
	})
	if p.Err != nil {
		return m.followUpFromBank(p.Err.Error())
	}
	m.phase = phaseThinking
	return tea.Batch(m.fu.Start(p.Messages, p.Shorter()), m.fu.SetWidth(m.wrapWidth()))
}

// handleFollowUpEnded asks the model's follow-up once its reply is whole,
// or the bank's when it failed or was not a question.
func (m *Model) handleFollowUpEnded(msg stream.EndedMsg) tea.Cmd {
	if m.phase != phaseThinking {
		return nil
	}
	switch msg.State {
	case stream.Cancelled:
		return m.followUpFromBank("cancelled")
	case stream.Failed:
		return m.followUpFromBank(llm.Reason(msg.Err))
	}
	text, ok := prompts.ParseFollowUp(msg.Text.String())
	if !ok {
		return m.followUpFromBank("the model's reply was not a question")
	}
	root := m.rootQ()
	fu := sess.NewFollowUp(root, fmt.Sprintf("%s#ai%d", root.ID, m.chain+1), text)
	return m.beginFollowUp(fu, true)
}

// followUpFromBank asks the bank's next follow-up when the model could
// not write one; why says what went wrong, on the next screen.
func (m *Model) followUpFromBank(why string) tea.Cmd {
	m.notice = ""
	if why != "" {
		m.notice = "No follow-up from the model: " + why + ". This one is from the bank."
	}
	if fu := m.followUpNext(); fu != nil {
		return m.beginFollowUp(fu, false)
	}
	m.notice = ""
	return m.next(false)
}

// beginFollowUp puts a follow-up of the current root question on screen.
func (m *Model) beginFollowUp(fu *questions.Question, byModel bool) tea.Cmd {
	m.followUpsAsked[fu.Text] = true
	root, rootAttempt := m.rootQ(), m.rootAttempt()
	m.chain++
	notice := m.notice
	cmd := m.begin(fu, root)
	m.parent, m.parentAttempt = root, rootAttempt
	m.byModel, m.notice = byModel, notice
	return cmd
}
