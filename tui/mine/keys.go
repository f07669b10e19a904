package mine

import "github.com/charmbracelet/bubbles/key"

type keyMap struct {
	// The list.
	Up, Down, Add, Edit, Delete key.Binding
	// Answers to "delete?" and "discard changes?".
	Yes, No key.Binding
	// The form.
	Next, Prev, Save, Back, Change, Move, Toggle key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		Edit:   key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter/e", "edit")),
		Delete: key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete")),
		Yes:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:     key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "no")),
		Next:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the list")),
		Change: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "change")),
		Move:   key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "move")),
		Toggle: key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "tick or untick")),
	}
}

// ShortHelp implements help.KeyMap: the keys that work at this moment.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.confirmDelete || (m.form != nil && m.form.confirmDiscard):
		return []key.Binding{k.Yes, k.No}
	case m.form != nil:
		b := []key.Binding{k.Save, k.Next}
		switch m.form.focus {
		case fieldKind, fieldDifficulty:
			b = append(b, k.Change)
		case fieldRoles:
			b = append(b, k.Move, k.Toggle)
		}
		return append(b, k.Back)
	case m.editable() && len(m.list) > 0:
		return []key.Binding{k.Add, k.Edit, k.Delete}
	case m.editable():
		return []key.Binding{k.Add}
	}
	return nil
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	if m.form != nil {
		return [][]key.Binding{{k.Save, k.Next, k.Prev, k.Back}, {k.Change, k.Toggle}}
	}
	return [][]key.Binding{{k.Up, k.Down}, {k.Add, k.Edit, k.Delete}}
}
