package session

import (
	"fmt"
	"time"

	"github.com/coach-tui/coach/questions"
)

// FollowUp builds the follow-up to a question from the bank's follow-ups,
// skipping those already asked (see NewFollowUp for how it is timed and
// judged).
func FollowUp(parent *questions.Question, asked map[string]bool) (*questions.Question, bool) {
	for i, f := range parent.FollowUps {
		if !asked[f.Text] {
			return NewFollowUp(parent, fmt.Sprintf("%s#%d", parent.ID, i+1), f.Text), true
		}
	}
	return nil, false
}

// NewFollowUp is the follow-up question text asks of parent, from the bank
// or written by a model, timed at half the parent's time. It never keeps
// the parent's key points: they are about another question, and judging a
// follow-up on them marked a sound answer down for not repeating the first
// one. A bank follow-up with key points of its own is judged on those; any
// other is scored on the rest (structure, specificity, length…), and the
// feedback says so. Nor does it keep the parent's outline.
func NewFollowUp(parent *questions.Question, id, text string) *questions.Question {
	return AsFollowUp(parent, id, text, max(parent.Time/2, questions.MinTime))
}

// AsFollowUp is parent turned into its follow-up text, with its own id and
// spoken time; NewFollowUp and a resumed follow-up both build it so.
func AsFollowUp(parent *questions.Question, id, text string, spoken time.Duration) *questions.Question {
	q := *parent
	q.ID, q.Text, q.Time = id, text, spoken
	q.FollowUps, q.KeyPoints, q.Outline = nil, nil, ""
	for _, f := range parent.FollowUps {
		if f.Text == text {
			q.KeyPoints = f.KeyPoints
		}
	}
	return &q
}
