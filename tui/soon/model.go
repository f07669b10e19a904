// Package soon is the screen for a section that is not built yet: it says
// so plainly and describes what the section is for, instead of pretending.
package soon

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/tui/common"
)

// Model is the not-built-yet screen for one section.
type Model struct {
	common.Common
	section common.Section
}

// New returns the screen for section.
func New(c common.Common, section common.Section) *Model {
	return &Model{Common: c, section: section}
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// Update implements common.Screen; the root's back and quit keys are all
// this screen needs.
func (m *Model) Update(tea.Msg) (common.Screen, tea.Cmd) { return m, nil }

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding { return nil }

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return nil }
