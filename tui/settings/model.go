// Package settings shows the configuration this run uses (where the config
// file and the data live, the theme, colour and network state) and changes
// what a user expects to change from the app: the theme (applied at once)
// and the LLM switch, written to the config file, and the next session's
// role, length, timer, reading time and typing allowance, kept with the
// rest of coach's data.
package settings

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/config"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/setup"
)

// fileSettings are the config file's keys the screen changes, in order.
var fileSettings = []struct{ key, label string }{
	{"theme", "Theme"},
	{"llm.enabled", "LLM"},
}

// Model is the settings screen.
type Model struct {
	common.Common
	pager    common.Pager // the rows scroll when the window is short
	keys     keyMap
	cursor   int               // the selected row: the file's settings, then the defaults
	values   map[string]string // each config file setting as the file has it
	defaults []setup.Default
	next     *sess.Setup // the next practice session's setup, once read
	notice   string
	err      error
	wrote    bool // this screen has written the config file
}

type keyMap struct{ Up, Down, Change key.Binding }

// New returns the settings screen.
func New(c common.Common) *Model {
	return &Model{Common: c, values: map[string]string{}, defaults: setup.Defaults(), keys: keyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous setting")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next setting")),
		Change: key.NewBinding(key.WithKeys("enter", " ", "right", "left", "l", "h"), key.WithHelp("enter/←/→", "change it")),
	}}
}

func (m *Model) rowCount() int { return len(fileSettings) + len(m.defaults) }

type readMsg struct {
	values map[string]string
	err    error
}

type nextReadMsg struct {
	setup sess.Setup
	err   error
}

type savedMsg struct {
	key, value string
	err        error
}

type defaultSavedMsg struct {
	setup sess.Setup
	label string
	err   error
}

// Init reads the config file's own values (not the environment's or the
// flags'), which are what the screen changes, and the next session's setup.
func (m *Model) Init() tea.Cmd {
	path := m.App.Info.ConfigPath
	readFile := func() tea.Msg {
		c, err := config.Load(config.Overrides{}, func(k string) string {
			if k == "COACH_CONFIG" {
				return path
			}
			return ""
		})
		return readMsg{values: map[string]string{"theme": c.Theme, "llm.enabled": boolText(c.LLM.Enabled)}, err: err}
	}
	return tea.Batch(readFile, m.readNext())
}

func (m *Model) readNext() tea.Cmd {
	st := m.App.Store
	if st == nil {
		return nil // LoadedMsg asks again
	}
	return func() tea.Msg {
		s, err := setup.Remembered(context.Background(), st, sess.Practice)
		return nextReadMsg{setup: s, err: err}
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
	case common.LoadedMsg:
		if m.next == nil {
			return m, m.readNext()
		}
	case readMsg:
		m.values, m.err = msg.values, msg.err
	case nextReadMsg:
		if msg.err != nil {
			m.err = msg.err
			return m, nil
		}
		m.next = &msg.setup
	case savedMsg:
		return m, m.saved(msg)
	case defaultSavedMsg:
		if msg.err != nil {
			m.err, m.notice = msg.err, ""
			return m, nil
		}
		m.next, m.err = &msg.setup, nil
		m.notice = msg.label + " is saved for the next practice session and mock interview."
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			m.cursor = max(m.cursor-1, 0)
			m.keepInView()
		case key.Matches(msg, m.keys.Down):
			m.cursor = min(m.cursor+1, m.rowCount()-1)
			m.keepInView()
		case key.Matches(msg, m.keys.Change):
			back := msg.String() == "left" || msg.String() == "h"
			if m.cursor < len(fileSettings) {
				return m, m.changeFile(back)
			}
			return m, m.changeDefault(m.defaults[m.cursor-len(fileSettings)], back)
		default:
			m.pager, _ = m.pager.Update(msg)
		}
	}
	return m, nil
}

// saved takes a config file setting written; a new theme is put to use at
// once, everything else when coach starts again.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		m.err, m.notice = msg.err, ""
		return nil
	}
	m.values[msg.key], m.err, m.wrote = msg.value, nil, true
	if msg.key == "theme" {
		m.notice = "Saved to " + m.App.Info.ConfigPath + ", and in use now."
		if !m.App.Info.Color {
			m.notice += " Colours are off (--no-color or NO_COLOR), so it shows once they are on."
		}
		theme := msg.value
		return func() tea.Msg { return common.ThemeMsg{Theme: theme} }
	}
	m.notice = "Saved to " + m.App.Info.ConfigPath + ". Restart coach to use it."
	return nil
}

// step is the choice after (or, going back, before) i of n, round the end.
func step(i, n int, back bool) int {
	if back {
		return (i + n - 1) % n
	}
	return (i + 1) % n
}

// changeFile moves the selected config file setting to its next (or
// previous) value and writes it in a command.
func (m *Model) changeFile(back bool) tea.Cmd {
	k := fileSettings[m.cursor].key
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
	next := values[step(i, len(values), back)]
	path := m.App.Info.ConfigPath
	return func() tea.Msg { return savedMsg{key: k, value: next, err: config.Set(path, k, next)} }
}

// changeDefault moves a session default to its next (or previous) choice
// and stores it for both kinds of session, each keeping its other choices.
func (m *Model) changeDefault(d setup.Default, back bool) tea.Cmd {
	st := m.App.Store
	if m.next == nil || st == nil {
		return nil // not read yet
	}
	i := step(max(d.Index(*m.next), 0), len(d.Choices), back)
	if d.Index(*m.next) < 0 && !back {
		i = 0
	}
	return func() tea.Msg {
		ctx := context.Background()
		var practice sess.Setup
		for _, mode := range []sess.Mode{sess.Practice, sess.Mock} {
			s, err := setup.Remembered(ctx, st, mode)
			if err == nil {
				d.Apply(&s, i)
				err = setup.Remember(ctx, st, s)
			}
			if err != nil {
				return defaultSavedMsg{err: err}
			}
			if mode == sess.Practice {
				practice = s
			}
		}
		return defaultSavedMsg{setup: practice, label: d.Label}
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Down, m.keys.Change, common.ScrollBottom}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.Change}, common.PagerHelp()}
}
