package setup

import (
	"github.com/charmbracelet/bubbles/key"

	sess "github.com/coach-tui/coach/coach/session"
)

type keyMap struct {
	Up, Down, Left, Right, Start key.Binding
	// Posting opens practice for a job posting (practice mode only).
	Posting key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Left:    key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "change")),
		Right:   key.NewBinding(key.WithKeys("right", "l", " "), key.WithHelp("→/l", "change")),
		Start:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start")),
		Posting: key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "practise for a job posting")),
	}
}

// ShortHelp implements help.KeyMap. The posting's key has a shorter name
// here than in the full help: the one-line help is narrow.
func (m *Model) ShortHelp() []key.Binding {
	if m.mode != sess.Practice {
		return []key.Binding{m.keys.Start, m.keys.Down, m.keys.Right}
	}
	// ↓ gives way to the posting so the line keeps q quit at 80 columns;
	// ? shows it again.
	p := m.keys.Posting
	p.SetHelp(p.Help().Key, "posting")
	return []key.Binding{m.keys.Start, m.keys.Right, p}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	b := []key.Binding{m.keys.Up, m.keys.Down, m.keys.Left, m.keys.Right, m.keys.Start}
	if m.mode == sess.Practice {
		b = append(b, m.keys.Posting)
	}
	return [][]key.Binding{b}
}
