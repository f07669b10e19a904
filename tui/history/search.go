package history

import (
	"context"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/tui/common"
)

// search finds sessions by what was asked or answered in them: / on the
// list of sessions, as in the long views.
type search struct {
	typing bool
	input  []rune
	words  string         // the words the list is showing matches for
	ids    map[int64]bool // the sessions that have them
}

type searchedMsg struct {
	words string
	ids   map[int64]bool
	err   error
}

// searchKey handles the keys of the sessions' search; it reports whether
// the key was the search's.
func (m *Model) searchKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	s := &m.search
	if !s.typing {
		if msg.String() == "/" {
			s.typing, s.input = true, []rune(s.words)
			return nil, true
		}
		return nil, false
	}
	switch msg.Type {
	case tea.KeyEnter:
		s.typing = false
		words := strings.TrimSpace(string(s.input))
		if words == "" {
			m.clearSearch()
			return nil, true
		}
		st := m.App.Store
		return func() tea.Msg {
			list, err := st.SearchSessions(context.Background(), words)
			ids := map[int64]bool{}
			for _, x := range list {
				ids[x.ID] = true
			}
			return searchedMsg{words: words, ids: ids, err: err}
		}, true
	case tea.KeyEsc:
		s.typing = false
	case tea.KeyBackspace:
		if len(s.input) > 0 {
			s.input = s.input[:len(s.input)-1]
		}
	case tea.KeyCtrlU:
		s.input = nil
	case tea.KeySpace:
		s.input = append(s.input, ' ')
	case tea.KeyRunes:
		s.input = append(s.input, []rune(common.SanitizeText(string(msg.Runes)))...)
	}
	return nil, true
}

// clearSearch shows every session again, and reports whether a search
// was shown.
func (m *Model) clearSearch() bool {
	had := m.search.words != ""
	m.search = search{}
	m.cursor = 0
	m.sessions = m.all
	return had
}

// searched shows the sessions a search found.
func (m *Model) searched(msg searchedMsg) {
	if msg.err != nil {
		m.err = msg.err
		return
	}
	m.search.words, m.search.ids, m.cursor = msg.words, msg.ids, 0
	m.sessions = m.visible()
}

// visible is the sessions the list shows: all, or a search's.
func (m *Model) visible() []store.Session {
	if m.search.words == "" {
		return m.all
	}
	var out []store.Session
	for _, x := range m.all {
		if m.search.ids[x.ID] {
			out = append(out, x)
		}
	}
	return out
}

// searchLine is the prompt, or what the list is showing.
func (m *Model) searchLine() string {
	st := m.Styles
	switch {
	case m.search.typing:
		return st.Text.Render("/"+string(m.search.input)) + "\x1b[7m \x1b[27m" + st.Faint.Render("  enter search · esc cancel")
	case m.search.words != "":
		return st.Muted.Render(words.Count(len(m.sessions), "session") + " where a question or answer has “" + m.search.words + "” · esc shows all")
	}
	return ""
}
