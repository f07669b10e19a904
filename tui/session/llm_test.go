package session

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/llmtest"
	"github.com/coach-tui/coach/coach/llm/prompts"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/loop"
)

const llmModel = "coach-test-model"

// fakeLLM is the model's behaviour in a test: the critique and the
// follow-ups. srv records what was sent.
type fakeLLM struct {
	critique func(w http.ResponseWriter, r *http.Request)
	followUp func(w http.ResponseWriter, r *http.Request)
	srv      *llmtest.Server
}

func (f *fakeLLM) sent() string { return f.srv.Sent() }

// withLLM points the screen's App at a fake model server.
func withLLM(t testing.TB, e *env, f *fakeLLM, consent common.Consent, edit ...func(*config.LLM)) {
	t.Helper()
	if f.critique == nil {
		f.critique = func(w http.ResponseWriter, r *http.Request) {
			llmtest.WriteStream(w, llmModel, "## What worked\n\nYou named the ", "deadline and **cut scope**.\n\n",
				"SCORES\nrelevance: 4\nstructure: 3\nspecificity: 4\nownership: 5\nimpact: 3\n")
		}
	}
	if f.followUp == nil {
		f.followUp = func(w http.ResponseWriter, r *http.Request) {
			llmtest.WriteStream(w, llmModel, "Follow-up: How did you measure ", "the 40 percent drop in errors?")
		}
	}
	// Both are streamed; the follow-up prompt is told apart by its words.
	f.srv = llmtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if bytes.Contains(body, []byte("Ask exactly ONE follow-up")) {
			f.followUp(w, r)
			return
		}
		f.critique(w, r)
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
	e.c.App.LLM = common.LLM{Client: c, FollowUps: 2, Answers: consent}
}

// await runs the screen's commands for real until cond holds.
func await(t *testing.T, m *Model, cmd tea.Cmd, cond func() bool) {
	t.Helper()
	err := loop.Run(func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case common.ConsentMsg, common.BackMsg:
			return nil // the root's business
		}
		_, next := m.Update(msg)
		return next
	}, cmd, cond, 10*time.Second)
	if err != nil {
		t.Fatalf("%v; phase %v, view:\n%s", err, m.phase, ansi.Strip(m.View()))
	}
}

func keyCmd(m *Model, k string) tea.Cmd {
	_, cmd := m.Update(keyMsg(k))
	return cmd
}

// answerBehavioral starts practice on the bank's behavioural question
// (and the technical one, when two are wanted) and types a good answer.
func answerBehavioral(t *testing.T, e *env, count int) *Model {
	t.Helper()
	s := practiceSetup(questions.Behavioral)
	s.Reading = 0
	var qs []*questions.Question
	for _, id := range []string{"test-behavioral", "test-technical"}[:count] {
		q, _ := e.c.App.Bank.Get(id)
		qs = append(qs, q)
	}
	m := WithQuestions(e.c, s, qs)
	m.SetSize(80, 23)
	drive(t, m, m.Init())
	if m.err != nil || m.q.ID != "test-behavioral" {
		t.Fatalf("start: %v", m.err)
	}
	typeText(t, m, goodAnswer)
	e.tick(t, m, 40*time.Second)
	return m
}

// saved reports whether the critique of the answer on screen is stored.
func saved(e *env, m *Model, ok func(store.LLMFeedback) bool) func() bool {
	return func() bool {
		fb, found, _ := e.st.LLMFeedbackFor(context.Background(), m.attemptID)
		return found && ok(fb)
	}
}

func TestConsentIsAskedThenTheCritiqueStreams(t *testing.T) {
	e := newEnv(t)
	f := &fakeLLM{}
	withLLM(t, e, f, common.ConsentUnknown)
	// A yes to sending the resume and posting does not send answers.
	e.c.App.LLM.Documents = common.ConsentGiven
	m := answerBehavioral(t, e, 1)
	press(t, m, "ctrl+s")
	v := ansi.Strip(m.View())
	if m.phase != phaseFeedback || !strings.Contains(v, "Send this answer to "+llmModel) || !strings.Contains(v, "y: send") {
		t.Fatalf("no consent question:\n%s", v)
	}
	if f.srv.Streamed() != 0 {
		t.Fatal("something was sent before the user said yes")
	}
	await(t, m, keyCmd(m, "y"), saved(e, m, func(store.LLMFeedback) bool { return m.critique.Settled() }))
	press(t, m, "c")
	v = ansi.Strip(m.View())
	for _, want := range []string{"Critique from " + llmModel, "cut scope", "The model's scores: relevance 4/5 · structure 3/5"} {
		if !strings.Contains(v, want) {
			t.Fatalf("view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "SCORES") || strings.Contains(v, "Send this answer") {
		t.Fatalf("score block or consent question still shown:\n%s", v)
	}
	if e.c.App.LLM.Answers != common.ConsentGiven {
		t.Fatal("the yes is not in effect")
	}
	sent := f.sent()
	if !strings.Contains(sent, "errors fell 40 percent") || !strings.Contains(sent, "turned around a failing project") {
		t.Fatalf("the request lacks the answer or the question: %s", sent)
	}
	fb, ok, err := e.st.LLMFeedbackFor(context.Background(), m.attemptID)
	if err != nil || !ok || !fb.Complete || fb.Model != llmModel || !strings.Contains(string(fb.Scores), `"Value":5`) || fb.Prompt != "feedback.v1" {
		t.Fatalf("saved critique = %+v, %v, %v", fb, ok, err)
	}
}

func TestDecliningKeepsEverythingOffline(t *testing.T) {
	e := newEnv(t)
	f := &fakeLLM{}
	withLLM(t, e, f, common.ConsentUnknown)
	m := answerBehavioral(t, e, 2)
	press(t, m, "ctrl+s", "n")
	if m.asking || e.c.App.LLM.Answers != common.ConsentDeclined {
		t.Fatalf("asking %v, consent %v", m.asking, e.c.App.LLM.Answers)
	}
	// The bank's follow-up, then the next question: nothing is sent and
	// nothing is asked again.
	press(t, m, "enter")
	if !m.isFollowUp() || m.byModel {
		t.Fatalf("follow-up by model %v, is follow-up %v", m.byModel, m.isFollowUp())
	}
	typeText(t, m, "I would cut scope in week one.")
	press(t, m, "ctrl+s")
	if m.asking || strings.Contains(ansi.Strip(m.View()), "Send this answer") {
		t.Fatal("asked again after no")
	}
	// press ran every command to completion: a request would have been made.
	if n := f.srv.Streamed() + f.srv.Completed(); n != 0 {
		t.Fatalf("%d requests after the user declined", n)
	}
}

func TestModelIgnoringTheFormatStillShowsItsText(t *testing.T) {
	e := newEnv(t)
	f := &fakeLLM{critique: func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteStream(w, llmModel, "Pretty good answer overall! ", "Maybe add more detail about the team. I'd say 7 out of 10.")
	}}
	withLLM(t, e, f, common.ConsentGiven)
	m := answerBehavioral(t, e, 1)
	await(t, m, keyCmd(m, "ctrl+s"), saved(e, m, func(store.LLMFeedback) bool {
		return m.critique.Settled()
	}))
	press(t, m, "c")
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "more detail about the team") || !strings.Contains(v, "Scores unavailable") {
		t.Fatalf("view:\n%s", v)
	}
	fb, _, _ := e.st.LLMFeedbackFor(context.Background(), m.attemptID)
	if string(fb.Scores) != "[]" || !fb.Complete {
		t.Fatalf("saved = %+v", fb)
	}
}

func TestHostileCritiqueNeverReachesTheScreen(t *testing.T) {
	e := newEnv(t)
	f := &fakeLLM{critique: func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteStream(w, llmModel, "Solid.\x1b]52;c;ZWNobyBwd25lZA==\x07 \x1b[2J\x1b[H", "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
			" \x1b]0;title\x07\u009b6n\x1bP$q\x1b\\ end of critique")
	}}
	withLLM(t, e, f, common.ConsentGiven)
	m := answerBehavioral(t, e, 1)
	var frames []string
	err := loop.Run(func(msg tea.Msg) tea.Cmd {
		_, next := m.Update(msg)
		frames = append(frames, m.View())
		return next
	}, keyCmd(m, "ctrl+s"), m.critique.Settled, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	press(t, m, "c")
	frames = append(frames, m.View())
	for _, fr := range frames {
		plain := ansi.Strip(fr)
		// Styling is off in tests, so any escape left is the model's.
		if strings.ContainsAny(plain, "\x1b\x07\u009b") || strings.Contains(fr, "]52;") || strings.Contains(fr, "]8;") || strings.Contains(fr, "evil.example") {
			t.Fatalf("an escape sequence reached the view: %q", fr)
		}
	}
	if !strings.Contains(ansi.Strip(m.View()), "end of critique") {
		t.Fatalf("text lost:\n%s", ansi.Strip(m.View()))
	}
}

func TestEscCancelsTheCritiqueAndKeepsWhatArrived(t *testing.T) {
	e := newEnv(t)
	gone := make(chan struct{})
	f := &fakeLLM{critique: func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, llmModel)
		llmtest.Chunk(w, llmModel, "You started well, but ")
		<-r.Context().Done()
		close(gone)
	}}
	withLLM(t, e, f, common.ConsentGiven)
	m := answerBehavioral(t, e, 1)
	await(t, m, keyCmd(m, "ctrl+s"), func() bool { return strings.Contains(m.critique.Text().String(), "started well") })
	cmd, ok := m.Cancel()
	if !ok {
		t.Fatal("esc did not cancel a streaming critique")
	}
	await(t, m, cmd, saved(e, m, func(fb store.LLMFeedback) bool {
		return !fb.Complete && fb.Text == "You started well, but "
	}))
	select {
	case <-gone:
	case <-time.After(10 * time.Second):
		t.Fatal("the server never saw the request end")
	}
	press(t, m, "c")
	v := ansi.Strip(m.View())
	if m.phase != phaseFeedback || !strings.Contains(v, "started well") || !strings.Contains(v, "Cancelled.") || strings.Contains(v, "Scores unavailable") {
		t.Fatalf("after cancel: phase %v\n%s", m.phase, v)
	}
	if _, again := m.Cancel(); again {
		t.Fatal("a second esc should leave, not cancel again")
	}
}

func TestMockAsksModelFollowUpsUpToTheLimit(t *testing.T) {
	e := newEnv(t)
	n := atomic.Int32{}
	f := &fakeLLM{followUp: func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 1:
			llmtest.WriteStream(w, llmModel, "Sure! Here's a follow-up:\n\n**How did you measure the 40 percent drop?**")
		default:
			llmtest.WriteStream(w, llmModel, "\"Who disagreed with cutting scope, and how did you handle it?\"")
		}
	}}
	withLLM(t, e, f, common.ConsentGiven)
	bank := e.c.App.Bank
	b, _ := bank.Get("test-behavioral")
	tq, _ := bank.Get("test-technical")
	s := sess.DefaultSetup()
	s.Mode, s.Reading, s.Allowance = sess.Mock, 0, 1
	m := WithQuestions(e.c, s, []*questions.Question{b, tq})
	m.SetSize(80, 23)
	drive(t, m, m.Init())
	typeText(t, m, goodAnswer)
	await(t, m, keyCmd(m, "ctrl+s"), m.critique.Settled)

	await(t, m, keyCmd(m, "enter"), func() bool { return m.phase == phaseAnswering })
	v := ansi.Strip(m.View())
	if !m.byModel || !strings.Contains(v, "How did you measure the 40 percent drop?") || !strings.Contains(v, "asked by "+llmModel) {
		t.Fatalf("first model follow-up:\n%s", v)
	}
	if m.limit != b.Time/2 {
		t.Fatalf("follow-up limit %v", m.limit)
	}
	typeText(t, m, "We compared the error rate in Grafana for two weeks before and after.")
	await(t, m, keyCmd(m, "ctrl+s"), func() bool { return m.phase == phaseFeedback && m.critique.Settled() })
	await(t, m, keyCmd(m, "enter"), func() bool { return m.phase == phaseAnswering })
	if !strings.Contains(ansi.Strip(m.View()), "Follow-up 2 to question 1") {
		t.Fatalf("second follow-up:\n%s", ansi.Strip(m.View()))
	}
	if sent := f.sent(); !strings.Contains(sent, "Grafana for two weeks") || !strings.Contains(sent, "How did you measure the 40 percent drop?") {
		t.Fatal("the second follow-up was not built on the first exchange")
	}
	typeText(t, m, "The product lead; I showed her the burn-down.")
	await(t, m, keyCmd(m, "ctrl+s"), func() bool { return m.phase == phaseFeedback && m.critique.Settled() })
	if m.canFollowUp() {
		t.Fatal("a third follow-up past llm.follow_ups = 2")
	}
	press(t, m, "enter")
	if m.q.ID != "test-technical" || m.isFollowUp() {
		t.Fatalf("after two follow-ups: %s", m.q.ID)
	}
	attempts, _ := e.st.Attempts(context.Background(), m.sessionID)
	if len(attempts) != 3 || attempts[1].ParentID != attempts[0].ID || attempts[2].ParentID != attempts[0].ID ||
		attempts[2].QuestionText != "Who disagreed with cutting scope, and how did you handle it?" {
		t.Fatalf("attempts: %+v", attempts)
	}
}

func TestFailingFollowUpFallsBackToTheBank(t *testing.T) {
	e := newEnv(t)
	f := &fakeLLM{followUp: func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteError(w, http.StatusServiceUnavailable, "server_error", "", "overloaded")
	}}
	withLLM(t, e, f, common.ConsentGiven)
	m := answerBehavioral(t, e, 1)
	await(t, m, keyCmd(m, "ctrl+s"), m.critique.Settled)
	await(t, m, keyCmd(m, "enter"), func() bool { return m.phase == phaseAnswering })
	v := ansi.Strip(m.View())
	if m.byModel || !strings.Contains(v, "What would you do differently next time?") || !strings.Contains(v, "server error") {
		t.Fatalf("fallback:\n%s", v)
	}
}

// A reply that is not a question (a verdict on the answer) is never asked:
// the bank's follow-up is, with the reason on screen.
func TestStatementFollowUpFallsBackToTheBank(t *testing.T) {
	e := newEnv(t)
	f := &fakeLLM{followUp: func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteStream(w, "test", "STATEMENT: Your answer lacked ", "detail about the outcome.")
	}}
	withLLM(t, e, f, common.ConsentGiven)
	m := answerBehavioral(t, e, 1)
	await(t, m, keyCmd(m, "ctrl+s"), m.critique.Settled)
	await(t, m, keyCmd(m, "enter"), func() bool { return m.phase == phaseAnswering })
	v := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
	if m.byModel || strings.Contains(v, "lacked detail") || !strings.Contains(v, "What would you do differently next time?") ||
		!strings.Contains(v, "not a question") {
		t.Fatalf("statement asked, or no reason:\n%s", v)
	}
}

func TestConsentQuestionFitsSmallWindows(t *testing.T) {
	for _, size := range [][2]int{{80, 23}, {40, 11}} {
		e := newEnv(t)
		withLLM(t, e, &fakeLLM{}, common.ConsentUnknown)
		m := answerBehavioral(t, e, 1)
		m.SetSize(size[0], size[1])
		press(t, m, "ctrl+s")
		v := m.View()
		if h := lipgloss.Height(v); h > size[1] {
			t.Errorf("%dx%d: the feedback is %d lines", size[0], size[1], h)
		}
		flat := strings.Join(strings.Fields(ansi.Strip(v)), " ")
		if !strings.Contains(flat, "y: send") || !strings.Contains(flat, "n: stay offline") {
			t.Errorf("%dx%d: the keys to answer are cut off:\n%s", size[0], size[1], v)
		}
	}
}

func TestRateLimitedFollowUpCountsDown(t *testing.T) {
	e := newEnv(t)
	calls := atomic.Int32{}
	f := &fakeLLM{followUp: func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After-Ms", "1100")
			llmtest.WriteError(w, http.StatusTooManyRequests, "requests", "rate_limit_exceeded", "slow down")
			return
		}
		llmtest.WriteStream(w, llmModel, "What did the team say when you cut scope?")
	}}
	withLLM(t, e, f, common.ConsentGiven, func(l *config.LLM) { l.MaxRetries = 1 })
	m := answerBehavioral(t, e, 1)
	await(t, m, keyCmd(m, "ctrl+s"), m.critique.Settled)
	var countdown string
	err := loop.Run(func(msg tea.Msg) tea.Cmd {
		_, next := m.Update(msg)
		if v := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); m.phase == phaseThinking && strings.Contains(v, "trying again in") {
			countdown = v
		}
		return next
	}, keyCmd(m, "enter"), func() bool { return m.phase == phaseAnswering }, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(countdown, "thinking of a follow-up") || !strings.Contains(countdown, "(retry 1 of 1)") {
		t.Fatalf("no countdown while the follow-up was rate-limited:\n%s", countdown)
	}
	if !m.byModel || m.q.Text != "What did the team say when you cut scope?" {
		t.Fatalf("follow-up %q by model %v", m.q.Text, m.byModel)
	}
}

func TestEscWhileTheModelThinksAsksTheBank(t *testing.T) {
	e := newEnv(t)
	gone := make(chan struct{})
	f := &fakeLLM{followUp: func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		close(gone)
	}}
	withLLM(t, e, f, common.ConsentGiven)
	m := answerBehavioral(t, e, 1)
	await(t, m, keyCmd(m, "ctrl+s"), m.critique.Settled)
	// Until the request is at the server: then there is one to cancel.
	await(t, m, keyCmd(m, "enter"), func() bool { return f.srv.Streamed() == 2 })
	cmd, ok := m.Cancel()
	if !ok {
		t.Fatal("esc did nothing while the model was thinking")
	}
	await(t, m, cmd, func() bool { return m.phase == phaseAnswering })
	select {
	case <-gone:
	case <-time.After(10 * time.Second):
		t.Fatal("the request was not cancelled")
	}
	if m.byModel || m.q.Text != "What would you do differently next time?" || !strings.Contains(ansi.Strip(m.View()), "cancelled") {
		t.Fatalf("after esc:\n%s", ansi.Strip(m.View()))
	}
}

// A model's question from a posting with a figure found in no source
// carries ⚠, and the screen says what it means.
func TestInventedFigureInAQuestionIsExplained(t *testing.T) {
	e := newEnv(t)
	q := &questions.Question{ID: "gen-00000001", Text: "How would you reconcile 37 payment ledgers?", Kind: questions.Technical,
		Category: "generated", Roles: []questions.Role{questions.Backend}, Difficulty: 2, Time: 2 * time.Minute,
		KeyPoints: []questions.KeyPoint{{Point: "Batch the reconciliation", Terms: []string{"batch"}}}}
	if got := prompts.FlagInvented(q, "Payments team: own the ledger service."); len(got) != 1 {
		t.Fatalf("invented %v", got)
	}
	s := practiceSetup()
	s.Reading, s.Count = 0, 1
	m := WithQuestions(e.c, s, []*questions.Question{q})
	m.SetSize(80, 23)
	drive(t, m, m.Init())
	v := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
	if !strings.Contains(v, "reconcile 37 ⚠ payment ledgers") || !strings.Contains(v, "in neither the posting nor your resume") {
		t.Fatalf("no mark or no note:\n%s", v)
	}
}
