package home

import (
	"context"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/tui/drafts"
)

type draftsMsg struct{ drafts []store.Draft }

// loadDrafts reads the unfinished answers. Unreadable leaves the last
// list shown: nothing is deleted on a failed read.
func (m *Model) loadDrafts() tea.Cmd {
	st := m.App.Store
	if st == nil {
		return nil
	}
	old := m.drafts
	return func() tea.Msg {
		list, err := st.Drafts(context.Background())
		if err != nil {
			return draftsMsg{drafts: old}
		}
		return draftsMsg{drafts: list}
	}
}

// discard deletes d, the user having confirmed, and reads the list again.
func (m *Model) discard(d store.Draft) tea.Cmd {
	st := m.App.Store
	return func() tea.Msg {
		// A failed delete leaves the answer offered, which loses nothing.
		_ = st.DeleteDraft(context.Background(), d)
		list, err := st.Drafts(context.Background())
		if err != nil {
			return nil
		}
		return draftsMsg{drafts: list}
	}
}

func (m *Model) hasDraft() bool {
	return m.App != nil && m.App.Bank != nil && len(m.drafts) > 0
}

// draftOffer tells of the unfinished answers: how many, and the newest
// with its question; or asks whether to discard the newest.
func (m *Model) draftOffer(width int) string {
	st := m.Styles
	d := m.drafts[0]
	about := fmt.Sprintf("\"%s\" (%s)", drafts.Question(d, 60), drafts.Progress(d))
	var text string
	switch {
	case m.confirmDiscard:
		text = fmt.Sprintf("Discard your unfinished answer to %s? It cannot be brought back. Press y to discard it; any other key keeps it.", about)
	case len(m.drafts) == 1:
		text = "Unfinished answer to " + about + ". Press u to resume it, x to discard it."
	default:
		text = fmt.Sprintf("%d unfinished answers; the newest is to %s. Press u to resume it, x to discard it, a to see them all.", len(m.drafts), about)
	}
	return st.Warn.Width(width).Render(strings.TrimSpace(text))
}
