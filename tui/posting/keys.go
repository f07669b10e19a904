package posting

import "github.com/charmbracelet/bubbles/key"

type keyMap struct {
	Practise, Back key.Binding
	// After the model failed: practise the bank's questions found.
	Start key.Binding
	// With a model configured: the consent question's answers, and
	// stopping the model writing questions.
	Consent, Decline, Cancel key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Practise: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "practise")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Start:    key.NewBinding(key.WithKeys("enter", "ctrl+s"), key.WithHelp("enter", "practise the bank's questions")),
		Consent:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "send")),
		Decline:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "not now")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "bank questions only")),
	}
}

// ShortHelp implements help.KeyMap: the keys of the phase on screen. The
// root adds esc (back) itself except while the posting is being typed.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch m.phase {
	case phaseAsking:
		return []key.Binding{k.Consent, k.Decline}
	case phaseWriting:
		if len(m.found.bank) == 0 {
			return []key.Binding{withHelp(k.Cancel, "stop")}
		}
		return []key.Binding{k.Cancel}
	case phaseReady:
		return []key.Binding{k.Start, withHelp(k.Back, "edit the posting")}
	}
	return []key.Binding{k.Practise, k.Back}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func withHelp(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}
