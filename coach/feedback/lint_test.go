package feedback

import (
	"strings"
	"testing"

	"github.com/coach-tui/coach/questions"
)

func TestLintHoldsFollowUpsToTheTermRules(t *testing.T) {
	a, _ := testAnalyzer(t)
	q := techQuestion([]string{"outbox table"})
	q.Outline = "Write the event to an outbox table in the same transaction."
	q.FollowUps = []questions.FollowUp{
		{Text: "How do consumers cope with duplicates?", KeyPoints: []questions.KeyPoint{
			{Point: "Dedupe by event id", Terms: []string{"idempotency key", "changed"}},
		}},
		{Text: "What if the relay stops?"},
	}
	got := a.Lint(q)
	if len(got) != 1 || !strings.HasPrefix(got[0], `follow-up 1: key point 1 ("Dedupe by event id"): term "changed"`) {
		t.Fatalf("lint: %q", got)
	}
	q.FollowUps[0].KeyPoints[0].Terms = []string{"idempotency key", "seen before"}
	if got := a.Lint(q); len(got) != 0 {
		t.Fatalf("a follow-up with no outline is not held to outline coverage: %q", got)
	}
}
