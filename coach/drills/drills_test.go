package drills

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/coach-tui/coach/coach/store"
)

func TestSuggest(t *testing.T) {
	for _, tt := range []struct {
		score   int
		skipped bool
		want    Grade
	}{{90, false, Easy}, {70, false, Good}, {50, false, Hard}, {20, false, Again}, {95, true, Again}} {
		if got := Suggest(tt.score, tt.skipped); got != tt.want {
			t.Errorf("Suggest(%d, %v) = %v, want %v", tt.score, tt.skipped, got, tt.want)
		}
	}
}

// Grades round-trip through the store: the schedule read back gives the
// same next step as one kept in memory.
func TestSchedulingRoundTripsThroughTheStore(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	s := NewScheduler()
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

	first, err := s.Grade("q1", nil, Good, now)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Due.After(now) {
		t.Fatalf("a good first answer is due later, got %v", first.Due)
	}
	if err := st.SaveCard(ctx, first, int(Good), 0, now); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Grade("q2", nil, Again, now)
	st.SaveCard(ctx, again, int(Again), 0, now)
	if !again.Due.Before(first.Due) {
		t.Fatalf("again (%v) must come back before good (%v)", again.Due, first.Due)
	}

	stored, ok, err := st.Card(ctx, "q1")
	if err != nil || !ok || !stored.Due.Equal(first.Due.Truncate(time.Millisecond)) {
		t.Fatalf("stored card %+v %v %v", stored, ok, err)
	}
	later := first.Due.Add(time.Hour)
	fromStore, _ := s.Grade("q1", &stored, Easy, later)
	fromMemory, _ := s.Grade("q1", &first, Easy, later)
	if !fromStore.Due.Equal(fromMemory.Due) {
		t.Fatalf("schedule changed through the store: %v vs %v", fromStore.Due, fromMemory.Due)
	}
	if fromStore.Due.Sub(later) <= first.Due.Sub(now) {
		t.Fatal("a second success should space the question further out")
	}
	if r := s.Retrievability(stored, later); r <= 0 || r > 1 {
		t.Fatalf("retrievability %v", r)
	}
}

func TestDueQueue(t *testing.T) {
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	cards := []store.Card{
		{QuestionID: "later", Due: now.Add(time.Hour)},
		{QuestionID: "yesterday", Due: now.Add(-24 * time.Hour)},
		{QuestionID: "now", Due: now},
	}
	due := DueBy(cards, now)
	if len(due) != 2 || due[0].QuestionID != "yesterday" || due[1].QuestionID != "now" {
		t.Fatalf("due = %+v", due)
	}
}

func TestUntilGoodRule(t *testing.T) {
	q := NewQueue([]string{"a", "b"})
	var asked []string
	grades := map[string][]Grade{"a": {Again, Hard, Good}, "b": {Easy}}
	for i := 0; i < 10; i++ {
		id, ok := q.Next()
		if !ok {
			break
		}
		asked = append(asked, id)
		g := grades[id][0]
		grades[id] = grades[id][1:]
		q.Graded(g)
	}
	want := []string{"a", "b", "a", "a"}
	if len(asked) != len(want) {
		t.Fatalf("asked %v, want %v", asked, want)
	}
	for i := range want {
		if asked[i] != want[i] {
			t.Fatalf("asked %v, want %v", asked, want)
		}
	}
	if q.Len() != 0 {
		t.Fatal("the session ends once every question passed")
	}
}

func TestWeakSpots(t *testing.T) {
	recent := []store.Attempt{
		{QuestionID: "ok", Overall: 80}, {QuestionID: "bad", Overall: 20}, {QuestionID: "meh", Overall: 45}, {QuestionID: "bad", Overall: 30},
	}
	got := WeakSpots(recent, 2)
	if len(got) != 2 || got[0] != "bad" || got[1] != "meh" {
		t.Fatalf("weak spots %v", got)
	}
}
