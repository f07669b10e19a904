package letter

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/coach-tui/coach/tui/common"
)

type keyMap struct {
	Template, Edit, Save, Offline, Down key.Binding
	// With a model configured: the draft and the consent question.
	Draft, Consent, Decline, Cancel key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Template: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "next template")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit in $EDITOR")),
		Save:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "save to a file")),
		Offline:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "back to the offline letter")),
		Down:     key.NewBinding(key.WithKeys("down", "j", "pgdown"), key.WithHelp("↓/pgdn", "scroll")),
		Draft:    key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "improve it (LLM)")),
		Consent:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "send")),
		Decline:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "not now")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop (keeps the text)")),
	}
}

// ShortHelp implements help.KeyMap: the keys of the level on screen.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.level == levelInputs:
		return m.form.Help()
	case m.saving:
		return []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		}
	case m.view.Searching():
		return common.SearchHelp(m.view)
	case m.asking:
		return []key.Binding{k.Consent, k.Decline}
	}
	var b []key.Binding
	if m.drafting && m.draft.Active() {
		b = append(b, k.Cancel)
	}
	b = append(b, k.Template, k.Edit, k.Save)
	if m.source != "offline" {
		b = append(b, k.Offline)
	}
	if m.llmOffered() {
		b = append(b, k.Draft)
	}
	return append(append(b, k.Down), common.SearchHelp(m.view)...)
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
