package skills

import "github.com/charmbracelet/bubbles/key"

type keyMap struct {
	Up, Down     key.Binding
	PrevTab      key.Binding
	NextTab      key.Binding
	PrevRole     key.Binding
	NextRole     key.Binding
	Rate         key.Binding
	RateUp       key.Binding
	RateDown     key.Binding
	Filter       key.Binding
	ClearFilter  key.Binding
	AcceptFilter key.Binding
	Overview     key.Binding
	Details      key.Binding
	Practice     key.Binding
}

func defaultKeys() keyMap {
	return keyMap{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PrevTab:      key.NewBinding(key.WithKeys("left", "h", "shift+tab"), key.WithHelp("←/h", "prev tab")),
		NextTab:      key.NewBinding(key.WithKeys("right", "l", "tab"), key.WithHelp("→/l", "next tab")),
		PrevRole:     key.NewBinding(key.WithKeys("["), key.WithHelp("[", "prev role")),
		NextRole:     key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next role")),
		Rate:         key.NewBinding(key.WithKeys("0", "1", "2", "3"), key.WithHelp("0-3", "rate")),
		RateUp:       key.NewBinding(key.WithKeys("+", "=", " "), key.WithHelp("+/space", "rate up")),
		RateDown:     key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "rate down")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		AcceptFilter: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		Overview:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "role overview")),
		Details:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "details")),
		Practice:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "practise this skill")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	if m.filtering {
		return []key.Binding{m.keys.AcceptFilter, m.keys.ClearFilter}
	}
	return []key.Binding{m.keys.Rate, m.keys.Practice, m.keys.NextTab, m.keys.NextRole, m.keys.Filter}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.keys.Up, m.keys.Down, m.keys.PrevTab, m.keys.NextTab},
		{m.keys.PrevRole, m.keys.NextRole, m.keys.Overview, m.keys.Details},
		{m.keys.Rate, m.keys.RateUp, m.keys.RateDown, m.keys.Filter, m.keys.Practice},
	}
}
