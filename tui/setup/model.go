// Package setup is the screen where a candidate chooses a practice session
// or a mock interview: role, kinds, category, difficulty, how many, the
// timer and the allowances. The last choice is remembered.
package setup

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/posting"
	"github.com/coach-tui/coach/tui/session"
)

// Model is the setup screen.
type Model struct {
	common.Common
	keys   keyMap
	mode   sess.Mode
	setup  sess.Setup
	fields []field
	cursor int
	// tags narrows practice to questions practising these skills; it is
	// not remembered.
	tags      []string
	tagsTitle string
	loaded    bool
	err       error
}

// New returns the setup screen for a practice session or a mock interview.
func New(c common.Common, mode sess.Mode) *Model {
	m := &Model{Common: c, keys: defaultKeys(), mode: mode}
	m.setup = defaults(mode)
	m.fields = practiceFields()
	if mode == sess.Mock {
		m.fields = mockFields()
	}
	return m
}

// ForSkill returns a practice setup limited to the questions that practise
// one skill.
func ForSkill(c common.Common, tag, name string) *Model {
	m := New(c, sess.Practice)
	m.tags, m.tagsTitle = []string{tag}, name
	return m
}

func defaults(mode sess.Mode) sess.Setup {
	s := sess.DefaultSetup()
	s.Mode = mode
	if mode == sess.Mock {
		s.Count = 6
	}
	return s
}

func settingKey(mode sess.Mode) string { return "setup." + string(mode) }

type loadedMsg struct{ setup sess.Setup }

// Init loads the last choice.
func (m *Model) Init() tea.Cmd {
	st, mode := m.App.Store, m.mode
	return func() tea.Msg {
		s := defaults(mode)
		if st != nil {
			if r, err := Remembered(context.Background(), st, mode); err == nil {
				s = r
			}
		}
		return loadedMsg{setup: s}
	}
}

// filter is the bank filter the current choices amount to.
func (m *Model) filter() questions.Filter {
	s := m.setup
	f := questions.Filter{Roles: []questions.Role{s.Role}, Kinds: s.Kinds, Categories: s.Categories, Difficulties: s.Difficulties, Tags: m.tags, Company: s.Company}
	if m.mode == sess.Mock {
		f = questions.Filter{Roles: []questions.Role{s.Role}}
	}
	if len(f.Kinds) == 0 && m.mode == sess.Practice {
		f.Kinds = []questions.Kind{questions.Behavioral, questions.Technical, questions.SystemDesign, questions.Situational}
	}
	return f
}

// matching counts the questions the choices allow.
func (m *Model) matching() int {
	if m.App.Bank == nil {
		return -1
	}
	return len(m.App.Bank.Filter(m.filter()))
}

type savedMsg struct{ err error }

// start remembers the choices and opens the session.
func (m *Model) start() tea.Cmd {
	s := m.setup
	s.Plan, s.Asked = nil, nil
	st := m.App.Store
	remember := func() tea.Msg {
		if st == nil {
			return savedMsg{}
		}
		return savedMsg{err: Remember(context.Background(), st, s)}
	}
	run := s
	run.Tags = m.tags
	return tea.Batch(remember, common.Push(session.New(m.Common, run)))
}

// forPosting opens practice for a job posting: its questions come from the
// posting, the rest of the session (timer, reading time, allowance,
// follow-ups) from the choices here.
func (m *Model) forPosting() tea.Cmd {
	s := m.setup
	s.Plan, s.Asked = nil, nil
	return common.Push(posting.New(m.Common, s))
}
