package setup

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/tui/common"
)

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.setup, m.loaded = msg.setup, true
	case savedMsg:
		m.err = msg.err
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = (m.cursor - 1 + len(m.fields)) % len(m.fields)
	case key.Matches(msg, k.Down):
		m.cursor = (m.cursor + 1) % len(m.fields)
	case key.Matches(msg, k.Left):
		m.change(-1)
	case key.Matches(msg, k.Right):
		m.change(1)
	case key.Matches(msg, k.Start):
		if m.matching() == 0 {
			return nil
		}
		return m.start()
	case m.mode == sess.Practice && key.Matches(msg, k.Posting):
		return m.forPosting()
	}
	return nil
}

// change moves the current field to its previous or next choice.
func (m *Model) change(d int) {
	choices := m.fields[m.cursor].choices(m)
	at := m.current(choices)
	next := (at + d + len(choices)) % len(choices)
	choices[next].apply(&m.setup)
}

func (m *Model) current(choices []choice) int {
	for i, c := range choices {
		if c.is(m.setup) {
			return i
		}
	}
	return 0
}
