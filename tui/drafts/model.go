// Package drafts is the list of unfinished answers: every answer left
// part-typed, in any session, newest first, to resume or discard.
package drafts

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/tui/common"
)

// Model is the unfinished-answers screen.
type Model struct {
	common.Common
	keys    keyMap
	drafts  []store.Draft
	cursor  int
	loaded  bool
	confirm bool // asking whether to discard the answer under the cursor
	err     error
}

// New returns the screen; it reads the answers when opened and each time
// it is shown again.
func New(c common.Common) *Model {
	return &Model{Common: c, keys: defaultKeys()}
}

type loadedMsg struct {
	drafts []store.Draft
	err    error
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return m.load() }

func (m *Model) load() tea.Cmd {
	st := m.App.Store
	return func() tea.Msg {
		if st == nil {
			return loadedMsg{err: fmt.Errorf("still opening your history")}
		}
		list, err := st.Drafts(context.Background())
		return loadedMsg{drafts: list, err: err}
	}
}

func (m *Model) discard(d store.Draft) tea.Cmd {
	st := m.App.Store
	return func() tea.Msg {
		if err := st.DeleteDraft(context.Background(), d); err != nil {
			return loadedMsg{err: fmt.Errorf("the answer was not discarded: %w", err)}
		}
		list, err := st.Drafts(context.Background())
		return loadedMsg{drafts: list, err: err}
	}
}

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.loaded, m.err = true, msg.err
		if msg.err == nil {
			m.drafts = msg.drafts
		}
		m.cursor = max(min(m.cursor, len(m.drafts)-1), 0)
	case tea.WindowSizeMsg:
		// Shown again after a resumed answer: it may be gone now.
		return m, m.load()
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if m.confirm {
		m.confirm = false
		if key.Matches(msg, k.Yes) && m.cursor < len(m.drafts) {
			return m.discard(m.drafts[m.cursor])
		}
		return nil // any other key keeps it
	}
	if len(m.drafts) == 0 {
		return nil
	}
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = (m.cursor - 1 + len(m.drafts)) % len(m.drafts)
	case key.Matches(msg, k.Down):
		m.cursor = (m.cursor + 1) % len(m.drafts)
	case key.Matches(msg, k.Resume):
		return common.ResumeDraft(m.drafts[m.cursor])
	case key.Matches(msg, k.Discard):
		m.confirm = true
	}
	return nil
}

// Question is d's question on one line, cut to at most n characters.
func Question(d store.Draft, n int) string {
	q := strings.Join(strings.Fields(d.QuestionText), " ")
	if r := []rune(q); len(r) > n {
		q = string(r[:n-1]) + "…"
	}
	return q
}

// Progress says how far the answer got: its words and the time left.
func Progress(d store.Draft) string {
	w := words.Count(feedback.CountWords(d.Answer), "word")
	left := d.Remaining.Round(time.Second)
	if left <= 0 {
		return w + ", no time left"
	}
	s := int(left.Seconds())
	return fmt.Sprintf("%s, %02d:%02d left", w, s/60, s%60)
}
