package session

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/internal/looks"
)

// A summary whose answers hold a list, a pipe and a long unbroken token
// wraps inside the window in every look and size.
func TestSummaryGoldensAtThreeSizes(t *testing.T) {
	looks.Each(t, func(t *testing.T, l looks.Look, w, h int) {
		e := newEnv(t)
		e.c.Styles, e.c.Markdown = l.Styles, l.Markdown
		s := practiceSetup(questions.Technical)
		s.Reading, s.FollowUps = 0, false
		m := start(t, e, s)
		m.SetSize(w, h)
		typeText(t, m, "Stored XSS puts a script in the page for every visitor: escape on output, set a CSP, and | pipes | stay text.\n- a list marker stays text\nhttps://example.com/a/very/long/path/that/does/not/break/anywhere/at/all")
		e.tick(t, m, 30*time.Second)
		press(t, m, "ctrl+s", "enter")
		if m.phase != phaseSummary {
			t.Fatalf("phase %v, want the summary", m.phase)
		}
		// Every page, top to bottom, so the answers are in the golden too.
		var pages []string
		for i := 0; i < 50; i++ {
			v := m.View()
			looks.Fits(t, v, w, h)
			pages = append(pages, v)
			if m.view.AtBottom() {
				break
			}
			press(t, m, "pgdown")
		}
		golden.RequireEqual(t, []byte(strings.Join(pages, "\n---- pgdown ----\n")))
	})
}
