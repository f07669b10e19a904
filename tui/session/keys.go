package session

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/coach-tui/coach/tui/common"

	"github.com/coach-tui/coach/tui/stream"
)

type keyMap struct {
	Submit   key.Binding
	Skip     key.Binding
	Hint     key.Binding
	Editor   key.Binding
	Record   key.Binding
	StartNow key.Binding
	Leave    key.Binding
	Next     key.Binding
	SkipFU   key.Binding
	Up       key.Binding
	Down     key.Binding
	Pick     key.Binding
	Why      key.Binding
	Done     key.Binding
	Grade    key.Binding
	Consent  key.Binding
	Decline  key.Binding
	Critique key.Binding
	Cancel   key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Submit:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "submit")),
		Skip:     key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", "skip")),
		Hint:     key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "hint")),
		Editor:   key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "$EDITOR")),
		Record:   key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "record")),
		StartNow: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start now")),
		Leave:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc esc", "leave (answer kept)")),
		Next:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "continue")),
		SkipFU:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip the follow-up")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Pick:     key.NewBinding(key.WithKeys(" ", "enter"), key.WithHelp("space", "ask this")),
		Why:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "why ask it")),
		Done:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "done")),
		Grade:    key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1-4", "grade")),
		Consent:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "send it")),
		Decline:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "stay offline")),
		Critique: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "read the critique")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// ShortHelp implements help.KeyMap: the keys of the current phase.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.view.Searching() {
		return common.SearchHelp(m.view)
	}
	switch m.phase {
	case phaseReading:
		return []key.Binding{k.StartNow, k.Leave}
	case phaseAnswering:
		if m.voice.asking {
			return []key.Binding{k.Consent, k.Decline}
		}
		rec := k.Record
		if m.voice.rec != nil {
			rec.SetHelp("ctrl+r", "stop recording")
		}
		return []key.Binding{k.Submit, rec, k.Hint, k.Editor, k.Skip, k.Leave}
	case phaseFeedback:
		var b []key.Binding
		if m.asking {
			b = append(b, k.Consent, k.Decline)
		}
		if m.critique.State() != stream.Idle {
			b = append(b, k.Critique)
		}
		if m.critique.Active() {
			b = append(b, withHelp(k.Cancel, "cancel the critique"))
		}
		if m.gradable() && !m.graded {
			b = append(b, withHelp(k.Grade, "grade again/hard/good/easy"))
		}
		if m.canFollowUp() {
			b = append(b, withHelp(k.Next, "follow-up question"), k.SkipFU)
		} else {
			b = append(b, k.Next)
		}
		return append(append(b, k.Down), common.SearchHelp(m.view)...)
	case phaseThinking:
		return []key.Binding{withHelp(k.Cancel, "ask one from the bank")}
	case phaseAsk:
		return []key.Binding{k.Pick, k.Why, k.Done}
	case phaseSummary:
		return append([]key.Binding{k.Down}, common.SearchHelp(m.view)...)
	}
	return nil
}

func withHelp(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// BackLevel implements common.LevelBacker: esc clears a search of the
// feedback or summary before it leaves.
func (m *Model) BackLevel() bool {
	return (m.phase == phaseFeedback || m.phase == phaseSummary) && m.view.EndSearch()
}
