package drafts

import "github.com/charmbracelet/bubbles/key"

type keyMap struct {
	Up, Down, Resume, Discard, Yes key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Resume:  key.NewBinding(key.WithKeys("enter", "u"), key.WithHelp("enter", "resume")),
		Discard: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "discard")),
		Yes:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "discard it")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.confirm:
		return []key.Binding{m.keys.Yes}
	case len(m.drafts) == 0:
		return nil
	}
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Resume, m.keys.Discard}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
