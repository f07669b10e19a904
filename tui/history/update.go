package history

import (
	"fmt"
	"sort"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/session"
)

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case sessionsMsg:
		m.all, m.err, m.loaded = msg.list, msg.err, true
		m.sessions = m.visible()
		m.cursor = min(m.cursor, max(len(m.sessions)-1, 0))
	case searchedMsg:
		m.searched(msg)
	case attemptsMsg:
		m.attempts, m.err = msg.list, msg.err
		m.acursor = min(m.acursor, max(len(m.filtered())-1, 0))
	case renderedMsg:
		if msg.err != nil {
			m.err = msg.err
		} else {
			m.view.SetContent(msg.out)
		}
	case deletedMsg:
		m.err = msg.err
		return m, m.afterDelete()
	case exportedMsg:
		m.err, m.notice = msg.err, ""
		if msg.err == nil {
			m.notice = "Saved to " + msg.path
		}
	case tea.WindowSizeMsg:
		// Shown again, perhaps after a session was continued from here:
		// read what changed.
		if m.level == levelSessions {
			return m, m.loadSessions()
		}
		return m, tea.Batch(m.loadSessions(), m.loadAttempts(m.session.ID))
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

// TakingText implements common.TextTaker while a delete waits for y or n,
// so esc answers the question instead of leaving the screen.
func (m *Model) TakingText() bool {
	return m.confirm != nil || m.level == levelDetail && m.view.Searching() || m.level == levelSessions && m.search.typing
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if m.confirm != nil {
		switch {
		case key.Matches(msg, k.Yes):
			run, st := m.confirm.run, m.App.Store
			m.confirm = nil
			return func() tea.Msg { return deletedMsg{err: run(st)} }
		case key.Matches(msg, k.No):
			m.confirm = nil
		}
		return nil
	}
	switch m.level {
	case levelSessions:
		return m.sessionsKey(msg)
	case levelAttempts:
		return m.attemptsKey(msg)
	}
	if key.Matches(msg, k.Delete) && m.inDetailOfAttempt() && !m.view.Searching() {
		return m.askDeleteAttempt()
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return cmd
}

func (m *Model) sessionsKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if cmd, ok := m.searchKey(msg); ok {
		return cmd
	}
	n := len(m.sessions)
	if n == 0 {
		return nil
	}
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = (m.cursor - 1 + n) % n
	case key.Matches(msg, k.Down):
		m.cursor = (m.cursor + 1) % n
	case key.Matches(msg, k.Open):
		m.session, m.level, m.acursor, m.kind, m.category = m.sessions[m.cursor], levelAttempts, 0, "", ""
		m.attempts = nil
		return m.loadAttempts(m.session.ID)
	case key.Matches(msg, k.Continue) && m.sessions[m.cursor].EndedAt.IsZero():
		return common.Push(session.Continue(m.Common, m.sessions[m.cursor].ID))
	case key.Matches(msg, k.Export):
		return m.export(m.sessions[m.cursor])
	case key.Matches(msg, k.Delete):
		s := m.sessions[m.cursor]
		what := fmt.Sprintf("Delete the session of %s with its %s?", s.StartedAt.Local().Format("2 Jan 15:04"), words.Count(s.Attempts, "answer"))
		if s.Unfinished > 0 {
			what = fmt.Sprintf("Delete the session of %s with its %s and %s?", s.StartedAt.Local().Format("2 Jan 15:04"),
				words.Count(s.Attempts, "answer"), words.Count(s.Unfinished, "unfinished answer"))
		}
		m.confirm = &pending{
			what: what,
			run:  func(st *store.Store) error { return st.DeleteSession(ctxb(), s.ID) },
		}
	}
	return nil
}

func (m *Model) attemptsKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	list := m.filtered()
	switch {
	case key.Matches(msg, k.Up) && len(list) > 0:
		m.acursor = (m.acursor - 1 + len(list)) % len(list)
	case key.Matches(msg, k.Down) && len(list) > 0:
		m.acursor = (m.acursor + 1) % len(list)
	case key.Matches(msg, k.Kind):
		m.kind = nextValue(m.attempts, m.kind, func(a store.Attempt) string { return a.Kind })
		m.acursor = 0
	case key.Matches(msg, k.Category):
		m.category = nextValue(m.attempts, m.category, func(a store.Attempt) string { return a.Category })
		m.acursor = 0
	case key.Matches(msg, k.Open) && len(list) > 0:
		m.level = levelDetail
		m.view.SetContent("")
		m.view.GotoTop()
		m.view.EndSearch()
		return m.renderDetail(list[m.acursor])
	case key.Matches(msg, k.Continue) && m.session.EndedAt.IsZero():
		return common.Push(session.Continue(m.Common, m.session.ID))
	case key.Matches(msg, k.Report):
		m.level, m.acursor = levelDetail, -1
		m.view.SetContent("")
		m.view.GotoTop()
		m.view.EndSearch()
		return m.render(sess.Summarize(m.session, m.attempts).Markdown())
	case key.Matches(msg, k.Export):
		return m.export(m.session)
	case key.Matches(msg, k.Delete) && len(list) > 0:
		return m.askDeleteAttempt()
	}
	return nil
}

func (m *Model) inDetailOfAttempt() bool { return m.level == levelDetail && m.acursor >= 0 }

func (m *Model) askDeleteAttempt() tea.Cmd {
	list := m.filtered()
	if m.acursor < 0 || m.acursor >= len(list) {
		return nil
	}
	a := list[m.acursor]
	what := "Delete this answer?"
	if a.ParentID == 0 {
		what = "Delete this answer and its follow-ups?"
	}
	m.confirm = &pending{what: what, run: func(st *store.Store) error { return st.DeleteAttempt(ctxb(), a.ID) }}
	return nil
}

// afterDelete reloads what the delete changed and steps back from a view
// of something that no longer exists.
func (m *Model) afterDelete() tea.Cmd {
	switch m.level {
	case levelDetail:
		m.level = levelAttempts
		return tea.Batch(m.loadAttempts(m.session.ID), m.loadSessions())
	case levelAttempts:
		return tea.Batch(m.loadAttempts(m.session.ID), m.loadSessions())
	}
	return m.loadSessions()
}

// nextValue cycles a filter through "" (all) and the values present.
func nextValue(list []store.Attempt, cur string, get func(store.Attempt) string) string {
	seen := map[string]bool{}
	var vals []string
	for _, a := range list {
		if v := get(a); !seen[v] {
			seen[v] = true
			vals = append(vals, v)
		}
	}
	sort.Strings(vals)
	vals = append([]string{""}, vals...)
	for i, v := range vals {
		if v == cur {
			return vals[(i+1)%len(vals)]
		}
	}
	return ""
}

// BackLevel implements common.LevelBacker: from an answer to its session,
// from a session to the list.
func (m *Model) BackLevel() bool {
	switch m.level {
	case levelDetail:
		if m.view.EndSearch() {
			return true // esc clears a search first
		}
		m.level = levelAttempts
		m.acursor = max(m.acursor, 0)
		return true
	case levelAttempts:
		m.level = levelSessions
		return true
	case levelSessions:
		if m.search.words != "" {
			return m.clearSearch()
		}
	}
	return false
}
