package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/tui/drafts"
	"github.com/coach-tui/coach/tui/session"
)

// seededStore is a store holding one unfinished answer per text given,
// each in its own session, the last one the newest.
func seededStore(t *testing.T, answers ...string) (OpenStore, func() []store.Draft) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	ctx := context.Background()
	s, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	for i, a := range answers {
		sid, err := s.CreateSession(ctx, "practice", "backend", `{}`, at)
		if err != nil {
			t.Fatal(err)
		}
		d := store.Draft{SessionID: sid, QuestionID: "test-question", QuestionText: "Question number " + a,
			Answer: a, Limit: 2 * time.Minute, Remaining: 80 * time.Second, TimerMode: "soft", SavedAt: at.Add(time.Duration(i) * time.Minute)}
		if err := s.SaveDraft(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	left := func() []store.Draft {
		s, err := store.Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		list, err := s.Drafts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	return func(ctx context.Context) (*store.Store, error) {
		s, err := store.Open(ctx, dir)
		if err == nil {
			t.Cleanup(func() { s.Close() })
		}
		return s, err
	}, left
}

func loaded(t *testing.T, open OpenStore) *Model {
	t.Helper()
	m := newTestModel(t, open)
	_, load := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	runCmds(m, load)
	return m
}

func TestHomeOffersEveryUnfinishedAnswerAndAsksBeforeDiscarding(t *testing.T) {
	open, left := seededStore(t, "one", "two")
	m := loaded(t, open)
	if v := m.View(); !strings.Contains(v, "2 unfinished answers") || !strings.Contains(v, `"Question number two" (1 word, 01:20 left)`) {
		t.Fatalf("home should offer both answers, the newest named:\n%s", v)
	}
	press(m, key1("x"))
	if v := m.View(); !strings.Contains(v, "Discard your unfinished answer to") {
		t.Fatalf("x should ask first:\n%s", v)
	}
	press(m, key1("n"))
	if len(left()) != 2 || !strings.Contains(m.View(), "2 unfinished answers") {
		t.Fatal("any key but y keeps the answer")
	}
	press(m, key1("x"))
	press(m, key1("y"))
	if l := left(); len(l) != 1 || l[0].Answer != "one" {
		t.Fatalf("y discards the newest only: %+v", l)
	}
	if v := m.View(); !strings.Contains(v, `Unfinished answer to "Question number one"`) {
		t.Fatalf("home shows the one left:\n%s", v)
	}
	resume(m, key1("u"))
	if _, ok := m.active().(*session.Model); !ok {
		t.Fatalf("u should resume the answer, got %T", m.active())
	}
}

func TestTheListOfUnfinishedAnswers(t *testing.T) {
	open, left := seededStore(t, "alpha", "beta", "gamma")
	m := loaded(t, open)
	press(m, key1("a"))
	if _, ok := m.active().(*drafts.Model); !ok {
		t.Fatalf("a should open the list, got %T", m.active())
	}
	v := m.View()
	for _, q := range []string{"Question number alpha", "Question number beta", "Question number gamma"} {
		if !strings.Contains(v, q) {
			t.Fatalf("the list lacks %q:\n%s", q, v)
		}
	}
	if strings.Index(v, "gamma") > strings.Index(v, "alpha") {
		t.Fatalf("newest first:\n%s", v)
	}
	press(m, key1("j")) // beta
	press(m, key1("x"))
	if !strings.Contains(m.View(), "Discard this answer (1 word, 01:20 left)?") {
		t.Fatalf("x should ask first:\n%s", m.View())
	}
	press(m, key1("y"))
	l := left()
	if len(l) != 2 || l[0].Answer != "gamma" || l[1].Answer != "alpha" {
		t.Fatalf("beta should be the one gone: %+v", l)
	}
	if v := m.View(); strings.Contains(v, "beta") {
		t.Fatalf("the list still shows beta:\n%s", v)
	}
	resume(m, tea.KeyMsg{Type: tea.KeyEnter})
	if _, ok := m.active().(*session.Model); !ok {
		t.Fatalf("enter should resume, got %T", m.active())
	}
}

// resume presses k and hands the root the message its command returns,
// without running the session's clock.
func resume(m *Model, k tea.KeyMsg) {
	if _, cmd := m.Update(k); cmd != nil {
		m.Update(cmd())
	}
}

func TestHomeWithUnfinishedAnswersFitsTheWindow(t *testing.T) {
	open, _ := seededStore(t, "one", strings.Repeat("long answer ", 50))
	m := loaded(t, open)
	for _, size := range [][2]int{{80, 24}, {60, 20}, {40, 12}, {120, 40}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, confirm := range []bool{false, true} {
			if confirm {
				press(m, key1("x"))
			}
			v := m.View()
			if h := lipgloss.Height(v); h > size[1] {
				t.Errorf("%dx%d (confirming %v): home is %d lines:\n%s", size[0], size[1], confirm, h, v)
			}
			if !strings.Contains(v, "unfinished answer") && !strings.Contains(v, "Discard") {
				t.Errorf("%dx%d: the offer is not shown:\n%s", size[0], size[1], v)
			}
			if confirm {
				press(m, key1("n"))
			}
		}
	}
	press(m, key1("a"))
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		press(m, key1("x"))
		v := m.View()
		if h := lipgloss.Height(v); h > size[1] {
			t.Errorf("%dx%d: the list is %d lines:\n%s", size[0], size[1], h, v)
		}
		for _, line := range strings.Split(v, "\n") {
			if w := lipgloss.Width(line); w > size[0] {
				t.Errorf("%dx%d: line %q is %d cells", size[0], size[1], line, w)
			}
		}
		press(m, key1("n"))
	}
}

func TestHomeSaysAnotherWindowIsOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	first, err := store.OpenWindow(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	m := loaded(t, func(ctx context.Context) (*store.Store, error) {
		s, err := store.OpenWindow(ctx, dir)
		if err == nil {
			t.Cleanup(func() { s.Close() })
		}
		return s, err
	})
	if v := m.View(); !strings.Contains(v, "Another coach window is open on this data") {
		t.Fatalf("home should say so:\n%s", v)
	}
}
