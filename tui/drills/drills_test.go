package drills

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

	"github.com/coach-tui/coach/coach/drills"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/session"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
}

var now = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

func newScreen(t *testing.T) (*Model, *store.Store) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Store: st, Bank: bank, Now: func() time.Time { return now }}}
	m := New(c)
	m.SetSize(80, 23)
	return m, st
}

func grade(t *testing.T, st *store.Store, id string, g drills.Grade, at time.Time) {
	t.Helper()
	c, err := drills.NewScheduler().Grade(id, nil, g, at)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCard(context.Background(), c, int(g), 0, at); err != nil {
		t.Fatal(err)
	}
}

func TestDrillsGolden(t *testing.T) {
	m, st := newScreen(t)
	grade(t, st, "db-n-plus-one-queries", drills.Again, now.Add(-3*24*time.Hour))
	grade(t, st, "api-idempotency-keys", drills.Hard, now.Add(-2*24*time.Hour))
	grade(t, st, "beh-teamwork-tough-project", drills.Good, now)
	m.Update(m.Init()())
	golden.RequireEqual(t, []byte(m.View()))
}

func TestDueStartsADrill(t *testing.T) {
	m, st := newScreen(t)
	grade(t, st, "db-n-plus-one-queries", drills.Again, now.Add(-24*time.Hour))
	m.Update(m.Init()())
	if len(m.due) != 1 {
		t.Fatalf("due %v", m.due)
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	push, ok := cmd().(common.PushMsg)
	if !ok {
		t.Fatal("enter opens a drill session")
	}
	if _, ok := push.Screen.(*session.Model); !ok {
		t.Fatalf("pushed %T", push.Screen)
	}
}

func TestWeakSpotsWhenNothingIsDue(t *testing.T) {
	m, st := newScreen(t)
	ctx := context.Background()
	sid, _ := st.CreateSession(ctx, "practice", "backend", "{}", now.Add(-time.Hour))
	for id, score := range map[string]int{"db-n-plus-one-queries": 25, "api-idempotency-keys": 80} {
		st.AddAttempt(ctx, store.Attempt{SessionID: sid, QuestionID: id, QuestionText: id, Kind: "technical", Category: "x",
			Answer: "a", StartedAt: now.Add(-time.Hour), SubmittedAt: now.Add(-time.Hour), TimerMode: "strict", Overall: score, Report: "{}"})
	}
	m.Update(m.Init()())
	v := m.View()
	if len(m.due) != 0 || len(m.weak) != 1 || !strings.Contains(v, "weak spots") || !strings.Contains(v, "scored 25") {
		t.Fatalf("weak spots:\n%s", v)
	}
}

func TestNothingYet(t *testing.T) {
	m, _ := newScreen(t)
	m.Update(m.Init()())
	if v := m.View(); !strings.Contains(v, "Nothing to drill yet") {
		t.Fatalf("empty:\n%s", v)
	}
	if _, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter}); cmd != nil {
		t.Fatal("enter does nothing with nothing to drill")
	}
}
