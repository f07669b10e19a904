package posting

import (
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/llmtest"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/stream"
)

const llmModel = "posting-test-model"

// withModel is a screen whose model is served by questions: the request
// for questions streams its reply. The server records what was sent.
func withModel(t *testing.T, consent common.Consent, questions http.HandlerFunc, edit ...func(*config.LLM)) (*env, *llmtest.Server) {
	t.Helper()
	srv := llmtest.NewServer(t, questions, nil)
	lc := config.Default().LLM
	lc.Enabled, lc.BaseURL, lc.Model, lc.MaxRetries = true, srv.BaseURL(), llmModel, 0
	for _, e := range edit {
		e(&lc)
	}
	c, err := llm.New(lc, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	return newEnv(t, common.LLM{Client: c, Documents: consent}), srv
}

func calls(srv *llmtest.Server) int { return srv.Streamed() + srv.Completed() }

const reply = `[{"question": "How would you keep a Kafka consumer idempotent when shipment events arrive twice?", "kind": "technical", "difficulty": 2,
  "key_points": [{"point": "dedupe by event id", "terms": ["event id", "dedupe"]}], "outline": "Store processed ids."},
 {"question": "Tell me about an on-call incident you handled with a runbook.", "kind": "behavioral", "difficulty": 2,
  "key_points": [{"point": "calm triage", "terms": ["triage", "runbook"]}], "outline": "STAR."}]`

func TestModelQuestionsComeAfterTheBanks(t *testing.T) {
	// The reply is held until the spinner line was seen.
	seenSpinner := llmtest.NewGate()
	e, srv := withModel(t, common.ConsentUnknown, func(w http.ResponseWriter, r *http.Request) {
		if seenSpinner.Wait(r) {
			llmtest.WriteStream(w, llmModel, reply[:len(reply)/2], reply[len(reply)/2:])
		}
	})
	text := readPosting(t, "backend-go.txt")
	paste(e.m, text)

	// The consent question comes first, and nothing is sent before it.
	d := await(t, e.m, press(e.m, "ctrl+s"), until(func() bool { return e.m.phase == phaseAsking }), nil)
	v := flatView(e.m)
	if len(d.pushed) != 0 || calls(srv) != 0 || e.m.TakingText() ||
		!strings.Contains(v, "Send the posting to "+llmModel+" at http://127.0.0.1") ||
		!strings.Contains(v, "The posting's text is sent; nothing else.") || !strings.Contains(v, "n: not now") {
		t.Fatalf("no consent question first (%d requests):\n%s", calls(srv), plainView(e.m))
	}

	var spinning bool
	d = await(t, e.m, press(e.m, "y"), pushedOne, func() {
		if e.m.phase == phaseWriting &&
			strings.Contains(flatView(e.m), "Writing questions from the posting with "+llmModel+"… esc: practise the bank's questions only") {
			spinning = true
			seenSpinner.Open()
		}
	})
	if !spinning {
		t.Error("no spinner line while the model wrote")
	}
	if !slices.Equal(d.consents, []bool{true}) || e.m.App.LLM.Documents != common.ConsentGiven {
		t.Fatalf("consent sent %v, held %v", d.consents, e.m.App.LLM.Documents)
	}
	sent := srv.Sent()
	if srv.Streamed() != 1 || !strings.Contains(sent, "Harbour Freight Labs connects shippers") || !strings.Contains(sent, "backend") {
		t.Fatalf("%d requests; the request lacks the posting or the role: %s", srv.Streamed(), sent)
	}

	_, bank := bankFor(t, e, text)
	got := e.planned(t, d.pushed[0])
	if len(got.Plan) != len(bank)+2 || !slices.Equal(got.Plan[:len(bank)], bank) {
		t.Fatalf("plan %v: want the bank's %v then 2 from the model", got.Plan, bank)
	}
	for _, id := range got.Plan[len(bank):] {
		if !strings.HasPrefix(id, "gen-") {
			t.Fatalf("plan %v does not end with the model's questions", got.Plan)
		}
	}
	if got.Count != len(got.Plan) {
		t.Errorf("count %d for %d questions", got.Count, len(got.Plan))
	}
}

func TestNoSendsNothing(t *testing.T) {
	e, srv := withModel(t, common.ConsentUnknown, func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteStream(w, llmModel, reply)
	})
	text := readPosting(t, "backend-go.txt")
	paste(e.m, text)
	await(t, e.m, press(e.m, "ctrl+s"), until(func() bool { return e.m.phase == phaseAsking }), nil)

	// esc puts the question away: nothing decided, nothing sent.
	if cmd, ok := e.m.Cancel(); !ok || cmd != nil || e.m.phase != phaseEditing || e.m.App.LLM.Documents != common.ConsentUnknown {
		t.Fatalf("esc on the question: phase %v, consent %v", e.m.phase, e.m.App.LLM.Documents)
	}
	await(t, e.m, press(e.m, "ctrl+s"), until(func() bool { return e.m.phase == phaseAsking }), nil)
	d := await(t, e.m, press(e.m, "n"), func(d *driven) bool { return len(d.pushed) > 0 && len(d.consents) > 0 }, nil)
	if !slices.Equal(d.consents, []bool{false}) || e.m.App.LLM.Documents != common.ConsentDeclined {
		t.Fatalf("consent sent %v, held %v", d.consents, e.m.App.LLM.Documents)
	}
	_, bank := bankFor(t, e, text)
	if got := e.planned(t, d.pushed[0]); !slices.Equal(got.Plan, bank) {
		t.Fatalf("plan %v, want the bank's %v alone", got.Plan, bank)
	}
	// Declined for the run: the next ctrl+s goes straight to the bank's.
	d = await(t, e.m, press(e.m, "ctrl+s"), pushedOne, nil)
	if len(d.consents) != 0 || e.m.phase != phaseEditing {
		t.Fatalf("asked again after no: %v", d.consents)
	}
	// No request was started, so none can be on its way.
	if e.m.writer.State() != stream.Idle {
		t.Fatalf("the model's reply is %v after the user declined", e.m.writer.State())
	}
	if n := calls(srv); n != 0 {
		t.Fatalf("%d requests after the user declined", n)
	}
}

func TestModelErrorWaitsForEnter(t *testing.T) {
	e, srv := withModel(t, common.ConsentGiven, func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteError(w, http.StatusUnauthorized, "invalid_request_error", "invalid_api_key", "Incorrect API key provided")
	})
	text := readPosting(t, "backend-go.txt")
	paste(e.m, text)
	d := await(t, e.m, press(e.m, "ctrl+s"), until(func() bool { return e.m.phase == phaseReady }), nil)
	if len(d.pushed) != 0 || srv.Streamed() != 1 {
		t.Fatalf("pushed %d after a failure; %d requests", len(d.pushed), srv.Streamed())
	}
	v := flatView(e.m)
	if !strings.Contains(v, "No questions from the model: the API key is missing or wrong (HTTP 401). enter practises the 6 questions from the bank.") ||
		!strings.Contains(v, "Found: Go,") {
		t.Fatalf("no notice:\n%s", plainView(e.m))
	}
	if e.m.TakingText() || e.m.text.Value() != text {
		t.Fatal("after the failure enter is not the posting's, or the text is gone")
	}
	for _, size := range [][2]int{{40, 12}, {40, 11}} {
		e.m.SetSize(size[0], size[1])
		fits(t, e.m.View(), size[0], size[1])
		if !strings.Contains(flatView(e.m), "from the bank.") {
			t.Fatalf("the notice is cut at %v:\n%s", size, plainView(e.m))
		}
	}
	e.m.SetSize(80, 23)

	d = await(t, e.m, press(e.m, "enter"), pushedOne, nil)
	_, bank := bankFor(t, e, text)
	if got := e.planned(t, d.pushed[0]); !slices.Equal(got.Plan, bank) {
		t.Fatalf("plan %v, want the bank's %v", got.Plan, bank)
	}
	if srv.Streamed() != 1 {
		t.Fatal("enter asked the model again")
	}
	if e.m.phase != phaseEditing || e.m.text.Value() != text {
		t.Fatal("the posting is not back for editing")
	}
}

func TestUnusableReplyAndEscBackToEditing(t *testing.T) {
	e, _ := withModel(t, common.ConsentGiven, func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteStream(w, llmModel, "Sure! Practising is a great idea. ", "Good luck with the interview.")
	})
	text := readPosting(t, "backend-go.txt")
	paste(e.m, text)
	await(t, e.m, press(e.m, "ctrl+s"), until(func() bool { return e.m.phase == phaseReady }), nil)
	if !strings.Contains(flatView(e.m), "No questions from the model: the model's reply had no questions in it.") {
		t.Fatalf("no notice:\n%s", plainView(e.m))
	}
	// esc (the root asks Cancel, then BackLevel) goes back to the posting.
	if _, ok := e.m.Cancel(); ok {
		t.Fatal("nothing is running to cancel")
	}
	if !e.m.BackLevel() || e.m.phase != phaseEditing || !e.m.TakingText() || e.m.text.Value() != text || e.m.notice != "" {
		t.Fatalf("esc after the failure: phase %v\n%s", e.m.phase, plainView(e.m))
	}
}

func TestEscWhileWritingPractisesTheBanks(t *testing.T) {
	gone := make(chan struct{})
	e, srv := withModel(t, common.ConsentGiven, func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		close(gone)
	})
	text := readPosting(t, "backend-go.txt")
	paste(e.m, text)
	await(t, e.m, press(e.m, "ctrl+s"), until(func() bool { return srv.Streamed() == 1 }), nil)
	if e.m.phase != phaseWriting || e.m.TakingText() {
		t.Fatalf("phase %v while the model writes", e.m.phase)
	}
	for _, size := range [][2]int{{40, 12}, {40, 11}} {
		e.m.SetSize(size[0], size[1])
		fits(t, e.m.View(), size[0], size[1])
		if !strings.Contains(flatView(e.m), "esc: practise the bank's questions only") {
			t.Fatalf("the spinner line is cut at %v:\n%s", size, plainView(e.m))
		}
	}
	cmd, ok := e.m.Cancel()
	if !ok || cmd == nil {
		t.Fatal("esc does not stop the model")
	}
	select {
	case <-gone:
	case <-time.After(10 * time.Second):
		t.Fatal("the server never saw the request end")
	}
	d := await(t, e.m, cmd, pushedOne, nil)
	_, bank := bankFor(t, e, text)
	if got := e.planned(t, d.pushed[0]); !slices.Equal(got.Plan, bank) {
		t.Fatalf("plan %v, want the bank's %v", got.Plan, bank)
	}
}

func TestRateLimitedWritingCountsDown(t *testing.T) {
	var tries atomic.Int32
	e, srv := withModel(t, common.ConsentGiven, func(w http.ResponseWriter, r *http.Request) {
		if tries.Add(1) == 1 {
			w.Header().Set("Retry-After-Ms", "1100")
			llmtest.WriteError(w, http.StatusTooManyRequests, "requests", "rate_limit_exceeded", "slow down")
			return
		}
		llmtest.WriteStream(w, llmModel, reply)
	}, func(l *config.LLM) { l.MaxRetries = 1 })
	text := readPosting(t, "backend-go.txt")
	paste(e.m, text)
	var countdown string
	d := await(t, e.m, press(e.m, "ctrl+s"), pushedOne, func() {
		if v := flatView(e.m); e.m.phase == phaseWriting && strings.Contains(v, "trying again in") {
			countdown = v
			fits(t, e.m.View(), 80, 23)
		}
	})
	if !strings.Contains(countdown, "Writing questions from the posting with "+llmModel+"… esc: practise the bank's questions only") ||
		!strings.Contains(countdown, "(retry 1 of 1) · esc cancels") {
		t.Fatalf("no countdown while the request was rate-limited:\n%s", countdown)
	}
	if srv.Streamed() != 2 {
		t.Fatalf("%d requests, want the first and its retry", srv.Streamed())
	}
	_, bank := bankFor(t, e, text)
	got := e.planned(t, d.pushed[0])
	if len(got.Plan) != len(bank)+2 || !slices.Equal(got.Plan[:len(bank)], bank) {
		t.Fatalf("plan %v: want the bank's %v then 2 from the model", got.Plan, bank)
	}
	for _, id := range got.Plan[len(bank):] {
		if !strings.HasPrefix(id, "gen-") {
			t.Fatalf("plan %v does not end with the model's questions", got.Plan)
		}
	}
}

func TestConsentQuestionFitsTheSmallestWindow(t *testing.T) {
	e, _ := withModel(t, common.ConsentUnknown, nil)
	paste(e.m, readPosting(t, "senior-backend.md"))
	await(t, e.m, press(e.m, "ctrl+s"), until(func() bool { return e.m.phase == phaseAsking }), nil)
	for _, size := range [][2]int{{80, 23}, {40, 12}, {40, 11}} {
		e.m.SetSize(size[0], size[1])
		fits(t, e.m.View(), size[0], size[1])
		if v := flatView(e.m); !strings.Contains(v, "y: send") || !strings.Contains(v, "n: not now") {
			t.Fatalf("the question's keys are cut at %v:\n%s", size, plainView(e.m))
		}
	}
}

// With the model on and a posting coach has no questions for, the model's
// questions alone are practised; when it fails there is nothing, said so.
func TestNoKnownSkillsWithTheModel(t *testing.T) {
	e, _ := withModel(t, common.ConsentGiven, func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteError(w, http.StatusUnauthorized, "invalid_request_error", "invalid_api_key", "Incorrect API key provided")
	})
	paste(e.m, noSkillPosting)
	var stopHelp bool
	d := await(t, e.m, press(e.m, "ctrl+s"), until(func() bool { return e.m.phase == phaseEditing }), func() {
		if e.m.phase == phaseWriting {
			stopHelp = strings.Contains(flatView(e.m), "esc: stop")
		}
	})
	if !stopHelp {
		t.Error("with no bank questions esc only stops")
	}
	v := flatView(e.m)
	if len(d.pushed) != 0 || !strings.Contains(v, "No questions from the model: the API key is missing or wrong (HTTP 401).") ||
		!strings.Contains(v, "The posting names none of the skills coach has questions for") || e.m.text.Value() != noSkillPosting {
		t.Fatalf("pushed %d\n%s", len(d.pushed), plainView(e.m))
	}
}

// A figure the model wrote into a question that the posting does not
// hold is marked, once: the model's own warning signs are dropped first.
func TestInventedFiguresInTheModelsQuestionsAreMarked(t *testing.T) {
	const invented = `[{"question": "How would you reconcile 37 payment ledgers ⚠ every 5 minutes ⚠?", "kind": "technical", "difficulty": 2,
	  "key_points": [{"point": "reconcile in batches", "terms": ["batch"]}], "outline": "Batch it."}]`
	e, _ := withModel(t, common.ConsentGiven, func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteStream(w, llmModel, invented)
	})
	paste(e.m, readPosting(t, "backend-go.txt"))
	d := await(t, e.m, press(e.m, "ctrl+s"), pushedOne, nil)
	got := e.planned(t, d.pushed[0])
	var text string
	for _, q := range got.Extra {
		if strings.Contains(q.Text, "ledgers") {
			text = q.Text
		}
	}
	if text != "How would you reconcile 37 ⚠ payment ledgers every 5 minutes ⚠?" {
		t.Fatalf("question %q (plan %v)", text, got.Plan)
	}
}
