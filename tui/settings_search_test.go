package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/tui/common"
)

// A theme chosen in Settings is drawn at once: lipgloss's background and
// the markdown style follow it; auto goes back to the background found at
// start, or, when none was asked for, keeps the one in use.
func TestThemeAppliesWhileRunning(t *testing.T) {
	t.Cleanup(func() { lipgloss.SetHasDarkBackground(true) })
	m := sized(t, 80, 24)
	info := &m.common.App.Info
	check := func(theme string, dark bool) {
		t.Helper()
		runCmds(m, func() tea.Msg { return common.ThemeMsg{Theme: theme} })
		want := common.MarkdownLight
		if dark {
			want = common.MarkdownDark
		}
		if info.Theme != theme || info.Dark != dark || lipgloss.HasDarkBackground() != dark || m.common.Markdown.Style() != want {
			t.Fatalf("after %s: theme %s, dark %v, lipgloss dark %v, markdown %s", theme, info.Theme, info.Dark, lipgloss.HasDarkBackground(), m.common.Markdown.Style())
		}
	}
	check("light", false)
	check("auto", false) // nothing was detected at start: stays light
	check("dark", true)
	info.Detected, info.DetectedDark = true, false
	check("auto", false) // the light background found at start
}

// While a long view's search prompt is open, q and esc are words or the
// prompt's own, not quit and back; n then moves between matches instead of
// toggling the example resume's notes.
func TestSearchPromptTakesTheKeys(t *testing.T) {
	m := sized(t, 100, 30)
	press(m, key1("e"))
	if !strings.Contains(m.View(), "Example resume") {
		t.Fatalf("e did not open the example resume:\n%s", m.View())
	}
	press(m, key1("/"))
	_, cmd := m.Update(key1("q"))
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q in the search prompt quit the app")
		}
	}
	press(m, tea.KeyMsg{Type: tea.KeyBackspace})
	for _, r := range "engineer" {
		press(m, key1(string(r)))
	}
	press(m, tea.KeyMsg{Type: tea.KeyEnter})
	v := ansi.Strip(m.View())
	if !strings.Contains(v, `1 of `) || !strings.Contains(v, `"engineer" · n next`) {
		t.Fatalf("no search shown:\n%s", v)
	}
	press(m, key1("n"))
	if v := ansi.Strip(m.View()); !strings.Contains(v, `2 of `) {
		t.Fatalf("n did not go to the second match:\n%s", v)
	}
	press(m, tea.KeyMsg{Type: tea.KeyEsc}) // clears the search, stays
	if v := ansi.Strip(m.View()); len(m.stack) != 2 || strings.Contains(v, "n next") {
		t.Fatalf("esc did not just clear the search:\n%s", v)
	}
	press(m, tea.KeyMsg{Type: tea.KeyEsc})
	if len(m.stack) != 1 {
		t.Fatal("the second esc did not go back")
	}
}
