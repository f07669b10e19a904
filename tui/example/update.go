package example

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/tui/common"
)

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case renderedMsg:
		if msg.err != nil {
			m.err = msg.err
			return m, nil
		}
		m.rendered[msg.key] = msg.out
		if msg.key == m.pending {
			m.pending = renderKey{}
		}
		if msg.key == (renderKey{width: m.wrapWidth(), notes: m.notes}) {
			m.show(msg.out)
		}
		return m, nil
	case tea.WindowSizeMsg:
		return m, m.render()
	case tea.KeyMsg:
		// n is the notes' key until a search is shown, then the next match
		if !m.viewport.Searching() && !m.viewport.Searched() && key.Matches(msg, m.keys.Notes) {
			m.notes = !m.notes
			return m, m.render()
		}
		var cmd tea.Cmd
		m.viewport, cmd = m.viewport.Update(msg)
		return m, cmd
	}
	return m, nil
}

// TakingText implements common.TextTaker while the search prompt is open.
func (m *Model) TakingText() bool { return m.viewport.Searching() }

// BackLevel implements common.LevelBacker: esc clears a search first.
func (m *Model) BackLevel() bool { return m.viewport.EndSearch() }
