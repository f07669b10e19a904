package store

import (
	"context"
	"encoding/json"
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

func TestLLMConsentIsPerEndpoint(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if ok, err := s.LLMConsent(ctx, "https://api.openai.com/v1"); ok || err != nil {
		t.Fatalf("consent before asking: %v, %v", ok, err)
	}
	if err := s.SetLLMConsent(ctx, "https://api.openai.com/v1"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.LLMConsent(ctx, "https://api.openai.com/v1"); !ok {
		t.Fatal("consent not remembered")
	}
	if ok, _ := s.LLMConsent(ctx, "http://localhost:11434/v1"); ok {
		t.Fatal("consent for one endpoint must not cover another")
	}
	s.SetSetting(ctx, "llm.consent.unrelated", "keep")
	got, err := s.ForgetLLMConsent(ctx)
	if err != nil || len(got) != 1 || got[0] != "https://api.openai.com/v1" {
		t.Fatalf("forgot %v, %v", got, err)
	}
	if ok, _ := s.LLMConsent(ctx, "https://api.openai.com/v1"); ok {
		t.Fatal("still consented after forgetting")
	}
	if _, ok, _ := s.Setting(ctx, "llm.consent.unrelated"); !ok {
		t.Fatal("forgetting removed another setting")
	}
}
