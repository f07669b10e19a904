// Package drills schedules questions to come back until the answer is
// natural: each graded answer updates the question's FSRS card (through
// the go-fsrs library), and a drill session keeps asking a question until
// it is graded good or easy.
package drills

import (
	"encoding/json"
	"sort"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"

	"github.com/coach-tui/coach/coach/store"
)

// Grade is how an answer went, in the candidate's judgement.
type Grade int

// The grades, as FSRS uses them.
const (
	Again Grade = Grade(fsrs.Again) // could not answer; ask again soon
	Hard  Grade = Grade(fsrs.Hard)  // answered, with a struggle
	Good  Grade = Grade(fsrs.Good)  // answered well
	Easy  Grade = Grade(fsrs.Easy)  // came naturally
)

// Grades lists them in order.
var Grades = []Grade{Again, Hard, Good, Easy}

func (g Grade) String() string {
	switch g {
	case Again:
		return "again"
	case Hard:
		return "hard"
	case Good:
		return "good"
	case Easy:
		return "easy"
	}
	return "ungraded"
}

// Passed reports whether the grade ends the question's turn in a drill
// session.
func (g Grade) Passed() bool { return g >= Good }

// Suggest proposes a grade from the offline score: the candidate decides.
func Suggest(score int, skipped bool) Grade {
	switch {
	case skipped || score < 40:
		return Again
	case score < 60:
		return Hard
	case score < 85:
		return Good
	}
	return Easy
}

// Scheduler applies FSRS with its default parameters. Fuzz is off, so the
// same history always gives the same schedule.
type Scheduler struct{ f *fsrs.FSRS }

// NewScheduler returns a scheduler.
func NewScheduler() *Scheduler {
	p := fsrs.DefaultParam()
	p.EnableFuzz = false
	return &Scheduler{f: fsrs.NewFSRS(p)}
}

// Grade returns the question's card after a grade, ready to store.
func (s *Scheduler) Grade(questionID string, prev *store.Card, g Grade, now time.Time) (store.Card, error) {
	card := fsrs.NewCard()
	if prev != nil && prev.State != "" {
		if err := json.Unmarshal([]byte(prev.State), &card); err != nil {
			return store.Card{}, err
		}
	}
	next := s.f.Next(card, now, fsrs.Rating(g)).Card
	b, err := json.Marshal(next)
	if err != nil {
		return store.Card{}, err
	}
	return store.Card{QuestionID: questionID, State: string(b), Due: next.Due}, nil
}

// Retrievability is the chance the answer would still come to mind now
// (0–1), by the card's memory model.
func (s *Scheduler) Retrievability(c store.Card, now time.Time) float64 {
	var card fsrs.Card
	if json.Unmarshal([]byte(c.State), &card) != nil || card.State == fsrs.New {
		return 0
	}
	return s.f.GetRetrievability(card, now)
}

// DueBy returns the cards due at or before now, most overdue first.
func DueBy(cards []store.Card, now time.Time) []store.Card {
	var out []store.Card
	for _, c := range cards {
		if !c.Due.After(now) {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out
}

// WeakSpots picks the questions with the lowest recent scores, for drills
// when nothing is due.
func WeakSpots(recent []store.Attempt, n int) []string {
	sorted := append([]store.Attempt(nil), recent...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Overall < sorted[j].Overall })
	var out []string
	seen := map[string]bool{}
	for _, a := range sorted {
		if len(out) == n {
			break
		}
		if !seen[a.QuestionID] {
			seen[a.QuestionID] = true
			out = append(out, a.QuestionID)
		}
	}
	return out
}

// Queue is a drill session's order: a question graded again or hard goes
// to the back and comes round again; good or easy takes it out.
type Queue struct{ ids []string }

// NewQueue starts a queue with the questions in order.
func NewQueue(ids []string) *Queue { return &Queue{ids: append([]string(nil), ids...)} }

// Next is the question to ask now.
func (q *Queue) Next() (string, bool) {
	if len(q.ids) == 0 {
		return "", false
	}
	return q.ids[0], true
}

// Graded records the grade of the question at the front.
func (q *Queue) Graded(g Grade) {
	if len(q.ids) == 0 {
		return
	}
	front := q.ids[0]
	q.ids = q.ids[1:]
	if !g.Passed() {
		q.ids = append(q.ids, front)
	}
}

// Len is how many questions are still to pass.
func (q *Queue) Len() int { return len(q.ids) }
