package home

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/drafts"
)

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	case readinessMsg:
		m.readiness = msg.r
	case draftsMsg:
		m.drafts = msg.drafts
		if len(m.drafts) == 0 {
			m.confirmDiscard = false
		}
	case common.LoadedMsg, tea.WindowSizeMsg:
		// On start and whenever home is shown again, practice may have
		// changed the picture and left an answer unfinished.
		return m, tea.Batch(m.loadReadiness(), m.loadDrafts())
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if m.confirmDiscard {
		m.confirmDiscard = false
		if key.Matches(msg, m.keys.Yes) && m.hasDraft() {
			return m.discard(m.drafts[0])
		}
		return nil // any other key keeps the answer
	}
	switch {
	case key.Matches(msg, m.keys.Up):
		m.cursor = (m.cursor - 1 + len(m.sections)) % len(m.sections)
	case key.Matches(msg, m.keys.Down):
		m.cursor = (m.cursor + 1) % len(m.sections)
	case key.Matches(msg, m.keys.Open):
		return common.Open(m.Selected().ID)
	case key.Matches(msg, m.keys.Resume) && m.hasDraft():
		return common.ResumeDraft(m.drafts[0])
	case key.Matches(msg, m.keys.Discard) && m.hasDraft():
		m.confirmDiscard = true
	case key.Matches(msg, m.keys.AllDrafts) && len(m.drafts) > 1 && m.App.Bank != nil:
		return common.Push(drafts.New(m.Common))
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
