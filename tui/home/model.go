// Package home is the first screen: the product's name, its sections with
// the key that opens each, and a status line.
package home

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/tui/common"
)

// Model is the home screen.
type Model struct {
	common.Common
	sections []common.Section
	cursor   int
	keys     keyMap
}

// New builds the home screen for the given sections, in menu order.
func New(c common.Common, sections []common.Section) *Model {
	return &Model{Common: c, sections: sections, keys: defaultKeys()}
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// Selected is the section under the cursor.
func (m *Model) Selected() common.Section { return m.sections[m.cursor] }

func (m *Model) hasDraft() bool { return m.App != nil && m.App.Draft != nil && m.App.Bank != nil }
