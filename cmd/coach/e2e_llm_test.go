package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coach-tui/coach/cmd/coach/internal/termtest"
	"github.com/coach-tui/coach/coach/llm/llmtest"
	"github.com/coach-tui/coach/coach/store"
)

const e2eModel = "e2e-model"

// e2eLLM plays the model for the built binary: the first critique is
// rate-limited, the second sends one piece and the rest only once the test
// has seen it being written, the third hangs after one piece until the
// client goes away; the follow-up prompt gets a follow-up built on the
// answer.
type e2eLLM struct {
	critiques atomic.Int32
	hungUp    chan struct{}
	seen      *llmtest.Gate // the test saw the second critique being written
}

func (f *e2eLLM) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	if bytes.Contains(body, []byte("Ask exactly ONE follow-up")) {
		llmtest.WriteStream(w, e2eModel, "How would you notice that a backend ", "had become unhealthy?")
		return
	}
	switch f.critiques.Add(1) {
	case 1:
		w.Header().Set("Retry-After", "2")
		llmtest.WriteError(w, http.StatusTooManyRequests, "requests", "rate_limit_exceeded", "Rate limit reached")
	case 2:
		llmtest.StartStream(w, e2eModel)
		llmtest.Chunk(w, e2eModel, "## Verdict\n\nA fair start: you named ")
		if !f.seen.Wait(r) {
			return
		}
		for _, p := range []string{"health checks ", "but not **TLS**.\n\n",
			"SCORES\ncorrectness: 4\ndepth: 2\ntrade-offs: 1\nclarity: 4\n"} {
			llmtest.Chunk(w, e2eModel, p)
		}
		llmtest.Finish(w, e2eModel)
	default:
		llmtest.StartStream(w, e2eModel)
		llmtest.Chunk(w, e2eModel, "Your second answer is thinner ")
		<-r.Context().Done()
		close(f.hungUp)
	}
}

func TestE2ELLMStreamsRetriesAndCancels(t *testing.T) {
	fake := &e2eLLM{hungUp: make(chan struct{}), seen: llmtest.NewGate()}
	// The server hangs up on a handler still held when the test ends.
	srv := llmtest.NewServer(t, fake.ServeHTTP, fake.ServeHTTP)
	env, data := isolated(t)
	env = append(env, "COACH_LLM_ENABLED=1", "COACH_LLM_BASE_URL="+srv.URL+"/v1", "COACH_LLM_MODEL="+e2eModel, "OPENAI_API_KEY=")
	s := shortDrill()
	s.Allowance, s.FollowUps = 10, true
	rememberSetup(t, data, s)
	tm := startWithBank(t, env)

	tm.WaitFor("questions · LLM "+e2eModel+" at "+srv.URL, waitLong)
	tm.Type("p")
	tm.WaitFor("1 question matches", waitLong)
	tm.Type(termtest.Enter)
	tm.WaitFor("what does a load balancer do?", waitLong)
	tm.Type("It distributes requests across servers and drops unhealthy ones after a health check.")
	tm.WaitFor("13 words", waitLong)
	tm.Type("\x13")

	// Asked once, naming the endpoint; then a 429 is retried on a countdown.
	tm.WaitFor("Send this answer to "+e2eModel, waitLong)
	tm.Type("y")
	tm.WaitFor("rate-limiting requests (HTTP 429)", waitLong)
	tm.WaitFor("(retry 1 of 2)", waitLong)
	tm.WaitFor("is writing", waitLong)
	fake.seen.Open()
	tm.Type("c")
	tm.WaitFor("health checks", waitLong)
	tm.WaitFor("The model's scores: correctness 4/5", waitLong)

	// The model's follow-up, built on the answer.
	tm.Type(termtest.Enter)
	tm.WaitFor("How would you notice that a backend had become unhealthy?", waitLong)
	tm.WaitFor("asked by "+e2eModel, waitLong)
	tm.Type("Failed health checks and a rising error rate.")
	tm.Type("\x13")

	// The second critique hangs; esc cancels it and the server sees the
	// connection close, and the screen stays on the feedback.
	tm.WaitFor("is writing", waitLong)
	tm.Type(termtest.Esc)
	tm.WaitFor("Cancelled.", waitLong)
	select {
	case <-fake.hungUp:
	case <-time.After(waitLong):
		t.Fatal("the server never saw the cancelled request end")
	}
	tm.Type("c")
	tm.WaitFor("Your second answer is thinner", waitLong)
	tm.Type(termtest.Enter)
	tm.WaitFor("Session summary", waitLong)
	tm.Type("q")
	if code := tm.WaitExit(waitLong); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	assertRestored(t, tm)

	st, attempts := latestAttempts(t, data)
	defer st.Close()
	ctx := context.Background()
	if ok, _ := st.LLMConsent(ctx, store.Answers, srv.URL+"/v1"); !ok {
		t.Fatal("the yes was not remembered")
	}
	first, ok, err := st.LLMFeedbackFor(ctx, attempts[0].ID)
	if err != nil || !ok || !first.Complete || !strings.Contains(first.Text, "health checks") {
		t.Fatalf("first critique: %+v, %v, %v", first, ok, err)
	}
	second, ok, _ := st.LLMFeedbackFor(ctx, attempts[1].ID)
	if !ok || second.Complete || second.Text != "Your second answer is thinner " {
		t.Fatalf("cancelled critique: %+v", second)
	}
	if attempts[1].QuestionText != "How would you notice that a backend had become unhealthy?" {
		t.Fatalf("follow-up stored as %q", attempts[1].QuestionText)
	}
	if n := fake.critiques.Load(); n != 3 {
		t.Fatalf("%d critique requests, want 3 (one rate-limited)", n)
	}
}
