package posting

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/coach-tui/coach/coach/resume"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/loop"
	"github.com/coach-tui/coach/tui/session"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
}

const fixtures = "../../coach/resume/testdata"

// noSkillPosting names nothing from coach's taxonomy, not even a soft
// skill.
const noSkillPosting = "Dog walker\n\nWalk three friendly dogs around the park twice a day, in any weather.\nYou will need a bicycle and a love of dogs.\n"

func readPosting(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, "postings", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// chosen is a setup unlike the default, as the practice screen would pass
// it, so the session can be seen to keep it.
func chosen() sess.Setup {
	s := sess.DefaultSetup()
	s.Role, s.Timer, s.Reading, s.Allowance, s.FollowUps = questions.Platform, sess.Soft, 0, 1.5, false
	s.Kinds, s.Count = []questions.Kind{questions.Technical}, 3
	return s
}

// env is a screen on a real store and the embedded bank.
type env struct {
	m  *Model
	st *store.Store
	c  common.Common
}

func newEnv(t *testing.T, l common.LLM) *env {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := common.Common{
		Styles: common.NewStyles(common.DefaultTheme()), Markdown: common.NewMarkdown(common.MarkdownDark, false),
		App: &common.App{Store: st, Bank: bank, LLM: l},
	}
	m := New(c, chosen())
	m.SetSize(80, 23)
	return &env{m: m, st: st, c: c}
}

// driven is what the screen asked of the root while its commands ran.
type driven struct {
	pushed   []common.Screen
	consents []bool
	back     bool
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
		case common.BackMsg:
			d.back = true
			return nil
		}
		_, next := m.Update(msg)
		if seen != nil {
			seen()
		}
		return next
	}, cmd, func() bool { return cond(d) }, 10*time.Second)
	if err != nil {
		t.Fatalf("%v; view:\n%s", err, plainView(m))
	}
	return d
}

func until(f func() bool) func(*driven) bool { return func(*driven) bool { return f() } }

func pushedOne(d *driven) bool { return len(d.pushed) > 0 }

func send(m *Model, msg tea.KeyMsg) tea.Cmd {
	_, cmd := m.Update(msg)
	return cmd
}

func press(m *Model, k string) tea.Cmd {
	switch k {
	case "esc":
		return send(m, tea.KeyMsg{Type: tea.KeyEsc})
	case "enter":
		return send(m, tea.KeyMsg{Type: tea.KeyEnter})
	case "ctrl+s":
		return send(m, tea.KeyMsg{Type: tea.KeyCtrlS})
	}
	return send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
}

// paste sends text as a terminal's bracketed paste does: one message.
func paste(m *Model, text string) {
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true})
}

func plainView(m *Model) string { return ansi.Strip(m.View()) }

// flatView is the view's words on one line, so wrapped sentences match.
// The textarea's prompt bars are dropped.
func flatView(m *Model) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(plainView(m), "┃", " ")), " ")
}

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

// planned opens the session s the screen pushed and returns the setup it
// recorded: its plan and the choices it runs under.
func (e *env) planned(t *testing.T, s common.Screen) sess.Setup {
	t.Helper()
	sm, ok := s.(*session.Model)
	if !ok {
		t.Fatalf("pushed %T, want a session", s)
	}
	sm.SetSize(80, 23)
	sm.Update(sm.Init()())
	started, err := e.st.Session(context.Background(), sm.SessionID())
	if err != nil {
		t.Fatalf("session %d: %v", sm.SessionID(), err)
	}
	return sess.DecodeSetup(started.Setup)
}

// bankFor is what the domain picks for the posting: the screen must start
// exactly these.
func bankFor(t *testing.T, e *env, text string) (*resume.Posting, []string) {
	t.Helper()
	p, qs, err := resume.QuestionsForPosting(text, resume.Options{Bank: e.c.App.Bank})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, q := range qs {
		ids = append(ids, q.ID)
	}
	return p, ids
}

func TestOfflinePostingStartsBankQuestions(t *testing.T) {
	e := newEnv(t, common.LLM{})
	text := readPosting(t, "backend-go.txt")
	if !e.m.TakingText() {
		t.Fatal("the posting takes typed text from the start")
	}
	paste(e.m, text)
	if e.m.text.Value() != text {
		t.Fatalf("the paste did not land whole: %d of %d bytes", len(e.m.text.Value()), len(text))
	}
	d := await(t, e.m, press(e.m, "ctrl+s"), pushedOne, nil)
	if len(d.pushed) != 1 || len(d.consents) != 0 {
		t.Fatalf("pushed %d, consents %v", len(d.pushed), d.consents)
	}
	p, want := bankFor(t, e, text)
	if len(want) != 6 {
		t.Fatalf("the domain picked %v", want)
	}
	got := e.planned(t, d.pushed[0])
	if !slices.Equal(got.Plan, want) {
		t.Fatalf("plan %v, want the bank's %v", got.Plan, want)
	}
	skills := map[string]bool{}
	for _, k := range p.Keywords {
		skills[k.Skill] = true
	}
	for _, id := range got.Plan {
		q, ok := e.c.App.Bank.Get(id)
		if !ok || !slices.ContainsFunc(q.Tags, func(s string) bool { return skills[s] }) {
			t.Errorf("%s does not practise a skill of the posting", id)
		}
	}
	// The session keeps the practice screen's choices, asks every question
	// given, and is for the posting's role.
	c := chosen()
	if got.Mode != sess.Practice || got.Count != len(want) || got.Timer != c.Timer || got.Reading != c.Reading ||
		got.Allowance != c.Allowance || got.FollowUps != c.FollowUps || len(got.Kinds) != 0 {
		t.Errorf("session setup %+v, chosen %+v", got, c)
	}
	if r, ok := p.QuestionRole(); ok && got.Role != r {
		t.Errorf("role %s, posting's %s", got.Role, r)
	}

	// Back from the session, the posting is still there with what it gave.
	if e.m.phase != phaseEditing || e.m.text.Value() != text || !e.m.TakingText() {
		t.Fatalf("after the push: phase %v, text kept %v", e.m.phase, e.m.text.Value() == text)
	}
	if v := flatView(e.m); !strings.Contains(v, "Found: Go,") || !strings.Contains(v, "· 6 bank questions") {
		t.Errorf("no summary:\n%s", plainView(e.m))
	}
}

func TestPostingWithoutKnownSkills(t *testing.T) {
	e := newEnv(t, common.LLM{})
	paste(e.m, noSkillPosting)
	d := await(t, e.m, press(e.m, "ctrl+s"), until(func() bool { return e.m.phase == phaseEditing }), nil)
	if len(d.pushed) != 0 {
		t.Fatal("a session started with nothing to practise")
	}
	if v := flatView(e.m); !strings.Contains(v, "The posting names none of the skills coach has questions for") {
		t.Fatalf("no plain message:\n%s", plainView(e.m))
	}
	if e.m.text.Value() != noSkillPosting || !e.m.TakingText() {
		t.Fatal("the posting's text was not kept for editing")
	}
	fits(t, e.m.View(), 80, 23)
	e.m.SetSize(40, 12)
	fits(t, e.m.View(), 40, 12)
	if !strings.Contains(flatView(e.m), "nothing to practise") {
		t.Fatalf("the message is cut at 40x12:\n%s", plainView(e.m))
	}
}

func TestEmptyPostingAndEsc(t *testing.T) {
	e := newEnv(t, common.LLM{})
	if cmd := press(e.m, "ctrl+s"); cmd != nil || !strings.Contains(flatView(e.m), "Paste the job posting first.") {
		t.Fatalf("ctrl+s on nothing:\n%s", plainView(e.m))
	}
	// q and ? are typed into the posting, esc leaves.
	press(e.m, "q")
	press(e.m, "?")
	if e.m.text.Value() != "q?" {
		t.Fatalf("typed %q", e.m.text.Value())
	}
	if msg := press(e.m, "esc")(); msg != (common.BackMsg{}) {
		t.Fatalf("esc sent %v", msg)
	}
	if e.m.BackLevel() {
		t.Fatal("no level to go back to while editing")
	}
	if _, ok := e.m.Cancel(); ok {
		t.Fatal("nothing to cancel while editing")
	}
}

func TestFitsTheSmallestWindow(t *testing.T) {
	e := newEnv(t, common.LLM{})
	paste(e.m, readPosting(t, "senior-backend.md"))
	for _, size := range [][2]int{{80, 23}, {40, 12}, {40, 11}} {
		e.m.SetSize(size[0], size[1])
		v := e.m.View()
		fits(t, v, size[0], size[1])
		if !strings.Contains(v, "Practise for a job posting") {
			t.Errorf("no title at %v:\n%s", size, v)
		}
	}
	// The explanation goes before the posting's rows do.
	e.m.SetSize(80, 23)
	if e.m.compact || !strings.Contains(flatView(e.m), "Paste a job posting") || e.m.text.Height() < minRows {
		t.Errorf("80x23: compact %v, %d rows\n%s", e.m.compact, e.m.text.Height(), plainView(e.m))
	}
}

func TestThePostingComesBackNextTime(t *testing.T) {
	e := newEnv(t, common.LLM{})
	text := readPosting(t, "backend-go.txt")
	paste(e.m, text)
	await(t, e.m, press(e.m, "ctrl+s"), pushedOne, nil)

	again := New(e.c, chosen())
	again.SetSize(80, 23)
	await(t, again, again.Init(), func(*driven) bool { return again.text.Value() != "" }, nil)
	if again.text.Value() != text {
		t.Fatalf("the posting was not kept: %d of %d bytes", len(again.text.Value()), len(text))
	}
}
