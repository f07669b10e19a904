package setup

import "github.com/charmbracelet/bubbles/key"

type keyMap struct {
	Up, Down, Left, Right, Start key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Left:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "change")),
		Right: key.NewBinding(key.WithKeys("right", "l", " "), key.WithHelp("→/l", "change")),
		Start: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Start, m.keys.Down, m.keys.Right}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.Left, m.keys.Right, m.keys.Start}}
}
