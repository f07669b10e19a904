package history

import "github.com/charmbracelet/bubbles/key"

type keyMap struct {
	Up, Down, Open, Delete, Yes, No, Kind, Category, Report, Continue key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Delete:   key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete")),
		Yes:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes, delete")),
		No:       key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep it")),
		Kind:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "filter kind")),
		Category: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "filter category")),
		Report:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "session report")),
		Continue: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "continue session")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.confirm != nil {
		return []key.Binding{k.Yes, k.No}
	}
	switch m.level {
	case levelSessions:
		if len(m.sessions) > 0 && m.sessions[min(m.cursor, len(m.sessions)-1)].EndedAt.IsZero() {
			return []key.Binding{k.Open, k.Continue, k.Delete}
		}
		return []key.Binding{k.Open, k.Delete}
	case levelAttempts:
		if m.session.EndedAt.IsZero() {
			return []key.Binding{k.Open, k.Continue, k.Report, k.Kind, k.Category, k.Delete}
		}
		return []key.Binding{k.Open, k.Report, k.Kind, k.Category, k.Delete}
	}
	return []key.Binding{k.Down, k.Delete}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.Open, k.Continue}, {k.Report, k.Kind, k.Category, k.Delete}}
}
