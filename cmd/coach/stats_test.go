package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/coach-tui/coach/coach/store"
)

func TestStatsCommand(t *testing.T) {
	cliEnv(t)
	st, err := store.Open(context.Background(), os.Getenv("COACH_DATA_DIR"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	now := time.Now()
	sid, _ := st.CreateSession(ctx, "practice", "sre", "{}", now)
	st.AddAttempt(ctx, store.Attempt{SessionID: sid, QuestionID: "obs-burn-rate-alerts", QuestionText: "q", Kind: "technical",
		Category: "observability", Answer: "a", StartedAt: now, SubmittedAt: now, Used: 2 * time.Minute, TimerMode: "strict", Overall: 64, Report: "{}"})
	st.Close()

	code, out, _ := runCLI(t, "stats")
	if code != 0 || !strings.Contains(out, "1 answer,") || !strings.Contains(out, "technical") || !strings.Contains(out, "sre") {
		t.Fatalf("stats: %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "stats", "--json")
	var doc struct {
		Answers   int `json:"answers"`
		Readiness []struct {
			Role  string `json:"role"`
			Score int    `json:"score"`
		} `json:"readiness"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 0 || doc.Answers != 1 || len(doc.Readiness) != 7 {
		t.Fatalf("json: %v\n%s", err, out)
	}
}
