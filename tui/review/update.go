package review

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/docform"
	"github.com/coach-tui/coach/tui/letter"
	"github.com/coach-tui/coach/tui/session"
	"github.com/coach-tui/coach/tui/stream"
)

// Update implements common.Screen. The footers under the report and the
// tailoring change with the model's progress, so the viewports are laid
// out again after every message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	cmd := m.update(msg)
	m.layout()
	if m.report != nil && m.level == levelTailor {
		m.refreshTailor()
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	// The tailoring's own messages first: pieces, renders, retries.
	if cmd, ok := m.tailor.Update(msg); ok {
		return cmd
	}
	if cmd, ok := m.writer.Update(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case stream.EndedMsg:
		switch {
		case m.writer.Ours(msg):
			return m.handleWriterEnded(msg)
		case m.tailor.Ours(msg):
			return m.checkFigures(msg.Text)
		}
		return nil
	case inventedMsg:
		if msg.gen == m.tailor.Gen() {
			m.invented = msg.figures
		}
		return nil
	case common.QuestionsMsg:
		return m.handleParsed(msg)
	case docform.RememberedMsg:
		m.form.Fill(msg)
	case reviewedMsg:
		m.busy = false
		m.err = msg.err
		if msg.err == nil {
			m.report, m.doc, m.posting, m.level = msg.report, msg.doc, msg.posting, levelReport
			m.asking, m.notice = actNone, ""
			m.layout()
			m.view.SetContent(m.reportView())
			m.view.GotoTop()
		}
	case tea.WindowSizeMsg:
		if m.report != nil {
			m.view.SetContent(m.reportView())
		}
		return tea.Batch(m.tailor.SetWidth(m.renderWidth()), m.writer.SetWidth(m.wrapWidth()))
	case tea.KeyMsg:
		switch {
		case m.report == nil:
			return m.inputKey(msg)
		case m.level == levelTailor:
			return m.tailorKey(msg)
		}
		return m.reportKey(msg)
	}
	return nil
}

func (m *Model) inputKey(msg tea.KeyMsg) tea.Cmd {
	if msg.Type == tea.KeyEsc {
		// The inputs take q and ?, but esc still leaves the screen.
		return common.Back
	}
	cmd, submit := m.form.Update(msg)
	if submit {
		return m.start()
	}
	return cmd
}

// start checks the inputs are there, then runs the review.
func (m *Model) start() tea.Cmd {
	if err := m.form.Check(); err != nil {
		m.err = err
		return nil
	}
	m.busy, m.err = true, nil
	return m.run()
}

func (m *Model) reportKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if m.view.Searching() || m.view.Searched() && key.Matches(msg, common.SearchNext, common.SearchPrev) && m.asking == actNone {
		m.view, _ = m.view.Update(msg)
		return nil
	}
	switch {
	case m.asking != actNone && key.Matches(msg, k.Consent):
		return m.answerConsent(true)
	case m.asking != actNone && key.Matches(msg, k.Decline):
		return m.answerConsent(false)
	case m.llmOffered() && key.Matches(msg, k.Tailor):
		if m.generating {
			return nil
		}
		m.notice = ""
		return m.openTailor()
	case m.llmOffered() && key.Matches(msg, k.Generate):
		if m.generating {
			return nil
		}
		m.notice = ""
		return m.request(actGenerate)
	case key.Matches(msg, k.Sort):
		m.order = (m.order + 1) % sortOrders
		y := m.view.YOffset
		m.view.SetContent(m.reportView())
		m.view.SetYOffset(y)
		return nil
	case key.Matches(msg, k.Letter):
		return common.Push(letter.FromReview(m.Common, m.doc, m.posting))
	case key.Matches(msg, k.Practice):
		qs := m.report.PracticeQuestions()
		if len(qs) == 0 {
			return nil
		}
		// Not waiting for the model's questions: the report's own now.
		stop := m.stopGenerating()
		m.asking, m.notice = actNone, ""
		return tea.Batch(stop, m.practise(qs))
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return cmd
}

// practise starts a practice session on qs, in order.
func (m *Model) practise(qs []*questions.Question) tea.Cmd {
	if len(qs) == 0 {
		return nil
	}
	s := sess.DefaultSetup()
	s.Count, s.FollowUps = len(qs), true
	return common.Push(session.WithQuestions(m.Common, s, qs))
}
