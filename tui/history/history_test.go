package history

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/session"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
}

func setup(t *testing.T) (*Model, *store.Store, int64) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	at := time.Date(2026, 11, 27, 18, 30, 0, 0, time.Local)
	sid, _ := st.CreateSession(ctx, "practice", "backend", "{}", at)
	first, _ := st.AddAttempt(ctx, store.Attempt{SessionID: sid, QuestionID: "q1", QuestionText: "Explain indexes", Kind: "technical",
		Category: "databases", Answer: "A sorted tree.", Limit: time.Minute, Used: 40 * time.Second, TimerMode: "strict", Overall: 70,
		Report: `{"overall":70,"dimensions":[{"name":"Key points","score":70,"weight":40,"finding":"2 of 3","next":"Cover writes."}]}`})
	st.AddAttempt(ctx, store.Attempt{SessionID: sid, ParentID: first, QuestionID: "q1#1", QuestionText: "When is it skipped?", Kind: "technical",
		Category: "databases", Answer: "Low selectivity.", Limit: 30 * time.Second, Used: 20 * time.Second, TimerMode: "strict", Overall: 50, Report: "{}"})
	st.AddAttempt(ctx, store.Attempt{SessionID: sid, QuestionID: "b1", QuestionText: "A conflict you handled", Kind: "behavioral",
		Category: "conflict", Answer: "", Limit: time.Minute, TimerMode: "strict", Skipped: true, Report: "{}"})
	c := common.Common{Styles: common.NewStyles(common.DefaultTheme()), Markdown: common.NewMarkdown(common.MarkdownDark, false),
		App: &common.App{Store: st}}
	m := New(c)
	m.SetSize(80, 23)
	run(m, m.Init())
	return m, st, sid
}

func run(m *Model, cmd tea.Cmd) {
	for cmd != nil {
		msg := cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				run(m, c)
			}
			return
		}
		if msg == nil {
			return
		}
		_, cmd = m.Update(msg)
	}
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		if k == "enter" {
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		}
		_, cmd := m.Update(msg)
		run(m, cmd)
	}
}

func TestSessionsAttemptsAndDetail(t *testing.T) {
	m, _, _ := setup(t)
	if v := m.View(); !strings.Contains(v, "27 Nov 18:30") || !strings.Contains(v, "#1 ") || !strings.Contains(v, " 3 answers") {
		t.Fatalf("sessions:\n%s", v)
	}
	press(m, "enter")
	v := m.View()
	if !strings.Contains(v, "Explain indexes") || !strings.Contains(v, "↳ When is it skipped?") || !strings.Contains(v, "–") {
		t.Fatalf("attempts:\n%s", v)
	}
	press(m, "f") // first kind: behavioral
	if l := m.filtered(); len(l) != 1 || l[0].Kind != "behavioral" {
		t.Fatalf("kind filter: %v", l)
	}
	press(m, "f", "f") // technical, then all again
	if len(m.filtered()) != 3 {
		t.Fatal("filter cycles back to all")
	}
	press(m, "c") // first category: conflict
	if l := m.filtered(); len(l) != 1 || l[0].Category != "conflict" {
		t.Fatalf("category filter: %v", l)
	}
	press(m, "c", "c")
	press(m, "enter")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Your answer") || !strings.Contains(v, "A sorted tree.") || !strings.Contains(v, "Cover writes.") {
		t.Fatalf("detail:\n%s", v)
	}
	if !m.BackLevel() || m.level != levelAttempts || !m.BackLevel() || m.level != levelSessions || m.BackLevel() {
		t.Fatal("esc goes up a level at a time, then leaves")
	}
}

func TestSessionReport(t *testing.T) {
	m, _, _ := setup(t)
	press(m, "enter", "r")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Session report") || !strings.Contains(v, "Practice session") {
		t.Fatalf("report:\n%s", v)
	}
}

func TestDeleteNeedsConfirmation(t *testing.T) {
	m, st, sid := setup(t)
	press(m, "enter", "x")
	if !m.TakingText() || !strings.Contains(m.View(), "Delete this answer and its follow-ups?") {
		t.Fatalf("x asks first:\n%s", m.View())
	}
	press(m, "n")
	if a, _ := st.Attempts(context.Background(), sid); len(a) != 3 {
		t.Fatal("n keeps it")
	}
	press(m, "x", "y")
	if a, _ := st.Attempts(context.Background(), sid); len(a) != 1 || a[0].QuestionID != "b1" {
		t.Fatalf("y deletes the answer and its follow-up: %+v", a)
	}
	if len(m.filtered()) != 1 {
		t.Fatal("the list reloads after a delete")
	}
	m.BackLevel()
	press(m, "x", "y")
	if s, _ := st.Sessions(context.Background()); len(s) != 0 {
		t.Fatal("session not deleted")
	}
	if !strings.Contains(m.View(), "No sessions yet") {
		t.Fatalf("empty history:\n%s", m.View())
	}
}

func TestAnUnfinishedSessionContinues(t *testing.T) {
	m, st, sid := setup(t)
	ctx := context.Background()
	if err := st.SaveDraft(ctx, store.Draft{SessionID: sid, QuestionID: "s1", QuestionText: "Design a cache", Answer: "Start with reads",
		TimerMode: "strict", SavedAt: time.Date(2026, 11, 27, 18, 50, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	shown(m)
	if v := m.View(); !strings.Contains(v, "avg  40  in progress") {
		t.Fatalf("the row should say an answer is in progress:\n%s", v)
	}
	for _, level := range []string{"sessions", "answers"} {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("u")})
		if cmd == nil {
			t.Fatalf("u does nothing on the %s", level)
		}
		push, ok := cmd().(common.PushMsg)
		if !ok {
			t.Fatalf("u on the %s: %T", level, cmd())
		}
		if s, ok := push.Screen.(*session.Model); !ok || s == nil {
			t.Fatalf("u on the %s opened %T", level, push.Screen)
		}
		press(m, "enter")
	}

	// A finished session has nothing to continue.
	st.EndSession(ctx, sid, time.Now())
	m.level = levelSessions
	shown(m)
	if _, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("u")}); cmd != nil {
		t.Fatal("u should do nothing on a finished session")
	}
}

// shown tells the screen it is shown again, as the root does on going back.
func shown(m *Model) {
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 23})
	run(m, cmd)
}

// An answer's detail shows every answer to the same question, from any
// session, with what moved between them.
func TestOneQuestionOverTime(t *testing.T) {
	m, st, _ := setup(t)
	ctx := context.Background()
	later := time.Date(2026, 11, 29, 9, 0, 0, 0, time.Local)
	sid, _ := st.CreateSession(ctx, "drill", "backend", "{}", later)
	st.AddAttempt(ctx, store.Attempt{SessionID: sid, QuestionID: "q1", QuestionText: "Explain indexes", Kind: "technical",
		Category: "databases", Answer: "A sorted tree that also slows writes.", Limit: time.Minute, Used: 50 * time.Second,
		TimerMode: "strict", Overall: 88, StartedAt: later, SubmittedAt: later,
		Report: `{"overall":88,"words":7,"dimensions":[{"name":"Key points","score":100,"weight":40,"finding":"3 of 3","next":"Keep it."}]}`})
	run(m, m.Init())
	press(m, "enter") // the newest session: the drill
	press(m, "enter") // its answer
	press(m, "G")     // the end of the detail
	v := m.View()
	for _, want := range []string{"This question over time", "first answer", "key points 70→100", "(this one)"} {
		if !strings.Contains(v, want) {
			t.Errorf("the detail lacks %q:\n%s", want, v)
		}
	}
}

// e writes the session's report to the folder coach was started from.
func TestExportASessionFromHistory(t *testing.T) {
	m, _, sid := setup(t)
	dir := t.TempDir()
	t.Chdir(dir)
	press(m, "e")
	want := filepath.Join(dir, fmt.Sprintf("coach-session-%d.md", sid))
	data, err := os.ReadFile(want)
	if err != nil || !strings.Contains(string(data), "Explain indexes") {
		t.Fatalf("export: %v\n%s", err, data)
	}
	if v := m.View(); !strings.Contains(v, "Saved to") {
		t.Errorf("no word of the export:\n%s", v)
	}
	// the list's help shows no key that only works inside a session
	for _, b := range m.FullHelp() {
		for _, k := range b {
			if k.Help().Key == "r" || k.Help().Key == "f" || k.Help().Key == "c" {
				t.Errorf("the sessions list advertises %s", k.Help().Key)
			}
		}
	}
}

// / on the list finds the sessions whose questions or answers hold the
// words; esc shows every session again before it leaves.
func TestSearchSessions(t *testing.T) {
	m, st, first := setup(t)
	ctx := context.Background()
	other, _ := st.CreateSession(ctx, "mock", "sre", "{}", time.Date(2026, 11, 28, 9, 0, 0, 0, time.Local))
	st.AddAttempt(ctx, store.Attempt{SessionID: other, QuestionID: "k", QuestionText: "Explain Kafka consumer groups", Kind: "technical",
		Category: "messaging", Answer: "Partitions are shared.", Limit: time.Minute, TimerMode: "strict", Overall: 60, Report: "{}"})
	run(m, m.loadSessions())
	if len(m.sessions) != 2 {
		t.Fatalf("%d sessions", len(m.sessions))
	}
	press(m, "/")
	if !m.TakingText() {
		t.Fatal("the prompt does not take q and esc")
	}
	press(m, "s", "o", "r", "t", "e", "d")
	m.Update(tea.KeyMsg{Type: tea.KeySpace})
	press(m, "T", "R", "E", "E")
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	run(m, cmd)
	if len(m.sessions) != 1 || m.sessions[0].ID != first {
		t.Fatalf("search for an answer's words: %+v", m.sessions)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "1 session where a question or answer has “sorted TREE”") {
		t.Fatalf("the list does not say what it shows:\n%s", v)
	}
	press(m, "/")
	_, cmd = m.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	press(m, "z", "e", "b", "r", "a")
	_, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	run(m, cmd)
	if v := ansi.Strip(m.View()); len(m.sessions) != 0 || !strings.Contains(v, "No session has those words") {
		t.Fatalf("no match:\n%s", v)
	}
	if !m.BackLevel() || len(m.sessions) != 2 || m.BackLevel() {
		t.Fatal("esc shows every session again, then leaves")
	}
}
