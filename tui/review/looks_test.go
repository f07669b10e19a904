package review

import (
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/coach-tui/coach/tui/internal/looks"
)

// The review's inputs and its report in every look at 40x12, 80x24 and
// 200x60, the report page by page to the end.
func TestReviewGoldensAtThreeSizes(t *testing.T) {
	looks.Each(t, func(t *testing.T, l looks.Look, w, h int) {
		m, _ := newScreen(t)
		m.Styles, m.Markdown = l.Styles, l.Markdown
		m.SetSize(w, h)
		run(m, func() tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} })
		typeText(m, "~/resume.md")
		inputs := m.View()
		looks.Fits(t, inputs, w, h)
		m.resumePath.SetValue("")
		reviewFiles(t, m, filepath.Join(fixtures, "resumes/go-backend.md"), filepath.Join(fixtures, "postings/backend-go.txt"))
		report := looks.Pages(t, w, h, m.View, func() bool { return m.view.AtBottom() }, func() {
			m.Update(tea.KeyMsg{Type: tea.KeyPgDown})
		})
		golden.RequireEqual(t, []byte(inputs+"\n==== review ====\n"+report))
	})
}
