package session

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
}

// clock is a test clock the screen reads through App.Now.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

type env struct {
	c     common.Common
	st    *store.Store
	clock *clock
}

func newEnv(t testing.TB) *env {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	bank := questions.FromFiles([]string{"testdata/bank.yaml"}, questions.Parser{})
	if len(bank.Problems) > 0 || bank.Len() != 5 {
		t.Fatalf("test bank: %v", bank.Problems)
	}
	ck := &clock{t: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}
	c := common.Common{
		Styles:   common.NewStyles(common.DefaultTheme()),
		Markdown: common.NewMarkdown(common.MarkdownDark, false),
		App:      &common.App{Store: st, Bank: bank, Now: ck.now, Tick: armTick},
	}
	return &env{c: c, st: st, clock: ck}
}

// armedTick is what the test clock's ticks return at once: the screen
// asked to be woken, and the test decides when by advancing the clock.
type armedTick struct{}

func armTick(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
	return func() tea.Msg { return armedTick{} }
}

// commandDeadline bounds one command: generous, since it only turns a
// command that hangs into a failure with the screen in it.
const commandDeadline = 20 * time.Second

// drive runs a command to completion the way the program would and feeds
// its messages back. The only commands that wait on the clock are the
// screen's ticks (armedTick, from the test clock) and the stream's
// spinner (spinner.TickMsg); both are dropped, so nothing here depends on
// how fast the machine is.
func drive(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(commandDeadline):
		t.Fatalf("a command was still running after %v (phase %v); screen:\n%s", commandDeadline, m.phase, ansi.Strip(m.View()))
	}
	switch msg := msg.(type) {
	case nil, armedTick, spinner.TickMsg:
		return
	case tea.BatchMsg:
		for _, c := range msg {
			drive(t, m, c)
		}
		return
	case common.BackMsg:
		closed[m] = true
		return
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := 0; i < v.Len(); i++ {
			drive(t, m, v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	_, next := m.Update(msg)
	drive(t, m, next)
}

// closed records the screens that asked the root to close them.
var closed = map[*Model]bool{}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "ctrl+x":
		return tea.KeyMsg{Type: tea.KeyCtrlX}
	case "ctrl+t":
		return tea.KeyMsg{Type: tea.KeyCtrlT}
	case "ctrl+r":
		return tea.KeyMsg{Type: tea.KeyCtrlR}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func press(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		drive(t, m, cmd)
	}
}

func typeText(t testing.TB, m *Model, s string) {
	t.Helper()
	for _, r := range s {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		drive(t, m, cmd)
	}
}

func (e *env) tick(t testing.TB, m *Model, d time.Duration) {
	t.Helper()
	e.clock.advance(d)
	_, cmd := m.Update(tickMsg{gen: m.tick, at: e.clock.t})
	drive(t, m, cmd)
}

func start(t *testing.T, e *env, s sess.Setup) *Model {
	t.Helper()
	m := New(e.c, s)
	m.SetSize(80, 23)
	drive(t, m, m.Init())
	if m.err != nil {
		t.Fatal(m.err)
	}
	return m
}

func practiceSetup(kinds ...questions.Kind) sess.Setup {
	s := sess.DefaultSetup()
	s.Kinds, s.Count, s.Allowance = kinds, 1, 1
	return s
}

const goodAnswer = "At my last job the payments project was failing: six weeks behind. My goal was to ship before the sale. " +
	"I decided to cut scope and I led a daily check-in. As a result we shipped on time and errors fell 40 percent in 3 weeks."

func TestQuestionGoldenWithTimer(t *testing.T) {
	e := newEnv(t)
	m := start(t, e, practiceSetup(questions.Technical))
	if m.phase != phaseReading {
		t.Fatalf("phase %v, want reading", m.phase)
	}
	e.tick(t, m, 10*time.Second) // reading time over: the clock starts
	typeText(t, m, "A B-tree index keeps keys sorted, so a read avoids a full scan.")
	e.tick(t, m, 70*time.Second) // 20 s of 90 left: under a quarter
	golden.RequireEqual(t, []byte(m.View()))
}

func TestAnswerFeedbackFollowUpAndSummary(t *testing.T) {
	e := newEnv(t)
	s := practiceSetup(questions.Behavioral)
	s.Count, s.Reading = 2, 0
	m := start(t, e, s)
	if m.phase != phaseAnswering {
		t.Fatalf("no reading time: phase %v", m.phase)
	}
	first := m.q.ID
	press(t, m, "ctrl+t")
	if !strings.Contains(m.View(), "Hint: a strong answer covers") {
		t.Fatal("ctrl+t shows the hint")
	}
	typeText(t, m, goodAnswer)
	e.tick(t, m, 40*time.Second)
	press(t, m, "ctrl+s")
	if m.phase != phaseFeedback {
		t.Fatalf("after submit: phase %v, err %v", m.phase, m.err)
	}
	golden.RequireEqualEscape(t, []byte(m.View()), false)

	// The follow-up comes at half the time, on the same question.
	press(t, m, "enter")
	if !m.isFollowUp() || m.limit != m.parent.Time/2 || m.phase != phaseAnswering {
		t.Fatalf("follow-up: %v, limit %v, phase %v", m.isFollowUp(), m.limit, m.phase)
	}
	typeText(t, m, "Next time I would cut scope in week one, not week four.")
	press(t, m, "ctrl+s", "enter")
	if m.isFollowUp() || m.q.ID == first {
		t.Fatalf("after the follow-up comes the next question, got %s", m.q.ID)
	}
	press(t, m, "ctrl+x") // skip the second question
	press(t, m, "enter")
	if m.phase != phaseSummary {
		t.Fatalf("phase %v, err %v", m.phase, m.err)
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"Session summary", "overall", "What would help most"} {
		if !strings.Contains(v, want) {
			t.Errorf("summary lacks %q:\n%s", want, v)
		}
	}

	sessions, _ := e.st.Sessions(context.Background())
	attempts, _ := e.st.Attempts(context.Background(), sessions[0].ID)
	if len(attempts) != 3 || !attempts[0].HintUsed || attempts[1].ParentID != attempts[0].ID || !attempts[2].Skipped {
		t.Fatalf("stored attempts: %+v", attempts)
	}
	if attempts[0].Used != 40*time.Second || attempts[0].Overall == 0 || sessions[0].EndedAt.IsZero() {
		t.Fatalf("first attempt %+v, session %+v", attempts[0], sessions[0])
	}
}

func TestSummaryGolden(t *testing.T) {
	e := newEnv(t)
	s := practiceSetup(questions.Technical)
	s.Reading, s.FollowUps = 0, false
	m := start(t, e, s)
	typeText(t, m, "An index is a sorted B-tree, so a read avoids a full scan. The trade-off is slower writes. For example we used EXPLAIN.")
	e.tick(t, m, 30*time.Second)
	press(t, m, "ctrl+s", "enter")
	golden.RequireEqualEscape(t, []byte(m.View()), false)
}

func TestStrictTimeOutKeepsTheText(t *testing.T) {
	e := newEnv(t)
	s := practiceSetup(questions.Technical)
	s.Reading = 0
	m := start(t, e, s)
	typeText(t, m, "Partial answer about sorted keys")
	e.tick(t, m, 89*time.Second)
	if m.phase != phaseAnswering {
		t.Fatal("still answering with a second left")
	}
	e.tick(t, m, 2*time.Second)
	if m.phase != phaseFeedback {
		t.Fatalf("time-out should submit: phase %v", m.phase)
	}
	a, _ := e.st.Attempts(context.Background(), m.sessionID)
	if len(a) != 1 || a[0].Answer != "Partial answer about sorted keys" || !a[0].TimedOut || a[0].Skipped {
		t.Fatalf("timed-out attempt: %+v", a)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Time ran out at 01:30") {
		t.Fatalf("the feedback does not say the time ran out:\n%s", v)
	}
}

func TestSoftTimerCountsOvertime(t *testing.T) {
	e := newEnv(t)
	s := practiceSetup(questions.Technical)
	s.Reading, s.Timer = 0, sess.Soft
	m := start(t, e, s)
	e.tick(t, m, 100*time.Second)
	if m.phase != phaseAnswering || !strings.Contains(m.View(), "+00:10 over") {
		t.Fatalf("soft overtime:\n%s", m.View())
	}
}

func TestDraftSavedAndResumed(t *testing.T) {
	e := newEnv(t)
	s := practiceSetup(questions.Technical)
	s.Reading = 0
	m := start(t, e, s)
	typeText(t, m, "Draft text that must survive")
	e.tick(t, m, 4*time.Second)
	d, ok, err := newestDraft(e.st)
	if err != nil || !ok || d.Answer != "Draft text that must survive" || d.Remaining != 86*time.Second {
		t.Fatalf("draft after 4 s: %+v %v %v", d, ok, err)
	}

	r := Resume(e.c, d)
	r.SetSize(80, 23)
	drive(t, r, r.Init())
	if r.err != nil || r.phase != phaseAnswering || r.area.Value() != d.Answer || r.remaining() != 86*time.Second {
		t.Fatalf("resumed: err %v, phase %v, text %q, left %v", r.err, r.phase, r.area.Value(), r.remaining())
	}
	typeText(t, r, " and more")
	press(t, r, "ctrl+s")
	a, _ := e.st.Attempts(context.Background(), m.sessionID)
	if len(a) != 1 || a[0].Answer != "Draft text that must survive and more" {
		t.Fatalf("resumed answer saved into its session: %+v", a)
	}
	if _, ok, _ := newestDraft(e.st); ok {
		t.Fatal("the draft is cleared once the answer is saved")
	}
}

func TestLeaveNeedsTwoEscapesAndKeepsTheDraft(t *testing.T) {
	e := newEnv(t)
	s := practiceSetup(questions.Technical)
	s.Reading = 0
	m := start(t, e, s)
	typeText(t, m, "keep me")
	press(t, m, "esc")
	if closed[m] || !strings.Contains(m.View(), "Press esc again") {
		t.Fatal("one esc only warns")
	}
	press(t, m, "esc")
	if !closed[m] {
		t.Fatal("the second esc leaves")
	}
	if d, ok, _ := newestDraft(e.st); !ok || d.Answer != "keep me" {
		t.Fatalf("draft after leaving: %+v", d)
	}
}

func TestMockInterview(t *testing.T) {
	e := newEnv(t)
	s := sess.DefaultSetup()
	s.Mode, s.Role, s.Count, s.Reading, s.FollowUps, s.Allowance = sess.Mock, questions.SeniorBackend, 3, 0, false, 1
	m := start(t, e, s)
	if m.q.Category != "introduction" {
		t.Fatalf("a mock interview opens with an introduction, got %s", m.q.ID)
	}
	kinds := map[questions.Kind]bool{}
	for _, q := range m.plan {
		kinds[q.Kind] = true
	}
	if !kinds[questions.SystemDesign] {
		t.Fatal("a senior mock interview includes system design")
	}
	for range m.plan {
		typeText(t, m, "Currently I lead the payments team; before that I built data pipelines.")
		press(t, m, "ctrl+s", "enter")
	}
	if m.phase != phaseAsk {
		t.Fatalf("phase %v", m.phase)
	}
	press(t, m, " ")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Why ask it") || !strings.Contains(v, "what success means") {
		t.Fatalf("picking shows why:\n%s", m.View())
	}
	press(t, m, "d")
	if m.phase != phaseSummary {
		t.Fatalf("phase %v err %v", m.phase, m.err)
	}
	got, _ := e.st.Session(context.Background(), m.sessionID)
	setup := sess.DecodeSetup(got.Setup)
	if len(setup.Asked) != 1 || setup.Asked[0] != "test-ask" || len(setup.AskedText) != 1 || setup.AskedText[0] != m.ask[0].Text {
		t.Fatalf("asked questions stored: %v %q", setup.Asked, setup.AskedText)
	}
	// The summary shows them, and History and coach report read the same.
	if !strings.Contains(m.summaryMarkdown, "Your questions for them") {
		t.Fatalf("the summary lacks the questions for the interviewer:\n%s", m.summaryMarkdown)
	}
	attempts, _ := e.st.Attempts(context.Background(), m.sessionID)
	if md := sess.Summarize(got, attempts).Markdown(); !strings.Contains(md, "## Your questions for them\n\n- "+m.ask[0].Text) {
		t.Fatalf("the stored session's report lacks them:\n%s", md)
	}
}

// BenchmarkKeystrokeLongAnswer measures one keypress in the answer box,
// Update and View, with a 1,500-word answer already typed.
func BenchmarkKeystrokeLongAnswer(b *testing.B) {
	e := newEnv(b)
	m := New(e.c, practiceSetup(questions.Technical))
	m.SetSize(80, 23)
	drive(b, m, m.Init())
	m.phase = phaseAnswering
	m.area.SetValue(strings.Repeat("The index keeps keys sorted so reads avoid a full scan. ", 150))
	key := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'x'}}
	b.ResetTimer()
	for b.Loop() {
		m.Update(key)
		_ = m.View()
	}
}

func TestGradingSchedulesTheQuestion(t *testing.T) {
	e := newEnv(t)
	s := practiceSetup(questions.Technical)
	s.Reading, s.FollowUps = 0, false
	m := start(t, e, s)
	typeText(t, m, "An index is a sorted B-tree, so a read avoids a full scan.")
	press(t, m, "ctrl+s")
	if !m.gradable() || !strings.Contains(ansi.Strip(m.View()), "How did it go?") {
		t.Fatal("the feedback asks for a grade")
	}
	press(t, m, "2") // hard
	c, ok, err := e.st.Card(context.Background(), "test-technical")
	if err != nil || !ok || !c.Due.After(e.clock.t) {
		t.Fatalf("card after grading: %+v %v %v", c, ok, err)
	}
	if m.phase != phaseSummary {
		t.Fatalf("grading moves on: phase %v", m.phase)
	}
}

func TestDrillRepeatsUntilGood(t *testing.T) {
	e := newEnv(t)
	s := sess.DefaultSetup()
	s.Mode, s.Reading, s.FollowUps, s.Allowance = sess.Drill, 0, false, 1
	s.Plan = []string{"test-technical", "test-behavioral"}
	m := start(t, e, s)
	var asked []string
	for i := 0; i < 6 && m.phase != phaseSummary; i++ {
		asked = append(asked, m.q.ID)
		typeText(t, m, "An answer.")
		press(t, m, "ctrl+s")
		grade := "3"
		if m.q.ID == "test-technical" && len(asked) == 1 {
			grade = "1" // again: it must come back
		}
		press(t, m, grade)
	}
	want := "test-technical test-behavioral test-technical"
	if got := strings.Join(asked, " "); got != want {
		t.Fatalf("asked %q, want %q", got, want)
	}
	if m.phase != phaseSummary || !strings.Contains(ansi.Strip(m.View()), "Drill session") {
		t.Fatalf("summary after every question passed:\n%s", m.View())
	}
}

// A question the bank does not have (written from a posting) is kept
// with its session, so an interrupted answer to it can be resumed.
func TestDraftOfAQuestionNotInTheBankIsResumed(t *testing.T) {
	e := newEnv(t)
	gen := &questions.Question{ID: "gen-1a2b3c", Text: "How would you shard the orders table?", Kind: questions.SystemDesign,
		Category: "generated", Roles: []questions.Role{questions.Backend}, Difficulty: 3, Time: 5 * time.Minute,
		KeyPoints: []questions.KeyPoint{{Point: "Picks a shard key", Terms: []string{"shard key", "customer id"}}},
		Outline:   "Key, routing, resharding.", Source: questions.Source{File: "generated"}}
	s := practiceSetup(questions.Technical)
	s.Reading = 0
	m := WithQuestions(e.c, s, []*questions.Question{gen})
	m.SetSize(80, 23)
	drive(t, m, m.Init())
	typeText(t, m, "By customer id, so one customer's orders")
	e.tick(t, m, 4*time.Second)
	d, ok, _ := newestDraft(e.st)
	if !ok {
		t.Fatal("no draft")
	}
	r := Resume(e.c, d)
	r.SetSize(80, 23)
	drive(t, r, r.Init())
	if r.err != nil || r.q == nil || r.q.ID != gen.ID || r.q.Text != gen.Text || len(r.q.KeyPoints) != 1 || r.area.Value() != d.Answer {
		t.Fatalf("resumed: err %v, question %+v, text %q", r.err, r.q, r.area.Value())
	}
	press(t, r, "ctrl+s")
	if !r.report.KeyPoints[0].Covered {
		t.Fatal("the kept question's key points judge the answer")
	}
}

func TestResumedFollowUpStaysAFollowUp(t *testing.T) {
	e := newEnv(t)
	s := practiceSetup(questions.Behavioral)
	s.Reading = 0
	q, _ := e.c.App.Bank.Get("test-behavioral")
	m := WithQuestions(e.c, s, []*questions.Question{q})
	m.SetSize(80, 23)
	drive(t, m, m.Init())
	typeText(t, m, goodAnswer)
	press(t, m, "ctrl+s", "enter")
	if !m.isFollowUp() {
		t.Fatal("no follow-up")
	}
	first := m.parentAttempt
	typeText(t, m, "I would cut scope earlier")
	e.tick(t, m, 4*time.Second)
	d, ok, _ := newestDraft(e.st)
	if !ok || d.ParentID != first {
		t.Fatalf("draft %+v", d)
	}
	r := Resume(e.c, d)
	r.SetSize(80, 23)
	drive(t, r, r.Init())
	if !r.isFollowUp() || r.parentAttempt != first || !strings.Contains(ansi.Strip(r.View()), "Follow-up to question 1") {
		t.Fatalf("resumed: follow-up %v, parent %d\n%s", r.isFollowUp(), r.parentAttempt, ansi.Strip(r.View()))
	}
	press(t, r, "ctrl+s")
	if r.canFollowUp() {
		t.Fatal("a follow-up of the resumed follow-up")
	}
	a, _ := e.st.Attempts(context.Background(), m.sessionID)
	if len(a) != 2 || a[1].ParentID != first || a[1].Answer != "I would cut scope earlier" {
		t.Fatalf("attempts %+v", a)
	}
}

func TestAnswerTakesAnyNumberOfLines(t *testing.T) {
	e := newEnv(t)
	s := practiceSetup(questions.Technical)
	s.Reading = 0
	m := start(t, e, s)
	var want []string
	for i := 1; i <= 40; i++ {
		line := "line " + strings.Repeat("x", i%7)
		want = append(want, line)
		typeText(t, m, line)
		if i < 40 {
			press(t, m, "enter")
		}
	}
	if got := m.area.Value(); got != strings.Join(want, "\n") {
		t.Fatalf("the box kept %d of 40 lines", strings.Count(got, "\n")+1)
	}
	// the box scrolls inside the window: the question and clock stay
	if v := ansi.Strip(m.View()); lipgloss.Height(v) > m.Height || !strings.Contains(v, "words") {
		t.Fatalf("40 lines pushed the screen past its %d rows:\n%s", m.Height, v)
	}
}

// newestDraft is the most recently saved unfinished answer, if any.
func newestDraft(st *store.Store) (store.Draft, bool, error) {
	list, err := st.Drafts(context.Background())
	if err != nil || len(list) == 0 {
		return store.Draft{}, false, err
	}
	return list[0], true, nil
}

func TestContinueAnUnfinishedSessionAtItsNextQuestion(t *testing.T) {
	e := newEnv(t)
	s := practiceSetup(questions.Behavioral)
	s.Count, s.Reading, s.FollowUps = 2, 0, false
	m := start(t, e, s)
	first := m.q.ID
	typeText(t, m, goodAnswer)
	press(t, m, "ctrl+s", "enter")
	second := m.q.ID
	if second == first {
		t.Fatal("the second question should differ")
	}
	press(t, m, "esc", "esc") // left with nothing typed: no draft

	c := Continue(e.c, m.sessionID)
	c.SetSize(80, 23)
	drive(t, c, c.Init())
	if c.err != nil || c.phase != phaseAnswering || c.q == nil || c.q.ID != second || c.area.Value() != "" {
		t.Fatalf("continued: err %v, phase %v, question %v", c.err, c.phase, c.q)
	}
	typeText(t, c, "The second answer, given after a break.")
	press(t, c, "ctrl+s", "enter")
	if c.phase != phaseSummary {
		t.Fatalf("after the last question: phase %v, err %v", c.phase, c.err)
	}
	a, _ := e.st.Attempts(context.Background(), m.sessionID)
	if len(a) != 2 || a[0].QuestionID != first || a[1].QuestionID != second {
		t.Fatalf("both answers in the one session: %+v", a)
	}

	// A session with an answer in progress continues with that answer.
	m = start(t, e, s)
	typeText(t, m, "Half of it")
	press(t, m, "esc", "esc")
	c = Continue(e.c, m.sessionID)
	c.SetSize(80, 23)
	drive(t, c, c.Init())
	if c.err != nil || c.area.Value() != "Half of it" || c.q.ID != m.q.ID {
		t.Fatalf("continued with its draft: err %v, text %q", c.err, c.area.Value())
	}
}

// numbered is n lines "prefix 1" to "prefix n".
func numbered(prefix string, n int) string {
	var lines []string
	for i := 1; i <= n; i++ {
		lines = append(lines, fmt.Sprintf("%s %d", prefix, i))
	}
	return strings.Join(lines, "\n")
}

// answering starts a technical practice question with no reading time.
func answering(t *testing.T, e *env) *Model {
	s := practiceSetup(questions.Technical)
	s.Reading = 0
	return start(t, e, s)
}

func TestTheCursorLineStaysInSight(t *testing.T) {
	e := newEnv(t)
	m := answering(t, e)
	typeText(t, m, numbered("line", 30))
	for _, size := range [][2]int{{60, 16}, {40, 12}, {200, 60}, {120, 40}, {80, 23}} {
		m.SetSize(size[0], size[1])
		v := ansi.Strip(m.View())
		if !strings.Contains(v, "line 30") {
			t.Fatalf("%dx%d: the line being typed is out of sight:\n%s", size[0], size[1], v)
		}
		// a tall window shows the whole answer, not a short box over blank rows
		if size[1] == 60 && !strings.Contains(v, "line 2\n") && !strings.Contains(v, "line 2 ") {
			t.Fatalf("200x60: the box does not grow to show the answer:\n%s", v)
		}
	}
	press(t, m, "esc", "esc")
	d, _, _ := newestDraft(e.st)
	r := Resume(e.c, d)
	r.SetSize(80, 23)
	drive(t, r, r.Init())
	if v := ansi.Strip(r.View()); !strings.Contains(v, "line 30") {
		t.Fatalf("a resumed answer opens at its end:\n%s", v)
	}
}

// At 40x12 the hint gives way to the answer box: the box and the word
// count stay on screen, and the hint says what it left out.
func TestTheHintLeavesRoomForTheAnswer(t *testing.T) {
	m := answering(t, newEnv(t))
	typeText(t, m, "Sorted keys let a lookup skip most rows")
	press(t, m, "ctrl+t")
	m.SetSize(40, 12)
	v := ansi.Strip(m.View())
	if lipgloss.Height(v) > 12 || !strings.Contains(v, "lookup skip") || !strings.Contains(v, "words") || lipgloss.Width(v) > 40 {
		t.Fatalf("at 40x12 with the hint the answer is hidden:\n%s", v)
	}
	if !strings.Contains(v, "more lines") {
		t.Fatalf("the hint does not say it was cut:\n%s", v)
	}
}

// A pasted answer leaves the box at its cursor, the end of the paste,
// not somewhere in its middle.
func TestAPasteShowsItsEnd(t *testing.T) {
	m := answering(t, newEnv(t))
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(numbered("pasted line", 60)), Paste: true})
	drive(t, m, cmd)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "pasted line 60") {
		t.Fatalf("after the paste the box does not show its end:\n%s", v)
	}
}

// The answer and its feedback laid out at the smallest, the usual and a
// large window, in the dark and light looks and without colour.
func TestAnswerAndFeedbackGoldensAtThreeSizes(t *testing.T) {
	looks := []struct {
		name     string
		theme    common.Theme
		markdown *common.Markdown
	}{
		{"dark", common.DefaultTheme(), common.NewMarkdown(common.MarkdownDark, true)},
		{"light", common.DefaultTheme(), common.NewMarkdown(common.MarkdownLight, true)},
		{"no-color", common.MonochromeTheme(), common.NewMarkdown(common.MarkdownDark, false)},
	}
	for _, look := range looks {
		for _, size := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
			t.Run(fmt.Sprintf("%s-%dx%d", look.name, size[0], size[1]), func(t *testing.T) {
				e := newEnv(t)
				e.c.Styles, e.c.Markdown = common.NewStyles(look.theme), look.markdown
				m := answering(t, e)
				m.SetSize(size[0], size[1])
				typeText(t, m, goodAnswer)
				answer := m.View()
				if !strings.Contains(ansi.Strip(answer), "weeks.") {
					t.Errorf("the end of the answer being typed is out of sight:\n%s", ansi.Strip(answer))
				}
				press(t, m, "ctrl+s")
				feedback := m.View()
				for _, v := range []string{answer, feedback} {
					for _, l := range strings.Split(v, "\n") {
						if w := ansi.StringWidth(l); w > size[0] {
							t.Errorf("a line %d cells wide in a %d-cell window: %q", w, size[0], ansi.Strip(l))
						}
					}
				}
				golden.RequireEqual(t, []byte(answer+"\n---- feedback ----\n"+feedback))
			})
		}
	}
}
