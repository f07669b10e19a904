package home

import "github.com/charmbracelet/bubbles/key"

type keyMap struct {
	Up        key.Binding
	Down      key.Binding
	Open      key.Binding
	Resume    key.Binding
	Discard   key.Binding
	AllDrafts key.Binding
	Yes       key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Resume:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "resume")),
		Discard:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "discard")),
		AllDrafts: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "see all")),
		Yes:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "discard")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.confirmDiscard:
		return []key.Binding{m.keys.Yes}
	case len(m.drafts) > 1:
		return []key.Binding{m.keys.Resume, m.keys.Discard, m.keys.AllDrafts, m.keys.Open}
	case m.hasDraft():
		return []key.Binding{m.keys.Resume, m.keys.Discard, m.keys.Open}
	}
	return []key.Binding{m.keys.Open}
}

// FullHelp implements help.KeyMap; it lists every section's key.
func (m *Model) FullHelp() [][]key.Binding {
	open := make([]key.Binding, 0, len(m.sections))
	for _, s := range m.sections {
		open = append(open, key.NewBinding(key.WithKeys(s.Key), key.WithHelp(s.Key, s.Title)))
	}
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.Open}, open}
}
