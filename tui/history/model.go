// Package history is the screen for past sessions: each session with its
// answers, filtered by kind or category, each answer with its feedback,
// the session's report, and deleting with confirmation.
package history

import (
	"context"
	"fmt"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/tui/common"
)

type level int

const (
	levelSessions level = iota
	levelAttempts
	levelDetail
)

// Model is the history screen.
type Model struct {
	common.Common
	keys keyMap

	level    level
	sessions []store.Session
	cursor   int // in sessions
	session  store.Session
	attempts []store.Attempt
	acursor  int // in the filtered attempts
	kind     string
	category string

	view    viewport.Model
	confirm *pending // a delete waiting for y or n
	loaded  bool
	err     error
}

// pending is a delete the user must confirm.
type pending struct {
	what string
	run  func(*store.Store) error
}

// New returns the history screen.
func New(c common.Common) *Model {
	return &Model{Common: c, keys: defaultKeys(), view: viewport.New(0, 0)}
}

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.view.Width, m.view.Height = max(w-2, 10), max(h-3, 3)
}

// Init loads the sessions.
func (m *Model) Init() tea.Cmd { return m.loadSessions() }

type sessionsMsg struct {
	list []store.Session
	err  error
}

type attemptsMsg struct {
	list []store.Attempt
	err  error
}

type renderedMsg struct {
	out string
	err error
}

type deletedMsg struct{ err error }

func (m *Model) loadSessions() tea.Cmd {
	st := m.App.Store
	return func() tea.Msg {
		if st == nil {
			return sessionsMsg{err: fmt.Errorf("the database is not open yet")}
		}
		list, err := st.Sessions(context.Background())
		return sessionsMsg{list: list, err: err}
	}
}

func (m *Model) loadAttempts(id int64) tea.Cmd {
	st := m.App.Store
	return func() tea.Msg {
		list, err := st.Attempts(context.Background(), id)
		return attemptsMsg{list: list, err: err}
	}
}

func (m *Model) render(md string) tea.Cmd {
	r, width := m.Markdown, max(min(m.view.Width-2, 100), 20)
	return func() tea.Msg {
		out, err := r.Render(md, width)
		return renderedMsg{out: out, err: err}
	}
}

// filtered is the session's attempts that pass the kind and category
// filters.
func (m *Model) filtered() []store.Attempt {
	var out []store.Attempt
	for _, a := range m.attempts {
		if (m.kind == "" || a.Kind == m.kind) && (m.category == "" || a.Category == m.category) {
			out = append(out, a)
		}
	}
	return out
}

// detailMarkdown is one answer with its feedback and, when the question is
// still in the bank, the outline of a strong answer.
func (m *Model) detailMarkdown(a store.Attempt) string {
	r := sess.DecodeReport(a.Report)
	md := sess.AttemptMarkdown(m.acursor+1, sess.Row{Attempt: a, Report: r, FollowUp: a.ParentID != 0})
	if m.App.Bank != nil {
		if q, ok := m.App.Bank.Get(a.QuestionID); ok {
			md += "## A strong answer\n\n" + q.Outline + "\n"
		}
	}
	return md
}
