package progress

import (
	"strings"
	"testing"
	"time"

	"github.com/coach-tui/coach/coach/drills"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
)

var now = time.Date(2026, 11, 28, 18, 0, 0, 0, time.UTC)

func bank(t *testing.T) *questions.Bank {
	t.Helper()
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func attempt(kind, cat string, score int, ago time.Duration) store.Attempt {
	return store.Attempt{Kind: kind, Category: cat, Overall: score, SubmittedAt: now.Add(-ago), Used: time.Minute}
}

func TestReadinessFormula(t *testing.T) {
	b := bank(t)
	// No practice at all: nothing to show but a first step.
	r := Compute(b, questions.Backend, nil, nil, now)
	if r.Score != 0 || r.Kinds[questions.Behavioral] != -1 || !strings.Contains(r.Next, "No behavioural practised yet") {
		t.Fatalf("empty: %+v", r)
	}

	day := 24 * time.Hour
	history := []store.Attempt{
		attempt("behavioral", "teamwork", 80, 0),
		attempt("behavioral", "conflict", 40, 14*day), // half weight
		attempt("technical", "databases", 60, day),
		attempt("situational", "incidents", 70, 2*day),
		attempt("technical", "apis", 10, 40*day), // outside the window
	}
	r = Compute(b, questions.Backend, history, nil, now)
	// Behavioural: (80×1 + 40×0.5) / 1.5 = 66.7.
	if r.Kinds[questions.Behavioral] != 67 || r.Kinds[questions.Technical] != 60 || r.Kinds[questions.Situational] != 70 {
		t.Fatalf("kind scores %v", r.Kinds)
	}
	if r.Coverage <= 0 || r.Coverage >= 0.5 {
		t.Fatalf("coverage %v: four categories of many", r.Coverage)
	}
	scores := (200.0/3 + 60 + 70) / 3
	want := int(50*scores/100 + 30*r.Coverage + 0.5)
	if r.Score != want {
		t.Fatalf("score %d, want %d", r.Score, want)
	}
	if !strings.Contains(r.Next, "Cover more ground") {
		t.Fatalf("next step %q", r.Next)
	}

	// Senior roles need system design too.
	if r := Compute(b, questions.SeniorBackend, history, nil, now); r.Kinds[questions.SystemDesign] != -1 || !strings.Contains(r.Next, "system design") {
		t.Fatalf("senior: %+v", r)
	}

	// A due drill comes first, and retention counts.
	c, _ := drills.NewScheduler().Grade("q", nil, drills.Good, now.Add(-10*day))
	r2 := Compute(b, questions.Backend, history, []store.Card{c}, now)
	if r2.DueDrills != 1 || r2.Retention <= 0 || r2.Score <= r.Score || !strings.HasPrefix(r2.Next, "1 drill due") {
		t.Fatalf("with a drill: %+v", r2)
	}
}

func TestStats(t *testing.T) {
	day := 24 * time.Hour
	history := []store.Attempt{
		attempt("technical", "databases", 40, 3*day),
		attempt("technical", "databases", 60, 2*day),
		attempt("behavioral", "teamwork", 90, day),
		attempt("technical", "apis", 80, 0),
		attempt("technical", "apis", 100, 0),
		{Kind: "technical", Category: "apis", Skipped: true, SubmittedAt: now, Used: 10 * time.Second},
	}
	s := ComputeStats(history, now)
	if s.Answers != 5 || s.Skipped != 1 || s.Practice != 5*time.Minute+10*time.Second || s.Streak != 4 {
		t.Fatalf("stats %+v", s)
	}
	tech := s.Series[questions.Technical]
	if len(tech) != Days || tech[Days-1] != 90 || tech[Days-3] != 60 || tech[Days-2] != -1 {
		t.Fatalf("technical series tail %v", tech[Days-4:])
	}
	if len(s.Weakest) != 2 || s.Weakest[0].Category != "databases" || s.Weakest[0].Average != 50 {
		t.Fatalf("weakest %+v", s.Weakest)
	}
	// A day off breaks the streak; no practice yet today does not.
	gap := ComputeStats([]store.Attempt{attempt("technical", "x", 50, day), attempt("technical", "x", 50, 3*day)}, now)
	if gap.Streak != 1 {
		t.Fatalf("streak across a gap %d", gap.Streak)
	}
	if got := Sparkline([]int{0, 50, 100, -1}); got != "▁▄█·" {
		t.Fatalf("sparkline %q", got)
	}
}
