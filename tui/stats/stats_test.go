package stats

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
}

func TestStatsGolden(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	bank, _ := questions.Default()
	now := time.Date(2026, 11, 28, 18, 0, 0, 0, time.UTC)
	ctx := context.Background()
	sid, _ := st.CreateSession(ctx, "practice", "backend", "{}", now.Add(-5*24*time.Hour))
	for i, a := range []struct {
		kind, cat string
		score     int
	}{{"technical", "databases", 35}, {"technical", "databases", 55}, {"behavioral", "teamwork", 70}, {"technical", "apis", 80}, {"behavioral", "conflict", 85}} {
		at := now.Add(-time.Duration(4-i) * 24 * time.Hour)
		st.AddAttempt(ctx, store.Attempt{SessionID: sid, QuestionID: "q", QuestionText: "q", Kind: a.kind, Category: a.cat, Answer: "a",
			StartedAt: at, SubmittedAt: at, Used: 3 * time.Minute, TimerMode: "strict", Overall: a.score, Report: "{}"})
	}
	m := New(common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Store: st, Bank: bank, Now: func() time.Time { return now }}})
	m.SetSize(80, 23)
	m.Update(m.Init()())
	v := m.View()
	for _, want := range []string{"5 answers", "15m practised", "streak 5 days", "technical", "databases 45", "Interview ready"} {
		if !strings.Contains(v, want) {
			t.Errorf("stats lack %q", want)
		}
	}
	golden.RequireEqual(t, []byte(v))

	// at 40x12 the readiness is below the window, and G reaches it
	m.SetSize(40, 12)
	if v := m.View(); strings.Contains(v, "Interview ready") || lipgloss.Height(v) > 12 {
		t.Fatalf("40x12 shows %d lines:\n%s", lipgloss.Height(v), v)
	}
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")})
	if v := m.View(); !strings.Contains(v, "Interview ready") {
		t.Fatalf("G does not reach the readiness:\n%s", v)
	}
	m.Update(tea.KeyMsg{Type: tea.KeyHome})
	if v := m.View(); !strings.Contains(v, "Stats") {
		t.Fatalf("home does not go back to the top:\n%s", v)
	}
}
