package home

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/tui/common"
)

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	case readinessMsg:
		m.readiness = msg.r
	case common.LoadedMsg, tea.WindowSizeMsg:
		// On start and whenever home is shown again, practice may have
		// changed the picture.
		return m, m.loadReadiness()
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Up):
		m.cursor = (m.cursor - 1 + len(m.sections)) % len(m.sections)
	case key.Matches(msg, m.keys.Down):
		m.cursor = (m.cursor + 1) % len(m.sections)
	case key.Matches(msg, m.keys.Open):
		return common.Open(m.Selected().ID)
	case key.Matches(msg, m.keys.Resume) && m.hasDraft():
		return func() tea.Msg { return common.ResumeDraftMsg{} }
	case key.Matches(msg, m.keys.Discard) && m.hasDraft():
		return func() tea.Msg { return common.DiscardDraftMsg{} }
	default:
		for i, s := range m.sections {
			if msg.String() == s.Key {
				m.cursor = i
				return common.Open(s.ID)
			}
		}
	}
	return nil
}
