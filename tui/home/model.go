// Package home is the first screen: the product's name, its sections with
// the key that opens each, and a status line.
package home

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/progress"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

// Model is the home screen.
type Model struct {
	common.Common
	sections  []common.Section
	cursor    int
	keys      keyMap
	readiness *progress.Readiness
	// drafts are the unfinished answers, newest first, read again each
	// time home is shown; confirmDiscard asks before the newest goes.
	drafts         []store.Draft
	confirmDiscard bool
}

// New builds the home screen for the given sections, in menu order.
func New(c common.Common, sections []common.Section) *Model {
	return &Model{Common: c, sections: sections, keys: defaultKeys()}
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

type readinessMsg struct{ r *progress.Readiness }

// loadReadiness works out readiness for the role last practised.
func (m *Model) loadReadiness() tea.Cmd {
	st, bank, now := m.App.Store, m.App.Bank, m.App.Clock()
	if st == nil || bank == nil {
		return nil
	}
	return func() tea.Msg {
		ctx := context.Background()
		role := questions.Backend
		if v, ok, err := st.Setting(ctx, "setup.practice"); err == nil && ok {
			role = sess.DecodeSetup(v).Role
		}
		attempts, err := st.AttemptsSince(ctx, now.Add(-progress.Window))
		if err != nil {
			return readinessMsg{}
		}
		cards, err := st.Cards(ctx)
		if err != nil {
			return readinessMsg{}
		}
		r := progress.Compute(bank, role, attempts, cards, now)
		return readinessMsg{r: &r}
	}
}

// Selected is the section under the cursor.
func (m *Model) Selected() common.Section { return m.sections[m.cursor] }
