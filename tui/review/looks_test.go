package review

import (
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
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
		m.form.Resume.SetValue("")
		reviewFiles(t, m, filepath.Join(fixtures, "resumes/go-backend.md"), filepath.Join(fixtures, "postings/backend-go.txt"))
		report := looks.Pages(t, w, h, m.View, func() bool { return m.view.AtBottom() }, func() {
			m.Update(tea.KeyMsg{Type: tea.KeyPgDown})
		})
		golden.RequireEqual(t, []byte(inputs+"\n==== review ====\n"+report))
	})
}

// At every width the report wraps rather than cuts: read as one line of
// words, it still holds every heading, score part and keyword whole.
func TestReviewReportCutsNothingWhenNarrow(t *testing.T) {
	for _, w := range []int{40, 80, 200} {
		m, _ := newScreen(t)
		m.SetSize(w, 3000) // one page: what the window shows, cut where it cuts
		reviewFiles(t, m, filepath.Join(fixtures, "resumes/go-backend.md"), filepath.Join(fixtures, "postings/backend-go.txt"))
		text := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
		want := []string{
			"Requirements (✓ met · ✗ not found · ? can't tell)",
			"Questions you are likely to be asked (p to practise them)",
			"32.5 of 50 pts",
		}
		for _, k := range m.report.Keywords.Matched {
			want = append(want, k.Name+" ")
		}
		for _, k := range m.report.Keywords.Missing {
			want = append(want, k.Name+" ", "missing: add to "+k.Belongs)
		}
		for _, s := range want {
			if !strings.Contains(text, s) {
				t.Errorf("at %d columns the report lost %q", w, s)
			}
		}
	}
}
