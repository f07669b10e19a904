package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

func TestSearchSessionsByQuestionOrAnswer(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	a, _ := st.CreateSession(ctx, "practice", "backend", "{}", at)
	b, _ := st.CreateSession(ctx, "practice", "backend", "{}", at.Add(time.Hour))
	st.AddAttempt(ctx, Attempt{SessionID: a, QuestionID: "q", QuestionText: "Explain database INDEXES", Answer: "A B-tree.", Report: "{}"})
	st.AddAttempt(ctx, Attempt{SessionID: b, QuestionID: "r", QuestionText: "A conflict", Answer: "We used Kafka %_ partitions.", Report: "{}"})
	for words, want := range map[string][]int64{"indexes": {a}, "kafka": {b}, "%_": {b}, "a": {b, a}, "zebra": nil} {
		got, err := st.SearchSessions(ctx, words)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("%q: %d sessions, want %d", words, len(got), len(want))
			continue
		}
		for i := range want {
			if got[i].ID != want[i] || got[i].Attempts != 1 {
				t.Errorf("%q: session %d (%d answers), want %d", words, got[i].ID, got[i].Attempts, want[i])
			}
		}
	}
}
