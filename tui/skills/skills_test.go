package skills

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
}

func newScreen(t *testing.T, w, h int) (*Model, *store.Store, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := common.Common{
		Styles: common.NewStyles(common.DefaultTheme()),
		App:    &common.App{Store: st, Bank: bank},
	}
	m := New(c)
	m.SetSize(w, h)
	run(m, m.Init())
	return m, st, dir
}

// run executes a command and feeds its message back, as the program would.
func run(m *Model, cmd tea.Cmd) {
	for cmd != nil {
		msg := cmd()
		if msg == nil {
			return
		}
		_, cmd = m.Update(msg)
	}
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		_, cmd := m.Update(msg)
		run(m, cmd)
	}
}

func TestSkillsGolden(t *testing.T) {
	m, _, _ := newScreen(t, 80, 23)
	press(m, "j", "2", "j", "3")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestRatingIsSavedAtOnce(t *testing.T) {
	m, st, _ := newScreen(t, 80, 23)
	press(m, "j", "2") // Database design: working
	press(m, "l", "3") // first soft skill: strong
	press(m, "+")      // already strong: stays
	got, err := st.Ratings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	soft := m.currentRole().Skills.Soft[0].ID
	if got["database-design"] != 2 || got[soft] != 3 || len(got) != 2 {
		t.Fatalf("saved ratings = %v", got)
	}
	press(m, "-", "-", "-", "-")
	got, _ = st.Ratings(context.Background())
	if _, ok := got[soft]; ok {
		t.Fatalf("rating down to none should clear it: %v", got)
	}
	if v := m.View(); !strings.Contains(v, "Soft 0/") || !strings.Contains(v, "Hard 1/") {
		t.Fatalf("tab progress not updated:\n%s", v)
	}
}

func TestRatingsLoadOnOpen(t *testing.T) {
	m, st, _ := newScreen(t, 80, 23)
	st.SetRating(context.Background(), "api-design", 3)
	run(m, m.Init())
	if !strings.Contains(m.View(), "●●● API design") {
		t.Fatalf("saved rating not shown:\n%s", m.View())
	}
}

func TestFailedSaveRestoresRating(t *testing.T) {
	m, st, _ := newScreen(t, 80, 23)
	st.Close() // every write now fails
	press(m, "2")
	if r := m.ratings["api-design"]; r != 0 {
		t.Fatalf("rating after failed save = %v", r)
	}
	if !strings.Contains(m.View(), "Not saved:") {
		t.Fatal("a failed save must say so")
	}
}

func TestFilterTabsAndRoles(t *testing.T) {
	m, _, _ := newScreen(t, 80, 23)
	press(m, "l", "l") // technical tab
	press(m, "/")
	if !m.TakingText() {
		t.Fatal("the filter should take typed text")
	}
	press(m, "p", "o", "s", "t", "g")
	v := m.visible()
	if len(v) != 1 || v[0].ID != "postgresql" {
		t.Fatalf("filter 'postg' = %v", v)
	}
	press(m, "enter")
	if m.TakingText() || m.filter.Value() != "postg" {
		t.Fatal("enter keeps the filter and leaves typing")
	}
	press(m, "/", "esc")
	if m.filter.Value() != "" || len(m.visible()) < 10 {
		t.Fatal("esc clears the filter")
	}
	// Aliases match too: k8s finds Kubernetes on the platform role.
	press(m, "]", "]", "]", "]", "]", "]")
	if m.currentRole().ID != "platform" {
		t.Fatalf("role = %s", m.currentRole().ID)
	}
	press(m, "/", "k", "8", "s", "enter")
	if v := m.visible(); len(v) != 1 || v[0].ID != "kubernetes" {
		t.Fatalf("alias filter: %v", v)
	}
	press(m, "[")
	if m.currentRole().ID != "sre" {
		t.Fatalf("[ should go back a role, got %s", m.currentRole().ID)
	}
}

func TestOverviewShowsFiguresAndAdvice(t *testing.T) {
	m, _, _ := newScreen(t, 100, 40)
	press(m, "o")
	v := m.View()
	for _, want := range []string{"850K", "September 24, 2025", "$95,000+", "Choosing skills for your resume"} {
		if !strings.Contains(v, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
}

func TestNarrowShowsListThenDetails(t *testing.T) {
	m, _, _ := newScreen(t, 40, 11)
	v := m.View()
	if strings.Contains(v, "What it means") || !strings.Contains(v, "API design") {
		t.Fatalf("narrow list view:\n%s", v)
	}
	press(m, "enter")
	if !strings.Contains(m.View(), "What it means") {
		t.Fatalf("enter shows the details:\n%s", m.View())
	}
	for _, line := range strings.Split(m.View(), "\n") {
		if lipgloss.Width(line) > 40 {
			t.Fatalf("line wider than 40: %q", line)
		}
	}
}

func TestPractiseSelectedSkill(t *testing.T) {
	m, _, _ := newScreen(t, 80, 23)
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("p")})
	if cmd == nil {
		t.Fatal("p should start practice on the skill")
	}
	msg, ok := cmd().(common.PracticeSkillMsg)
	if !ok || msg.Tag != "api-design" || msg.Name != "API design" {
		t.Fatalf("got %#v", msg)
	}
}
