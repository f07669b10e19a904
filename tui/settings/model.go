// Package settings shows the configuration this run uses: where the config
// file and the data live, the theme, colour and network state, and how to
// change each.
package settings

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/tui/common"
)

// Model is the settings screen. It only reads: settings change in the
// config file, the environment or flags, which take effect at next start.
type Model struct {
	common.Common
	pager common.Pager // the rows scroll when the window is short
}

// New returns the settings screen.
func New(c common.Common) *Model {
	return &Model{Common: c}
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	m.pager, _ = m.pager.Update(msg)
	return m, nil
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding { return common.PagerHelp() }

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{common.PagerHelp()} }
