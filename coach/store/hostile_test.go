package store

import (
	"context"
	"testing"
	"time"

	"github.com/coach-tui/coach/questions/textsafe/textsafetest"
)

// Rows an older version wrote, or that another program put in the file,
// may hold raw escape sequences: every read cleans them.
func TestRowsAreCleanedWhenRead(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	h := textsafetest.Raw
	at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	sid, err := s.CreateSession(ctx, "practice", "backend", `{"note":"`+h+`"}`, at)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.AddAttempt(ctx, Attempt{SessionID: sid, QuestionID: "q1", QuestionText: h, Kind: "technical",
		Category: h, Answer: h, StartedAt: at, SubmittedAt: at, TimerMode: "soft", Report: `{"summary":"` + h + `"}`})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveLLMFeedback(ctx, LLMFeedback{AttemptID: id, Endpoint: h, Model: h, Prompt: "feedback.v1", Text: h, CreatedAt: at}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft(ctx, Draft{SessionID: sid, QuestionID: "q2", QuestionText: h, Answer: h, TimerMode: "soft", SavedAt: at}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "role", h); err != nil {
		t.Fatal(err)
	}

	check := func(what string, v any) {
		t.Helper()
		all := textsafetest.Strings(v)
		if found := textsafetest.Found([]byte(all), false); found != nil {
			t.Errorf("%s holds %v", what, found)
		}
	}
	sessions, err := s.Sessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	check("sessions", sessions)
	attempts, err := s.Attempts(ctx, sid)
	if err != nil || len(attempts) != 1 || attempts[0].Critique == nil {
		t.Fatalf("attempts %+v, %v", attempts, err)
	}
	check("attempts with critiques", attempts)
	a, err := s.Attempt(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	check("attempt", a)
	since, err := s.AttemptsSince(ctx, at.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	check("attempts since", since)
	d, err := s.Drafts(ctx)
	if err != nil || len(d) != 1 {
		t.Fatal(d, err)
	}
	check("draft", d)
	v, _, err := s.Setting(ctx, "role")
	if err != nil {
		t.Fatal(err)
	}
	check("setting", v)
}
