package review

import "github.com/charmbracelet/bubbles/key"

type keyMap struct {
	Next, Run, Paste, Sort, Practice, Down key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Next:     key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "next field")),
		Run:      key.NewBinding(key.WithKeys("ctrl+s", "enter"), key.WithHelp("enter", "review")),
		Paste:    key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "paste the posting instead")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort keywords")),
		Practice: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "practise these questions")),
		Down:     key.NewBinding(key.WithKeys("down", "j", "pgdown"), key.WithHelp("↓/pgdn", "scroll")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.report != nil {
		return []key.Binding{k.Sort, k.Practice, k.Down}
	}
	run := k.Run
	if m.pasting && m.focus == fieldPosting {
		run.SetHelp("ctrl+s", "review")
	}
	return []key.Binding{run, k.Next, k.Paste}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
