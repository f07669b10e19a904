package session

import (
	"fmt"

	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/questions"
)

// FollowUp builds the follow-up to a question from the bank's follow-ups,
// skipping those already asked (see NewFollowUp for how it is timed and
// judged).
func FollowUp(parent *questions.Question, first feedback.Report, asked map[string]bool) (*questions.Question, bool) {
	for i, text := range parent.FollowUps {
		if !asked[text] {
			return NewFollowUp(parent, first, fmt.Sprintf("%s#%d", parent.ID, i+1), text), true
		}
	}
	return nil, false
}

// NewFollowUp is the follow-up question text asks of parent, from the bank
// or written by a model. It is timed at half the parent's time and judged
// on the parent's key points that the first answer missed (all of them
// when none were missed), so it scores the same way as any answer.
func NewFollowUp(parent *questions.Question, first feedback.Report, id, text string) *questions.Question {
	q := *parent
	q.ID, q.Text = id, text
	q.Time = max(parent.Time/2, questions.MinTime)
	q.FollowUps = nil
	missed := map[string]bool{}
	for _, p := range first.Missed() {
		missed[p] = true
	}
	if len(missed) > 0 {
		q.KeyPoints = nil
		for _, kp := range parent.KeyPoints {
			if missed[kp.Point] {
				q.KeyPoints = append(q.KeyPoints, kp)
			}
		}
	}
	return &q
}
