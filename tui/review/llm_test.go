package review

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/llmtest"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/loop"
	"github.com/coach-tui/coach/tui/session"
	"github.com/coach-tui/coach/tui/stream"
)

const llmModel = "review-test-model"

// fakeLLM is the model's behaviour in a test: the tailoring and the
// practice questions, both streamed. srv records what was sent.
type fakeLLM struct {
	tailor    func(w http.ResponseWriter, r *http.Request)
	questions func(w http.ResponseWriter, r *http.Request)
	srv       *llmtest.Server
}

func (f *fakeLLM) sent() string { return f.srv.Sent() }

func (f *fakeLLM) calls() int { return f.srv.Streamed() + f.srv.Completed() }

// reviewWithLLM opens the screen with a model served by f and reviews the
// Go backend resume against the Go backend posting.
func reviewWithLLM(t *testing.T, f *fakeLLM, consent common.Consent, edit ...func(*config.LLM)) (*Model, *store.Store) {
	t.Helper()
	// Both are streamed; the questions' prompt is told apart by its words.
	f.srv = llmtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		h := f.tailor
		if bytes.Contains(body, []byte("Reply with a JSON array")) {
			h = f.questions
		}
		if h == nil {
			llmtest.WriteError(w, http.StatusInternalServerError, "server_error", "", "no handler for this request in the test")
			return
		}
		h(w, r)
	}, nil)
	lc := config.Default().LLM
	lc.Enabled, lc.BaseURL, lc.Model, lc.MaxRetries = true, f.srv.BaseURL(), llmModel, 0
	for _, e := range edit {
		e(&lc)
	}
	c, err := llm.New(lc, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := New(common.Common{
		Styles: common.NewStyles(common.DefaultTheme()), Markdown: common.NewMarkdown(common.MarkdownDark, false),
		App: &common.App{Store: st, Bank: bank, LLM: common.LLM{Client: c, Documents: consent}},
	})
	m.SetSize(80, 23)
	run(m, m.Init())
	reviewFiles(t, m, filepath.Join(fixtures, "resumes/go-backend.md"), filepath.Join(fixtures, "postings/backend-go.txt"))
	return m, st
}

// driven is what the screen asked of the root while its commands ran.
type driven struct {
	pushed   []common.Screen
	consents []bool
}

// await runs the screen's commands for real until cond holds; seen, if
// set, looks at the screen after each message.
func await(t *testing.T, m *Model, cmd tea.Cmd, cond func(*driven) bool, seen func()) *driven {
	t.Helper()
	d := &driven{}
	err := loop.Run(func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case common.PushMsg:
			d.pushed = append(d.pushed, msg.Screen)
			return nil
		case common.ConsentMsg:
			d.consents = append(d.consents, msg.Given)
			return nil
		}
		_, next := m.Update(msg)
		if seen != nil {
			seen()
		}
		return next
	}, cmd, func() bool { return cond(d) }, 10*time.Second)
	if err != nil {
		t.Fatalf("%v; view:\n%s", err, ansi.Strip(m.View()))
	}
	return d
}

// until adapts a condition on the screen alone for await.
func until(f func() bool) func(*driven) bool { return func(*driven) bool { return f() } }

func press(m *Model, k string) tea.Cmd {
	var msg tea.KeyMsg
	switch k {
	case "esc":
		msg = tea.KeyMsg{Type: tea.KeyEsc}
	default:
		msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
	}
	_, cmd := m.Update(msg)
	return cmd
}

func plainView(m *Model) string { return ansi.Strip(m.View()) }

// flatView is the view's words on one line, so wrapped sentences match.
func flatView(m *Model) string { return strings.Join(strings.Fields(plainView(m)), " ") }

// fits checks a view stays inside w x h cells.
func fits(t *testing.T, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) > h {
		t.Errorf("%d lines in a %d-line window:\n%s", len(lines), h, v)
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Errorf("line wider than %d: %q", w, l)
		}
	}
}

func TestTailoringStreamsAndFlagsInventedFigures(t *testing.T) {
	// The reply starts once the spinner was seen and ends once its first
	// piece was seen on screen.
	waited, shown := llmtest.NewGate(), llmtest.NewGate()
	f := &fakeLLM{tailor: func(w http.ResponseWriter, r *http.Request) {
		if !waited.Wait(r) {
			return
		}
		llmtest.StartStream(w, llmModel)
		llmtest.Chunk(w, llmModel, "## Likely questions\n\n1. How did you get duplicate notifications under 0.1%?\n   Why: the Kafka bullet.\n\n")
		if !shown.Wait(r) {
			return
		}
		llmtest.Chunk(w, llmModel, "## Bullet rewrites\n\n- Original: Tuned the heaviest PostgreSQL queries.\n")
		llmtest.Chunk(w, llmModel, "  Rewrite: Tuned PostgreSQL queries, taking p95 latency from 900 ms to 120 ms and cutting costs by 37%.\n")
		llmtest.Finish(w, llmModel)
	}}
	m, _ := reviewWithLLM(t, f, common.ConsentGiven)
	var waiting, streaming bool
	// The figures are checked in a command once the reply has stopped.
	checked := func() bool { return m.tailor.Settled() && len(m.invented) > 0 }
	await(t, m, press(m, "t"), until(checked), func() {
		switch m.tailor.State() {
		case stream.Waiting:
			if strings.Contains(plainView(m), "Waiting for "+llmModel) {
				waiting = true
				waited.Open()
			}
		case stream.Streaming:
			// A piece is on screen as it arrives, before the reply ends.
			if strings.Contains(plainView(m), "duplicate notifications") {
				streaming = true
				shown.Open()
			}
		}
	})
	if !waiting || !streaming {
		t.Fatalf("spinner seen %v, text while streaming %v", waiting, streaming)
	}
	if m.level != levelTailor {
		t.Fatal("the tailoring is a level of its own")
	}
	v := flatView(m)
	for _, want := range []string{"Tailoring", "Your resume's text and the job posting go to " + llmModel + " at http://127.0.0.1",
		"Bullet rewrites", "1 figure is not in your resume: 37% — check it before you use a rewrite."} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	content := ansi.Strip(m.tailor.Content())
	if !strings.Contains(content, "37% ⚠") {
		t.Errorf("the invented figure is not marked:\n%s", content)
	}
	for _, known := range []string{"0.1% ⚠", "900 ms ⚠", "120 ms ⚠"} {
		if strings.Contains(content, known) {
			t.Errorf("%q is in the resume but was flagged:\n%s", known, content)
		}
	}
	if len(m.invented) != 1 || m.invented[0] != "37%" {
		t.Errorf("invented = %q", m.invented)
	}
	sent := f.sent()
	for _, want := range []string{"Tomas Lindqvist", "cutting duplicate notifications from 4% to under 0.1%", "Harbour Freight Labs connects shippers"} {
		if !strings.Contains(sent, want) {
			t.Errorf("the request lacks %q", want)
		}
	}

	// The window shrinks to the smallest size: everything still fits.
	m.SetSize(40, 12)
	await(t, m, func() tea.Msg { return tea.WindowSizeMsg{Width: 40, Height: 12} }, until(m.tailor.Settled), nil)
	fits(t, m.View(), 40, 12)
	if !strings.Contains(plainView(m), "37%") {
		t.Errorf("the warning is gone at 40x12:\n%s", plainView(m))
	}

	// esc goes back to the report; t shows the same tailoring again
	// without asking the model twice.
	if _, ok := m.Cancel(); ok {
		t.Fatal("nothing is running to cancel")
	}
	if !m.BackLevel() || m.level != levelReport || m.report == nil {
		t.Fatal("esc goes from the tailoring back to the report")
	}
	if cmd := press(m, "t"); cmd != nil || m.level != levelTailor || f.srv.Streamed() != 1 {
		t.Fatalf("t again: level %v, %d requests", m.level, f.srv.Streamed())
	}
}

func TestEscCancelsTailoringAndKeepsWhatArrived(t *testing.T) {
	gone := make(chan struct{})
	f := &fakeLLM{tailor: func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, llmModel)
		llmtest.Chunk(w, llmModel, "## Likely questions\n\n1. Why did you pick Kafka for ")
		<-r.Context().Done()
		close(gone)
	}}
	m, _ := reviewWithLLM(t, f, common.ConsentGiven)
	await(t, m, press(m, "t"), until(func() bool { return strings.Contains(m.tailor.Text().String(), "pick Kafka") }), nil)
	if !containsHelp(m, "esc") {
		t.Error("help does not offer esc to stop")
	}
	cmd, ok := m.Cancel()
	if !ok {
		t.Fatal("esc did not cancel a streaming tailoring")
	}
	await(t, m, cmd, until(func() bool { return m.tailor.State() == stream.Cancelled && m.tailor.Settled() }), nil)
	select {
	case <-gone:
	case <-time.After(10 * time.Second):
		t.Fatal("the server never saw the request end")
	}
	v := plainView(m)
	if m.level != levelTailor || !strings.Contains(v, "pick Kafka") || !strings.Contains(v, "Cancelled.") {
		t.Fatalf("after cancel: level %v\n%s", m.level, v)
	}
	if !containsHelp(m, "t") {
		t.Error("help does not offer t to ask again")
	}
	if _, again := m.Cancel(); again {
		t.Fatal("a second esc should go back, not cancel again")
	}
	if !m.BackLevel() || m.level != levelReport {
		t.Fatal("the second esc goes back to the report")
	}
}

func TestConsentIsAskedFirstAndNoSendsNothing(t *testing.T) {
	f := &fakeLLM{
		tailor:    func(w http.ResponseWriter, r *http.Request) { llmtest.WriteStream(w, llmModel, "nope") },
		questions: func(w http.ResponseWriter, r *http.Request) { llmtest.WriteStream(w, llmModel, "nope") },
	}
	m, _ := reviewWithLLM(t, f, common.ConsentUnknown)
	// A yes to sending answers, given on the feedback screen, does not
	// send the resume and posting.
	m.App.LLM.Answers = common.ConsentGiven
	if cmd := press(m, "t"); cmd != nil {
		t.Fatal("t sent before asking")
	}
	v := flatView(m)
	if m.asking != actTailor || !strings.Contains(v, "Send your resume's text and the job posting to "+llmModel+" at http://127.0.0.1") ||
		!strings.Contains(v, "y: send") {
		t.Fatalf("no consent question:\n%s", v)
	}
	fits(t, m.View(), 80, 23)
	m.SetSize(40, 12)
	m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	fits(t, m.View(), 40, 12)
	if !strings.Contains(flatView(m), "n: not now") {
		t.Fatalf("the question's keys are cut at 40x12:\n%s", plainView(m))
	}

	cmd := press(m, "n")
	if msg, ok := cmd().(common.ConsentMsg); !ok || msg.Given || msg.Data != store.Documents {
		t.Fatalf("n sends %v to the root", msg)
	}
	if m.asking != actNone || m.App.LLM.Documents != common.ConsentDeclined || m.level != levelReport {
		t.Fatalf("after n: asking %v, consent %v, level %v", m.asking, m.App.LLM.Documents, m.level)
	}
	for _, k := range []string{"t", "g"} {
		if cmd := press(m, k); cmd != nil {
			t.Fatalf("%s after no returned a command", k)
		}
		if v := flatView(m); !strings.Contains(v, "The LLM is off for this run") || strings.Contains(v, "Send your resume") {
			t.Fatalf("%s after no:\n%s", k, v)
		}
	}
	// Every key after no returned no command: nothing can be on its way.
	if n := f.calls(); n != 0 {
		t.Fatalf("%d requests after the user declined", n)
	}
}

func TestPostingQuestionsArePractisedAfterTheReviews(t *testing.T) {
	reply := `[{"question": "How would you keep a Kafka consumer idempotent when shipment events arrive twice?", "kind": "technical", "difficulty": 2,
  "key_points": [{"point": "dedupe by event id", "terms": ["event id", "dedupe"]}], "outline": "Store processed ids."},
 {"question": "Tell me about an on-call incident you handled with a runbook.", "kind": "behavioral", "difficulty": 2,
  "key_points": [{"point": "calm triage", "terms": ["triage", "runbook"]}], "outline": "STAR."}]`
	f := &fakeLLM{questions: func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteStream(w, llmModel, reply[:len(reply)/2], reply[len(reply)/2:])
	}}
	m, st := reviewWithLLM(t, f, common.ConsentUnknown)
	bank := m.report.PracticeQuestions()
	if len(bank) == 0 {
		t.Fatal("the review found no questions to practise")
	}
	if cmd := press(m, "g"); cmd != nil || m.asking != actGenerate {
		t.Fatal("g asks first")
	}
	cmd := press(m, "y")
	if !m.generating || !strings.Contains(flatView(m), "Writing practice questions from the posting with "+llmModel) {
		t.Fatalf("no spinner line:\n%s", plainView(m))
	}
	d := await(t, m, cmd, func(d *driven) bool { return len(d.pushed) > 0 || m.notice != "" }, nil)
	if len(d.consents) != 1 || !d.consents[0] || m.App.LLM.Documents != common.ConsentGiven {
		t.Fatalf("consent sent %v, held %v", d.consents, m.App.LLM.Documents)
	}
	if len(d.pushed) != 1 {
		t.Fatalf("pushed %d screens; notice %q", len(d.pushed), m.notice)
	}
	sent := f.sent()
	if !strings.Contains(sent, "Harbour Freight Labs connects shippers") || !strings.Contains(sent, "backend") {
		t.Fatalf("the request lacks the posting or the role: %s", sent)
	}
	if strings.Contains(sent, "Tomas Lindqvist") {
		t.Fatal("writing questions from the posting sent the resume too")
	}

	// The pushed session plans the review's questions, then the model's.
	s, ok := d.pushed[0].(*session.Model)
	if !ok {
		t.Fatalf("pushed %T", d.pushed[0])
	}
	s.SetSize(80, 23)
	s.Update(s.Init()())
	one, err := st.Session(context.Background(), s.SessionID())
	if err != nil {
		t.Fatalf("the started session: %v", err)
	}
	sessions := []store.Session{one}
	plan := sess.DecodeSetup(sessions[0].Setup).Plan
	if len(plan) != len(bank)+2 {
		t.Fatalf("plan %v: want %d review questions and 2 from the posting", plan, len(bank))
	}
	for i, q := range bank {
		if plan[i] != q.ID {
			t.Fatalf("plan %v does not start with the review's questions", plan)
		}
	}
	for _, id := range plan[len(bank):] {
		if !strings.HasPrefix(id, "gen-") {
			t.Fatalf("plan %v does not end with the model's questions", plan)
		}
	}
}

func TestUnusablePostingQuestionsShowANotice(t *testing.T) {
	f := &fakeLLM{questions: func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteStream(w, llmModel, "Sure! Practising is a great idea. ", "Good luck with the interview.")
	}}
	m, _ := reviewWithLLM(t, f, common.ConsentGiven)
	d := await(t, m, press(m, "g"), until(func() bool { return !m.generating }), nil)
	if len(d.pushed) != 0 {
		t.Fatal("a session started on an unusable reply")
	}
	v := flatView(m)
	if !strings.Contains(v, "No questions from the model: the model's reply had no questions in it. p practises the review's own questions.") {
		t.Fatalf("no notice:\n%s", plainView(m))
	}
	// p still practises the review's questions, only when asked.
	if _, ok := press(m, "p")().(common.PushMsg); !ok {
		t.Fatal("p does not start practice after the failure")
	}
	if m.notice != "" {
		t.Fatal("the notice outlives the next action")
	}
}

func TestEscStopsWritingQuestions(t *testing.T) {
	gone := make(chan struct{})
	f := &fakeLLM{questions: func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		close(gone)
	}}
	m, _ := reviewWithLLM(t, f, common.ConsentGiven)
	// Run until the server has the request; it stays open until cancelled.
	d := await(t, m, press(m, "g"), until(func() bool { return f.srv.Streamed() == 1 }), nil)
	if !containsHelp(m, "esc") || !strings.Contains(flatView(m), "esc cancels") {
		t.Errorf("esc is not offered while the model writes:\n%s", plainView(m))
	}
	cmd, ok := m.Cancel()
	if !ok || m.generating {
		t.Fatal("esc does not stop the model writing questions")
	}
	select {
	case <-gone:
	case <-time.After(10 * time.Second):
		t.Fatal("the server never saw the request end")
	}
	// The cancelled stream's end arrives, and changes nothing.
	await(t, m, cmd, until(func() bool { return m.writer.State() == stream.Cancelled && m.writer.Settled() }), nil)
	if !strings.Contains(flatView(m), "Stopped: no questions were written.") || len(d.pushed) != 0 || m.generating {
		t.Fatalf("after esc:\n%s", plainView(m))
	}
	if _, again := m.Cancel(); again {
		t.Fatal("a second esc should go back, not cancel again")
	}
}

func TestRateLimitedPostingQuestionsCountDown(t *testing.T) {
	reply := `[{"question": "How would you keep a Kafka consumer idempotent when shipment events arrive twice?", "kind": "technical", "difficulty": 2,
  "key_points": [{"point": "dedupe by event id", "terms": ["event id", "dedupe"]}], "outline": "Store processed ids."}]`
	var tries atomic.Int32
	f := &fakeLLM{questions: func(w http.ResponseWriter, r *http.Request) {
		if tries.Add(1) == 1 {
			w.Header().Set("Retry-After-Ms", "1100")
			llmtest.WriteError(w, http.StatusTooManyRequests, "requests", "rate_limit_exceeded", "slow down")
			return
		}
		llmtest.WriteStream(w, llmModel, reply)
	}}
	m, st := reviewWithLLM(t, f, common.ConsentGiven, func(l *config.LLM) { l.MaxRetries = 1 })
	bank := m.report.PracticeQuestions()
	var countdown string
	d := await(t, m, press(m, "g"), func(d *driven) bool { return len(d.pushed) > 0 || m.notice != "" }, func() {
		if v := flatView(m); m.generating && strings.Contains(v, "trying again in") {
			countdown = v
		}
	})
	if !strings.Contains(countdown, "Writing practice questions from the posting with "+llmModel) ||
		!strings.Contains(countdown, "(retry 1 of 1) · esc cancels") {
		t.Fatalf("no countdown while the request was rate-limited:\n%s", countdown)
	}
	if len(d.pushed) != 1 || tries.Load() != 2 {
		t.Fatalf("pushed %d screens after %d tries; notice %q", len(d.pushed), tries.Load(), m.notice)
	}
	s, ok := d.pushed[0].(*session.Model)
	if !ok {
		t.Fatalf("pushed %T", d.pushed[0])
	}
	s.SetSize(80, 23)
	s.Update(s.Init()())
	one, err := st.Session(context.Background(), s.SessionID())
	if err != nil {
		t.Fatalf("the started session: %v", err)
	}
	sessions := []store.Session{one}
	plan := sess.DecodeSetup(sessions[0].Setup).Plan
	if len(plan) != len(bank)+1 || !strings.HasPrefix(plan[len(bank)], "gen-") {
		t.Fatalf("plan %v: want %d review questions and 1 from the posting", plan, len(bank))
	}
}

func TestWithoutAModelTailorAndGenerateDoNothing(t *testing.T) {
	m, _ := newScreen(t)
	reviewFiles(t, m, filepath.Join(fixtures, "resumes/go-backend.md"), filepath.Join(fixtures, "postings/backend-go.txt"))
	before := m.View()
	for _, k := range []string{"t", "g"} {
		if containsHelp(m, k) {
			t.Errorf("help offers %s without a model", k)
		}
		if cmd := press(m, k); cmd != nil {
			t.Errorf("%s returned a command without a model", k)
		}
	}
	if m.level != levelReport || m.asking != actNone || m.notice != "" || m.View() != before {
		t.Fatalf("t or g changed the screen:\n%s", plainView(m))
	}
	if !containsHelp(m, "p") {
		t.Fatal("p is still offered")
	}
}

func TestModelKeysAreOfferedWhenConfigured(t *testing.T) {
	f := &fakeLLM{}
	m, _ := reviewWithLLM(t, f, common.ConsentUnknown)
	if !containsHelp(m, "t") || !containsHelp(m, "g") {
		t.Fatal("t and g are not in the help")
	}
}

func containsHelp(m *Model, k string) bool {
	for _, b := range m.ShortHelp() {
		if b.Help().Key == k {
			return true
		}
	}
	return false
}
