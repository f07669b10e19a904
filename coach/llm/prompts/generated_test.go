package prompts

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/questions/textsafe/textsafetest"
)

const modelJSON = `[
  {"question": "How would you roll out a schema change to a busy PostgreSQL table without downtime?",
   "kind": "technical", "difficulty": 3,
   "key_points": [{"point": "Expand and contract migrations", "terms": ["Expand", " backfill ", "expand"]},
                  {"point": "Lock-free index builds", "terms": []}],
   "outline": "Add the column nullable, backfill in batches, switch reads, then drop the old column."},
  {"question": "Tell me about a time an on-call incident taught you something.", "kind": "Behavioural", "difficulty": "2",
   "key_points": ["Blameless postmortem with follow-up actions"]},
  {"question": "Design a rate limiter for a public API.", "kind": "system design", "difficulty": 9,
   "key_points": [{"point": "Token bucket", "terms": ["token bucket"]}], "outline": ["Clarify limits", "Pick an algorithm"]},
  {"question": "What does the team's on-call rotation look like?", "kind": "ask-the-interviewer"},
  {"question": "How would you roll out a schema change to a busy PostgreSQL table without downtime", "kind": "technical"},
  {"question": "   ", "kind": "technical"},
  {"question": "A deploy doubles error rates at 2am. What do you do first?", "kind": "scenario"},
  {"question": "Explain Kubernetes liveness and readiness probes.", "kind": "quantum"}
]`

func TestParseQuestionsJSON(t *testing.T) {
	qs, err := ParseQuestions(modelJSON, questions.SRE, 10)
	if err != nil {
		t.Fatal(err)
	}
	wantKinds := []questions.Kind{questions.Technical, questions.Behavioral, questions.SystemDesign, questions.Situational, questions.Technical}
	if len(qs) != len(wantKinds) {
		t.Fatalf("got %d questions, want %d (duplicate, blank and ask-the-interviewer dropped)", len(qs), len(wantKinds))
	}
	for i, q := range qs {
		if q.Kind != wantKinds[i] {
			t.Errorf("%d: kind %s, want %s", i, q.Kind, wantKinds[i])
		}
		if !strings.HasPrefix(q.ID, "gen-") || len(q.ID) != 12 || q.Category != "generated" || q.Source.File != "generated" ||
			len(q.Roles) != 1 || q.Roles[0] != questions.SRE || q.Outline == "" || len(q.KeyPoints) == 0 {
			t.Errorf("%d: incomplete question %+v", i, q)
		}
		for _, kp := range q.KeyPoints {
			if len(kp.Terms) == 0 {
				t.Errorf("%d: key point %q has no terms", i, kp.Point)
			}
		}
	}
	first := qs[0]
	if first.Difficulty != 3 || first.Time != 2*time.Minute || strings.Join(first.KeyPoints[0].Terms, "|") != "expand|backfill" {
		t.Errorf("first: difficulty %d time %s terms %q", first.Difficulty, first.Time, first.KeyPoints[0].Terms)
	}
	if got := strings.Join(first.KeyPoints[1].Terms, "|"); got != "lock-free|index|builds" {
		t.Errorf("terms from the point's own words: %q", got)
	}
	if qs[1].Difficulty != 2 || qs[2].Difficulty != 2 || qs[2].Time != 10*time.Minute {
		t.Errorf("difficulty %d %d, design time %s", qs[1].Difficulty, qs[2].Difficulty, qs[2].Time)
	}
	if qs[2].Outline != "1. Clarify limits\n2. Pick an algorithm" || qs[1].Outline != "1. Blameless postmortem with follow-up actions" {
		t.Errorf("outlines %q, %q", qs[2].Outline, qs[1].Outline)
	}
	again, _ := ParseQuestions(modelJSON, questions.Backend, 10)
	if again[0].ID != first.ID {
		t.Error("IDs are not stable")
	}
	if few, _ := ParseQuestions(modelJSON, questions.SRE, 2); len(few) != 2 {
		t.Errorf("n=2 gave %d", len(few))
	}
}

func TestParseQuestionsWrappers(t *testing.T) {
	one := `[{"question": "How do you size a connection pool?", "kind": "technical"}]`
	for name, text := range map[string]string{
		"fenced":       "```json\n" + one + "\n```",
		"bare fence":   "```\n" + one + "\n```",
		"chatter":      "Here are your questions [as requested]:\n\n" + one + "\n\nLet me know if you want more [or fewer].",
		"object":       `{"questions": ` + one + `}`,
		"strings":      `["How do you size a connection pool?"]`,
		"thinking":     "<think>Maybe [1, 2] questions?</think>" + one,
		"list":         "Sure, here you go:\n1. **How do you size a connection pool?**\n2. Why?\nThanks.",
		"broken JSON":  "[{\"question\": \"How do you size a connection pool?\",\n \"kind\": \"technical\",\n \"key_points\": [",
		"bullets":      "- How do you size a connection pool?\n- That is all.",
		"terms inside": `[{"question": "How do you size a connection pool?", "key_points": "not a list"}]`,
	} {
		qs, err := ParseQuestions(text, questions.Backend, 5)
		if err != nil || len(qs) == 0 || qs[0].Text != "How do you size a connection pool?" {
			t.Errorf("%s: %v %+v", name, err, qs)
			continue
		}
		if len(qs[0].KeyPoints) == 0 || len(qs[0].KeyPoints[0].Terms) == 0 {
			t.Errorf("%s: no key point to judge an answer by", name)
		}
	}
}

func TestParseQuestionsNothingUsable(t *testing.T) {
	for _, text := range []string{"", "I cannot help with that.", "[1, 2, 3]", `[{"kind": "technical"}]`,
		`[{"question": "Any questions for us?", "kind": "ask the interviewer"}]`, "Great posting. What a role!\nWhy not?"} {
		qs, err := ParseQuestions(text, questions.Backend, 5)
		if !errors.Is(err, ErrNoQuestions) || qs != nil {
			t.Errorf("%q: got %v, %v", text, qs, err)
		}
	}
	if ErrNoQuestions.Error() != "the model's reply had no questions in it" {
		t.Error("the user-facing sentence changed")
	}
}

// A generated question must be judged like a bank question: a good answer
// covers its fallback key point instead of scoring 0 on key points.
func TestFallbackQuestionIsAnalysable(t *testing.T) {
	qs, err := ParseQuestions("1. How do you size a database connection pool?", questions.Backend, 1)
	if err != nil {
		t.Fatal(err)
	}
	r := feedback.NewAnalyzer(nil).Analyze(qs[0], "I size the connection pool from the database's max connections divided by instances.")
	if len(r.KeyPoints) != 1 || !r.KeyPoints[0].Covered {
		t.Errorf("fallback key point %+v not covered: %+v", qs[0].KeyPoints, r.KeyPoints)
	}
}

// The reply text was clean, but JSON's \u001b escapes only become control
// bytes when it is decoded: every field of every question is cleaned after.
func TestParseQuestionsCleansDecodedEscapes(t *testing.T) {
	h := textsafetest.JSONEscaped
	reply := `[{"question": "Why ` + h + `?", "kind": "technical", "difficulty": 2,
	  "key_points": [{"point": "` + h + `", "terms": ["` + h + `", "ledger"]}, "` + h + `"],
	  "outline": ["` + h + `", "second"]}]`
	qs, err := ParseQuestions(reply, questions.Backend, 5)
	if err != nil {
		t.Fatal(err)
	}
	all := textsafetest.Strings(qs)
	if found := textsafetest.Found([]byte(all), false); found != nil {
		t.Fatalf("decoded questions still hold %v:\n%q", found, all)
	}
	if !strings.Contains(qs[0].Text, textsafetest.Marker) || !strings.Contains(qs[0].KeyPoints[0].Point, textsafetest.Marker) {
		t.Fatalf("visible words lost: %+v", qs[0])
	}
}
