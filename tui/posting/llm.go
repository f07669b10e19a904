package posting

import (
	"errors"
	"fmt"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/prompts"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/stream"
)

// modelQuestions is how many questions the model is asked to write.
const modelQuestions = 5

// answerConsent acts on y or n: a yes sends the posting, a no practises
// the bank's questions alone.
func (m *Model) answerConsent(given bool) tea.Cmd {
	answer := m.App.LLM.Answer(store.Documents, given)
	if given {
		return tea.Batch(answer, m.startWriting())
	}
	return tea.Batch(answer, m.practise(m.found.bank))
}

// startWriting asks the model for questions from the posting. The reply
// streams, though it is not shown: a rate limit shows its countdown, and
// esc cancels the request (Cancel).
func (m *Model) startWriting() tea.Cmd {
	p := prompts.PostingQuestions(m.found.text, m.writingRole(), modelQuestions)
	if p.Err != nil {
		m.failed(errors.New("the request could not be built: " + p.Err.Error()))
		return nil
	}
	m.setPhase(phaseWriting)
	return tea.Batch(m.writer.Start(p.Messages, p.Shorter()), m.writer.SetWidth(m.textWidth()))
}

// writingRole is the role the model writes for: the posting's, else
// backend.
func (m *Model) writingRole() questions.Role {
	if role, ok := m.found.posting.QuestionRole(); ok {
		return role
	}
	return questions.Backend
}

// handleWriterEnded reads the questions out of the whole reply, in a
// command, or says why there are none.
func (m *Model) handleWriterEnded(msg stream.EndedMsg) tea.Cmd {
	if m.phase != phaseWriting {
		return nil // stopped already (esc)
	}
	switch msg.State {
	case stream.Cancelled:
		return m.stopped()
	case stream.Failed:
		m.failed(msg.Err)
		return nil
	}
	return common.ReadQuestions(msg.Text, m.writingRole(), modelQuestions, m.writer.Gen(), m.found.text)
}

// handleParsed practises the bank's questions and then the model's, or
// says why the model wrote none; it never starts on a failure.
func (m *Model) handleParsed(msg common.QuestionsMsg) tea.Cmd {
	if msg.Gen != m.writer.Gen() || m.phase != phaseWriting {
		return nil
	}
	if msg.Err != nil {
		m.failed(msg.Err)
		return nil
	}
	return m.practise(append(slices.Clip(m.found.bank), msg.Questions...))
}

// stopped is what a stop while the model writes leads to: the bank's
// questions alone, or a notice when there are none.
func (m *Model) stopped() tea.Cmd {
	if len(m.found.bank) == 0 {
		m.setPhase(phaseEditing)
		m.notice = "Stopped: no questions were written."
		return nil
	}
	return m.practise(m.found.bank)
}

// failed says why the model wrote nothing and waits: enter practises the
// bank's questions, if there are any.
func (m *Model) failed(err error) {
	m.notice = "No questions from the model: " + llm.Reason(err) + "."
	if n := len(m.found.bank); n > 0 {
		m.setPhase(phaseReady)
		m.notice += fmt.Sprintf(" enter practises the %s from the bank.", plural(n, "question", "questions"))
		return
	}
	m.setPhase(phaseEditing)
	m.notice += " " + noSkills
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
