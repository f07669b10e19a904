package example

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/coach-tui/coach/tui/common"
)

type keyMap struct {
	Notes key.Binding
	Down  key.Binding
	Up    key.Binding
	Page  key.Binding
	Top   key.Binding
	End   key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Notes: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "coaching notes")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll")),
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Page:  key.NewBinding(key.WithKeys("pgdown", "pgup", "f", "b"), key.WithHelp("pgdn/pgup", "page")),
		Top:   key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		End:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	if m.viewport.Searching() || m.viewport.Searched() {
		return append(common.SearchHelp(m.viewport), m.keys.Down, m.keys.Page)
	}
	return append([]key.Binding{m.keys.Notes, m.keys.Down, m.keys.Page}, common.SearchHelp(m.viewport)...)
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Notes}, {m.keys.Up, m.keys.Down, m.keys.Page, m.keys.Top, m.keys.End}, common.SearchHelp(m.viewport)}
}
