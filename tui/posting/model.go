// Package posting is the screen where a candidate practises for a job
// posting: the posting is pasted in, coach picks bank questions on the
// skills it asks for (offline), and a practice session starts on them
// under the setup chosen on the practice screen. With a model configured
// and the user's yes, the model also writes questions from the posting,
// practised after the bank's; only the posting's text is sent.
package posting

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/resume"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/session"
	"github.com/coach-tui/coach/tui/stream"
)

// phase is what the screen is doing.
type phase int

const (
	phaseEditing phase = iota // the posting is typed or pasted
	phaseReading              // the posting is analysed, in a command
	phaseAsking               // the consent question is up
	phaseWriting              // the model is writing questions
	phaseReady                // the model wrote none; enter practises the bank's
)

// Model is the posting screen.
type Model struct {
	common.Common
	keys  keyMap
	setup sess.Setup
	text  textarea.Model

	phase   phase
	compact bool          // the window is too short for the explanation and spacing
	seq     int           // numbers readings of the posting; an older one's result is dropped
	found   *found        // the last posting analysed
	notice  string        // one line: why nothing started, or what the model did
	writer  *stream.Model // the model writing questions; its reply is read, not shown
}

// found is a posting analysed and the bank questions picked for it.
type found struct {
	text    string
	posting *resume.Posting
	bank    []*questions.Question
}

// New returns the posting screen; sessions it starts use setup's timer,
// reading time, allowance and follow-ups.
func New(c common.Common, setup sess.Setup) *Model {
	ta := common.NewTextArea(c.Styles, "Paste the job posting here: its title, what you will do, the requirements.")
	ta.Focus()
	// The client is fixed for the run; nil leaves the stream idle.
	w := stream.New(c.Styles, c.Markdown, c.App.LLM.Client, nil)
	// The reply is read, not shown: no need to render it whole.
	w.Final = func(string, bool) string { return "" }
	return &Model{Common: c, keys: defaultKeys(), setup: setup, text: ta, writer: w}
}

// settingPosting keeps the last posting practised for, so leaving the
// screen (or a crash) never costs the paste.
const settingPosting = "posting.text"

type rememberedMsg struct{ text string }

// Init implements common.Screen: the last posting comes back.
func (m *Model) Init() tea.Cmd {
	st := m.App.Store
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		v, _, _ := st.Setting(context.Background(), settingPosting)
		return rememberedMsg{text: v}
	}
}

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.layout()
}

// TakingText implements common.TextTaker: while the posting is typed every
// key but ctrl+c is the screen's, esc included (it leaves the screen).
func (m *Model) TakingText() bool { return m.phase == phaseEditing || m.phase == phaseReading }

// BackLevel implements common.LevelBacker: after the model failed, esc
// goes back to editing the posting, which keeps its text.
func (m *Model) BackLevel() bool {
	if m.phase != phaseReady {
		return false
	}
	m.setPhase(phaseEditing)
	m.notice = ""
	m.layout()
	return true
}

// Cancel implements common.Canceller: esc puts the consent question away
// (nothing decided, nothing sent), or stops the model writing questions
// and practises the bank's alone.
func (m *Model) Cancel() (tea.Cmd, bool) {
	// The root calls this outside Update: the lines under the posting
	// change, so lay it out again.
	defer m.layout()
	switch m.phase {
	case phaseAsking:
		m.setPhase(phaseEditing)
		return nil, true
	case phaseWriting:
		// The request's context ends now; the bank's questions, if any,
		// are practised alone.
		stop, _ := m.writer.Cancel()
		return tea.Batch(stop, m.stopped()), true
	}
	return nil, false
}

// setPhase moves to p; the posting takes keys only while it is edited.
func (m *Model) setPhase(p phase) {
	m.phase = p
	if p == phaseEditing || p == phaseReading {
		m.text.Focus()
	} else {
		m.text.Blur()
	}
}

type readMsg struct {
	seq     int
	text    string
	posting *resume.Posting
	bank    []*questions.Question
	err     error
}

// read analyses the posting and picks its bank questions, in a command.
func (m *Model) read() tea.Cmd {
	text := m.text.Value()
	if strings.TrimSpace(text) == "" {
		m.notice = "Paste the job posting first."
		return nil
	}
	m.seq++
	m.notice = ""
	m.setPhase(phaseReading)
	seq, bank, st := m.seq, m.App.Bank, m.App.Store
	return func() tea.Msg {
		if st != nil {
			// Best effort: a posting not kept is only a posting to paste again.
			_ = st.SetSetting(context.Background(), settingPosting, text)
		}
		p, qs, err := resume.QuestionsForPosting(text, resume.Options{Bank: bank})
		return readMsg{seq: seq, text: text, posting: p, bank: qs, err: err}
	}
}

// handleRead goes on from the posting read: to the consent question, the
// model, or straight to practice.
func (m *Model) handleRead(msg readMsg) tea.Cmd {
	if msg.seq != m.seq || m.phase != phaseReading {
		return nil
	}
	if msg.err != nil {
		m.setPhase(phaseEditing)
		m.notice = msg.err.Error()
		return nil
	}
	m.found = &found{text: msg.text, posting: msg.posting, bank: msg.bank}
	l := m.App.LLM
	switch {
	case l.Asking(store.Documents):
		m.setPhase(phaseAsking)
		return nil
	case l.On(store.Documents):
		return m.startWriting()
	}
	return m.practise(m.found.bank)
}

// noSkills is said when there is nothing to practise.
const noSkills = "The posting names none of the skills coach has questions for, so there is nothing to practise. " +
	"Check it is the whole posting, with its requirements."

// practise starts a session on qs, in order, under the setup chosen on
// the practice screen; the screen stays as it was under it.
func (m *Model) practise(qs []*questions.Question) tea.Cmd {
	m.setPhase(phaseEditing)
	if len(qs) == 0 {
		m.notice = noSkills
		return nil
	}
	m.notice = ""
	s := m.setup
	s.Mode, s.Count = sess.Practice, len(qs)
	// The questions are given: the setup's filters did not choose them,
	// so they are not recorded as if they had.
	s.Kinds, s.Categories, s.Difficulties, s.Tags, s.Company, s.Plan, s.Asked = nil, nil, nil, nil, "", nil, nil
	if r, ok := m.found.posting.QuestionRole(); ok {
		s.Role = r
	}
	return common.Push(session.WithQuestions(m.Common, s, qs))
}
