package review

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/coach-tui/coach/tui/common"

	"github.com/coach-tui/coach/tui/stream"
)

type keyMap struct {
	Sort, Practice, Letter, Down key.Binding
	// With a model configured: tailoring, questions from the posting, the
	// consent question's answers, and stopping a request.
	Tailor, Generate, Consent, Decline, Cancel, Retry key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort keywords")),
		Practice: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "practise these questions")),
		Letter:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "cover letter")),
		Down:     key.NewBinding(key.WithKeys("down", "j", "pgdown"), key.WithHelp("↓/pgdn", "scroll")),
		Tailor:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tailor (LLM)")),
		Generate: key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "practise with posting questions (LLM)")),
		Consent:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "send")),
		Decline:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "not now")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Retry:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "ask again")),
	}
}

// ShortHelp implements help.KeyMap: the keys of the level on screen; the
// model's keys only when a model is configured.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.report != nil && m.level == levelTailor {
		if m.tview.Searching() {
			return common.SearchHelp(m.tview)
		}
		var b []key.Binding
		if m.tailor.Active() {
			b = append(b, withHelp(k.Cancel, "stop (keeps the text)"))
		} else if s := m.tailor.State(); s == stream.Failed || s == stream.Cancelled {
			b = append(b, k.Retry)
		}
		return append(append(b, k.Down), common.SearchHelp(m.tview)...)
	}
	if m.report != nil && m.view.Searching() {
		return common.SearchHelp(m.view)
	}
	if m.report != nil {
		var b []key.Binding
		if m.asking != actNone {
			b = append(b, k.Consent, k.Decline)
		}
		if m.generating {
			b = append(b, withHelp(k.Cancel, "stop writing questions"))
		}
		b = append(b, k.Sort, k.Practice, k.Letter)
		if m.llmOffered() {
			b = append(b, k.Tailor, k.Generate)
		}
		return append(append(b, k.Down), common.SearchHelp(m.view)...)
	}
	return m.form.Help()
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func withHelp(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}
