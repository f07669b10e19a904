package history

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/coach-tui/coach/tui/internal/looks"
)

// History in every look at 40x12, 80x24 and 200x60: the sessions, one
// session's answers, and an answer's detail page by page to the end.
func TestHistoryGoldensAtThreeSizes(t *testing.T) {
	looks.Each(t, func(t *testing.T, l looks.Look, w, h int) {
		m, _, _ := setup(t)
		m.Styles, m.Markdown = l.Styles, l.Markdown
		m.SetSize(w, h)
		run(m, func() tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} })
		var frames []string
		add := func(v string) {
			looks.Fits(t, v, w, h)
			frames = append(frames, v)
		}
		add(m.View())
		press(m, "enter")
		add(m.View())
		press(m, "enter")
		frames = append(frames, looks.Pages(t, w, h, m.View, func() bool { return m.view.AtBottom() }, func() {
			_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyPgDown})
			run(m, cmd)
		}))
		golden.RequireEqual(t, []byte(strings.Join(frames, "\n==== enter ====\n")))
	})
}
