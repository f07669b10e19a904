package store

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestLLMFeedbackRoundTripAndCascade(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	sid, err := s.CreateSession(ctx, "practice", "backend", `{}`, at)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.AddAttempt(ctx, Attempt{SessionID: sid, QuestionID: "q1", QuestionText: "Why?", Kind: "technical",
		Category: "databases", Answer: "Because.", StartedAt: at, SubmittedAt: at, TimerMode: "soft"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.LLMFeedbackFor(ctx, id); ok || err != nil {
		t.Fatalf("no critique yet: ok %v, err %v", ok, err)
	}
	f := LLMFeedback{AttemptID: id, Endpoint: "http://localhost:11434/v1", Model: "llama3.1", Prompt: "feedback.v1",
		Text: "Half a crit", Complete: false, CreatedAt: at}
	if err := s.SaveLLMFeedback(ctx, f); err != nil {
		t.Fatal(err)
	}
	f.Text, f.Complete, f.Scores = "The whole critique", true, json.RawMessage(`[{"Name":"depth","Value":3}]`)
	if err := s.SaveLLMFeedback(ctx, f); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.LLMFeedbackFor(ctx, id)
	if err != nil || !ok || got.Text != "The whole critique" || !got.Complete || string(got.Scores) != string(f.Scores) || !got.CreatedAt.Equal(at) {
		t.Fatalf("critique = %+v, %v, %v", got, ok, err)
	}
	list, err := s.Attempts(ctx, sid)
	if err != nil || len(list) != 1 || list[0].Critique == nil || list[0].Critique.Text != "The whole critique" {
		t.Fatalf("attempts carry their critique: %+v, %v", list, err)
	}
	if a, err := s.Attempt(ctx, id); err != nil || a.Critique == nil || !a.Critique.Complete {
		t.Fatalf("attempt carries its critique: %+v, %v", a, err)
	}
	if err := s.DeleteAttempt(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.LLMFeedbackFor(ctx, id); ok {
		t.Fatal("the critique outlived its attempt")
	}
}

func TestLLMConsentIsPerKindAndEndpoint(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	const openai, local = "https://api.openai.com/v1", "http://localhost:11434/v1"
	if ok, err := s.LLMConsent(ctx, Answers, openai); ok || err != nil {
		t.Fatalf("consent before asking: %v, %v", ok, err)
	}
	if err := s.SetLLMConsent(ctx, Answers, openai); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.LLMConsent(ctx, Answers, openai); !ok {
		t.Fatal("consent not remembered")
	}
	if ok, _ := s.LLMConsent(ctx, Documents, openai); ok {
		t.Fatal("a yes to answers must not send the resume and posting")
	}
	if ok, _ := s.LLMConsent(ctx, Answers, local); ok {
		t.Fatal("consent for one endpoint must not cover another")
	}
	s.SetLLMConsent(ctx, Documents, local)
	if ok, _ := s.LLMConsent(ctx, Answers, local); ok {
		t.Fatal("a yes to the resume and posting must not send answers")
	}
	// The single yes an older version kept is not read (it did not say
	// what was agreed to), but forgetting takes it back too.
	s.SetSetting(ctx, "llm.consent http://old.example/v1", "yes")
	if ok, _ := s.LLMConsent(ctx, Answers, "http://old.example/v1"); ok {
		t.Fatal("the old yes counts as consent to answers")
	}
	s.SetSetting(ctx, "llm.consent.unrelated", "keep")
	got, err := s.ForgetLLMConsent(ctx)
	if err != nil || strings.Join(got, " ") != "http://localhost:11434/v1 http://old.example/v1 https://api.openai.com/v1" {
		t.Fatalf("forgot %v, %v", got, err)
	}
	for _, d := range []Data{Answers, Documents} {
		for _, e := range []string{openai, local} {
			if ok, _ := s.LLMConsent(ctx, d, e); ok {
				t.Fatalf("still consented to %s at %s after forgetting", d, e)
			}
		}
	}
	if _, ok, _ := s.Setting(ctx, "llm.consent http://old.example/v1"); ok {
		t.Fatal("the old yes survived forgetting")
	}
	if _, ok, _ := s.Setting(ctx, "llm.consent.unrelated"); !ok {
		t.Fatal("forgetting removed another setting")
	}
}
