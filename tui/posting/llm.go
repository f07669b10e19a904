package posting

import (
	"context"
	"errors"
	"fmt"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/prompts"
	"github.com/coach-tui/coach/coach/resume"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

// modelQuestions is how many questions the model is asked to write.
const modelQuestions = 5

// postingRole is the role the posting's title names, if coach has it.
func postingRole(p *resume.Posting) (questions.Role, bool) {
	if p == nil {
		return "", false
	}
	r := questions.Role(p.Role)
	return r, slices.Contains(questions.Roles, r)
}

// answerConsent acts on y or n: a yes sends the posting, a no practises
// the bank's questions alone.
func (m *Model) answerConsent(given bool) tea.Cmd {
	answer := m.App.LLM.Answer(given)
	if given {
		return tea.Batch(answer, m.startWriting())
	}
	return tea.Batch(answer, m.practise(m.found.bank))
}

type writtenMsg struct {
	seq int
	qs  []*questions.Question
	err error
}

// startWriting asks the model for questions from the posting, in a
// command; the context is made here so esc can cancel it.
func (m *Model) startWriting() tea.Cmd {
	role, ok := postingRole(m.found.posting)
	if !ok {
		role = questions.Backend
	}
	p := prompts.PostingQuestions(m.found.text, role, modelQuestions)
	if p.Err != nil {
		m.failed(errors.New("the request could not be built: " + p.Err.Error()))
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.seq++
	m.cancel = cancel
	m.setPhase(phaseWriting)
	client, seq := m.App.LLM.Client, m.seq
	return tea.Batch(m.spin.Tick, func() tea.Msg {
		text, err := client.Complete(ctx, p.Messages)
		var le *llm.Error
		if errors.As(err, &le) && le.Kind == llm.KindContextTooLong {
			if shorter, ok := p.Trim(); ok {
				text, err = client.Complete(ctx, shorter.Messages)
			}
		}
		if err != nil {
			return writtenMsg{seq: seq, err: err}
		}
		qs, err := prompts.ParseQuestions(text, role, modelQuestions)
		for _, q := range qs {
			// The client cleans replies already; the session shows these,
			// so once more costs nothing.
			q.Text = common.SanitizeText(q.Text)
		}
		return writtenMsg{seq: seq, qs: qs, err: err}
	})
}

// stopWriting cancels the request, if one is running; its reply, should
// it still come, is dropped.
func (m *Model) stopWriting() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	m.seq++
}

// handleWritten practises the bank's questions and then the model's, or
// says why the model wrote none; it never starts on a failure.
func (m *Model) handleWritten(msg writtenMsg) tea.Cmd {
	if msg.seq != m.seq || m.phase != phaseWriting {
		return nil
	}
	m.cancel = nil
	if msg.err != nil {
		m.failed(msg.err)
		return nil
	}
	return m.practise(append(slices.Clip(m.found.bank), msg.qs...))
}

// failed says why the model wrote nothing and waits: enter practises the
// bank's questions, if there are any.
func (m *Model) failed(err error) {
	m.notice = "No questions from the model (" + reasonOf(err) + ")."
	if n := len(m.found.bank); n > 0 {
		m.setPhase(phaseReady)
		m.notice += fmt.Sprintf(" enter practises the %s from the bank.", plural(n, "question", "questions"))
		return
	}
	m.setPhase(phaseEditing)
	m.notice += " " + noSkills
}

func reasonOf(err error) string {
	var le *llm.Error
	if errors.As(err, &le) {
		return le.Reason
	}
	return err.Error()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
