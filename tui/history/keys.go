package history

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/coach-tui/coach/tui/common"
)

type keyMap struct {
	Up, Down, Open, Delete, Yes, No, Kind, Category, Report, Continue, Export key.Binding
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
		Export:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export as markdown")),
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
		if m.search.typing {
			return nil // the prompt says enter and esc
		}
		if len(m.sessions) > 0 && m.sessions[min(m.cursor, len(m.sessions)-1)].EndedAt.IsZero() {
			return []key.Binding{k.Open, k.Continue, k.Export, k.Delete, sessionSearch}
		}
		return []key.Binding{k.Open, k.Export, k.Delete, sessionSearch}
	case levelAttempts:
		if m.session.EndedAt.IsZero() {
			return []key.Binding{k.Open, k.Continue, k.Report, k.Kind, k.Category, k.Export, k.Delete}
		}
		return []key.Binding{k.Open, k.Report, k.Kind, k.Category, k.Export, k.Delete}
	}
	if m.view.Searching() {
		return common.SearchHelp(m.view)
	}
	return append([]key.Binding{k.Down, k.Delete}, common.SearchHelp(m.view)...)
}

// FullHelp implements help.KeyMap.
// FullHelp lists only the keys of the level shown: r, f and c act inside
// a session, not on the list of sessions.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	switch m.level {
	case levelSessions:
		return [][]key.Binding{{k.Up, k.Down, k.Open, k.Continue}, {k.Export, k.Delete, sessionSearch}}
	case levelAttempts:
		return [][]key.Binding{{k.Up, k.Down, k.Open, k.Continue}, {k.Report, k.Kind, k.Category, k.Export, k.Delete}}
	}
	return [][]key.Binding{common.PagerHelp(), common.SearchHelp(m.view)}
}

// sessionSearch finds sessions by the words of their questions and answers.
var sessionSearch = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search sessions"))
