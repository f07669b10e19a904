// Package settings shows the configuration this run uses (where the config
// file and the data live, the theme, colour and network state) and lets
// the theme and the LLM switch be changed, written to the config file.
package settings

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/tui/common"
)

// editable are the settings the screen changes, in the order shown.
var editable = []struct{ key, label string }{
	{"theme", "Theme in the config file"},
	{"llm.enabled", "LLM in the config file"},
}

// Model is the settings screen.
type Model struct {
	common.Common
	pager  common.Pager // the rows scroll when the window is short
	keys   keyMap
	cursor int               // which editable setting is selected
	values map[string]string // each editable setting as the file has it
	notice string
	err    error
	wrote  bool // this screen has written the config file
}

type keyMap struct{ Up, Down, Change key.Binding }

// New returns the settings screen.
func New(c common.Common) *Model {
	return &Model{Common: c, values: map[string]string{}, keys: keyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous setting")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next setting")),
		Change: key.NewBinding(key.WithKeys("enter", " ", "right", "left", "l", "h"), key.WithHelp("enter/←/→", "change it")),
	}}
}

type readMsg struct {
	values map[string]string
	err    error
}

type savedMsg struct {
	key, value string
	err        error
}

// Init reads the config file's own values (not the environment's or the
// flags'), which are what the screen changes.
func (m *Model) Init() tea.Cmd {
	path := m.App.Info.ConfigPath
	return func() tea.Msg {
		c, err := config.Load(config.Overrides{}, func(k string) string {
			if k == "COACH_CONFIG" {
				return path
			}
			return ""
		})
		return readMsg{values: map[string]string{"theme": c.Theme, "llm.enabled": boolText(c.LLM.Enabled)}, err: err}
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case readMsg:
		m.values, m.err = msg.values, msg.err
	case savedMsg:
		if msg.err != nil {
			m.err, m.notice = msg.err, ""
			return m, nil
		}
		m.values[msg.key], m.err, m.wrote = msg.value, nil, true
		m.notice = "Saved to " + m.App.Info.ConfigPath + ". Restart coach to use it."
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, m.keys.Down):
			m.cursor = min(m.cursor+1, len(editable)-1)
		case key.Matches(msg, m.keys.Change):
			back := msg.String() == "left" || msg.String() == "h"
			return m, m.change(back)
		default:
			m.pager, _ = m.pager.Update(msg)
		}
	}
	return m, nil
}

// change moves the selected setting to its next (or previous) value and
// writes it in a command.
func (m *Model) change(back bool) tea.Cmd {
	k := editable[m.cursor].key
	if _, ok := m.values[k]; !ok {
		return nil // not read yet
	}
	values := config.Settable[k]
	i := 0
	for j, v := range values {
		if v == m.values[k] {
			i = j
		}
	}
	step := 1
	if back {
		step = len(values) - 1
	}
	next := values[(i+step)%len(values)]
	path := m.App.Info.ConfigPath
	return func() tea.Msg { return savedMsg{key: k, value: next, err: config.Set(path, k, next)} }
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Down, m.keys.Change, common.ScrollBottom}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.Change}, common.PagerHelp()}
}
