package tui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
}

func testInfo() common.Info {
	return common.Info{Version: "test", ConfigPath: "/home/u/.config/coach/config.yaml", DataDir: "/home/u/.local/share/coach", Theme: "auto", Dark: true, Color: false}
}

func newTestModel(t *testing.T, openDB OpenStore) *Model {
	t.Helper()
	return New(Options{
		Info:     testInfo(),
		Theme:    common.DefaultTheme(),
		Markdown: common.NewMarkdown(common.MarkdownDark, false),
		OpenDB:   openDB,
		LoadBank: testBank(t),
	})
}

const testBankYAML = `questions:
  - id: test-question
    text: Tell me about a project you are proud of.
    kind: behavioral
    category: motivation
    roles: [backend]
    difficulty: 1
    time: 2m
    key_points:
      - point: Names the project
        terms: [project]
    follow_ups: ["Why that one?"]
    outline: Situation, task, action, result.
`

// testBank loads a one-question bank so screens do not change whenever
// the default bank grows.
func testBank(t *testing.T) LoadBank {
	path := filepath.Join(t.TempDir(), "bank.yaml")
	if err := os.WriteFile(path, []byte(testBankYAML), 0o600); err != nil {
		t.Fatal(err)
	}
	return func() (*questions.Bank, error) {
		return questions.FromFiles([]string{path}, questions.Parser{}), nil
	}
}

func tempStore(t *testing.T) OpenStore {
	dir := filepath.Join(t.TempDir(), "data")
	return func(ctx context.Context) (*store.Store, error) {
		s, err := store.Open(ctx, dir)
		if err == nil {
			t.Cleanup(func() { s.Close() })
		}
		return s, err
	}
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(text))
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

func key1(s string) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func TestHomeGolden(t *testing.T) {
	tm := teatest.NewTestModel(t, newTestModel(t, tempStore(t)), teatest.WithInitialTermSize(80, 24))
	// The readiness lines load in a command of their own, after the bank:
	// wait for them, not for the bank's line alone.
	waitFor(t, tm, "Next: No behavioural practised yet")
	tm.Send(key1("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
	teatest.RequireEqualOutput(t, []byte(final.View()))
}

func TestNothingRenderedBeforeWindowSize(t *testing.T) {
	m := newTestModel(t, nil)
	if v := m.View(); v != "" {
		t.Fatalf("view before the first window size = %q, want empty", v)
	}
}

func sized(t *testing.T, w, h int) *Model {
	t.Helper()
	m := newTestModel(t, nil)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func TestEverySizeFitsTheWindow(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}, {39, 12}, {40, 11}, {120, 40}, {10, 3}, {1, 1}} {
		m := sized(t, size[0], size[1])
		for _, screen := range []string{"", "c", "p", "m", "d", "s", "e", "h", "r", "t", "y"} {
			if screen != "" {
				press(m, tea.KeyMsg{Type: tea.KeyEsc})
				press(m, key1(screen))
			}
			v := m.View()
			if h := lipgloss.Height(v); h > size[1] {
				t.Errorf("%dx%d screen %q: view is %d lines", size[0], size[1], screen, h)
			}
			for _, line := range strings.Split(v, "\n") {
				if w := lipgloss.Width(line); w > size[0] {
					t.Errorf("%dx%d screen %q: line %q is %d cells", size[0], size[1], screen, line, w)
				}
			}
		}
	}
}

// runCmds executes a command and feeds its messages back, the way the
// program would, so tests can follow navigation without a terminal.
func runCmds(m *Model, cmd tea.Cmd) {
	for cmd != nil {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				runCmds(m, c)
			}
			return
		}
		if msg == nil {
			return
		}
		_, cmd = m.Update(msg)
	}
}

func press(m *Model, k tea.KeyMsg) {
	_, cmd := m.Update(k)
	runCmds(m, cmd)
}

func TestTooSmall(t *testing.T) {
	m := sized(t, 39, 11)
	v := m.View()
	if !strings.Contains(v, "Terminal too small") || !strings.Contains(v, "39x11") {
		t.Fatalf("too-small view = %q", v)
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := m.View(); !strings.Contains(v, "Practice") {
		t.Fatalf("after growing, home should show: %q", v)
	}
}

func TestOpenSectionsAndGoBack(t *testing.T) {
	m := sized(t, 80, 24)
	press(m, key1("c"))
	if v := m.View(); !strings.Contains(v, "Settings") || !strings.Contains(v, "Data directory") {
		t.Fatalf("settings did not open: %q", v)
	}
	press(m, tea.KeyMsg{Type: tea.KeyEsc})
	press(m, key1("r"))
	v := m.View()
	if !strings.Contains(v, "Resume review") || !strings.Contains(v, "Resume file") {
		t.Fatalf("r opens the resume review: %q", v)
	}
	press(m, tea.KeyMsg{Type: tea.KeyEsc})
	if len(m.stack) != 1 {
		t.Fatalf("esc should return home, stack depth %d", len(m.stack))
	}
	// Esc at home does nothing, and arrow keys plus enter open too.
	press(m, tea.KeyMsg{Type: tea.KeyEsc})
	// The cursor stayed on Resume review (sixth); up six times wraps past
	// the first item to the last, Settings.
	for i := 0; i < 6; i++ {
		press(m, tea.KeyMsg{Type: tea.KeyUp})
	}
	press(m, tea.KeyMsg{Type: tea.KeyEnter})
	if v := m.View(); !strings.Contains(v, "Config file") {
		t.Fatalf("up from the first item wraps to Settings: %q", v)
	}
}

func TestHelpToggle(t *testing.T) {
	m := sized(t, 80, 24)
	if strings.Contains(m.View(), "ctrl+c") {
		t.Fatal("short help should not list ctrl+c")
	}
	press(m, key1("?"))
	v := m.View()
	if !strings.Contains(v, "ctrl+c") || !strings.Contains(v, "Example resume") {
		t.Fatalf("full help should list every key: %q", v)
	}
	if h := lipgloss.Height(v); h > 24 {
		t.Fatalf("full help overflows: %d lines", h)
	}
	press(m, key1("?"))
	if strings.Contains(m.View(), "ctrl+c") {
		t.Fatal("? should hide the full help again")
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []tea.KeyMsg{key1("q"), {Type: tea.KeyCtrlC}} {
		m := sized(t, 80, 24)
		_, cmd := m.Update(k)
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s should quit", k)
		}
	}
}

// textScreen takes typed text, so global keys other than ctrl+c must pass.
type textScreen struct {
	common.Common
	typed string
}

func (s *textScreen) Init() tea.Cmd { return nil }
func (s *textScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		if k.Type == tea.KeyRunes {
			s.typed += string(k.Runes)
		} else {
			s.typed += k.String()
		}
	}
	return s, nil
}
func (s *textScreen) View() string              { return "typed: " + s.typed }
func (s *textScreen) ShortHelp() []key.Binding  { return nil }
func (s *textScreen) FullHelp() [][]key.Binding { return nil }
func (s *textScreen) TakingText() bool          { return true }

func TestTextTakingScreenGetsQAndQuestionMark(t *testing.T) {
	m := sized(t, 80, 24)
	ts := &textScreen{}
	m.stack = append(m.stack, ts)
	for _, k := range []string{"q", "?"} {
		_, cmd := m.Update(key1(k))
		if cmd != nil {
			if _, ok := cmd().(tea.QuitMsg); ok {
				t.Fatalf("%q quit while typing", k)
			}
		}
	}
	if ts.typed != "q?" {
		t.Fatalf("screen got %q", ts.typed)
	}
}

func TestStoreOpensInTheBackground(t *testing.T) {
	m := newTestModel(t, tempStore(t))
	_, load := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(m.View(), "Loading your questions and history") {
		t.Fatal("home should say what is loading")
	}
	runCmds(m, load)
	if m.Store() == nil || m.common.App.Bank == nil {
		t.Fatal("store or bank did not load")
	}
	if !strings.Contains(m.View(), "1 question · offline") {
		t.Fatal("home should show the question count once loaded")
	}
}

func TestStoreErrorEndsTheProgram(t *testing.T) {
	want := errors.New("database /x/coach.db is not a readable coach database")
	m := newTestModel(t, func(context.Context) (*store.Store, error) { return nil, want })
	m.loadBank = nil
	_, load := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	_, cmd := m.Update(findMsg[storeOpenedMsg](load))
	if !errors.Is(m.Err(), want) {
		t.Fatalf("Err() = %v", m.Err())
	}
	if cmd == nil {
		t.Fatal("a store error should quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("a store error should quit")
	}
}

// panicScreen panics where it is told to.
type panicScreen struct {
	common.Common
	where string
}

func (s *panicScreen) Init() tea.Cmd {
	if s.where == "cmd" {
		return tea.Batch(nil, func() tea.Msg { panic("boom in cmd") })
	}
	return nil
}
func (s *panicScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok && s.where == "update" {
		panic("boom in update")
	}
	return s, nil
}
func (s *panicScreen) View() string {
	if s.where == "view" {
		panic("boom in view")
	}
	return "fine"
}
func (s *panicScreen) ShortHelp() []key.Binding  { return nil }
func (s *panicScreen) FullHelp() [][]key.Binding { return nil }

func TestPanicsBecomeACrashReport(t *testing.T) {
	for _, where := range []string{"update", "view", "cmd"} {
		t.Run(where, func(t *testing.T) {
			m := newTestModel(t, nil)
			m.stack = append(m.stack, &panicScreen{where: where})
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
			tm.Send(key1("x"))
			tm.Send(key1("x")) // after a View panic, any key quits
			final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
			c := final.Crashed()
			if c == nil {
				t.Fatal("no crash recorded")
			}
			if !strings.Contains(c.Error(), "boom in "+where) || len(c.Stack) == 0 {
				t.Fatalf("crash = %v", c)
			}
		})
	}
}

func TestSkippedBankFilesAreShownOnHome(t *testing.T) {
	m := newTestModel(t, tempStore(t))
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("questions: ["), 0o600)
	m.loadBank = func() (*questions.Bank, error) {
		return questions.FromFiles([]string{bad}, questions.Parser{}), nil
	}
	_, load := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runCmds(m, load)
	if v := m.View(); !strings.Contains(v, "1 bank file skipped: coach bank validate shows why") {
		t.Fatalf("home should warn about the skipped file:\n%s", v)
	}
}

// findMsg runs the commands of a batch until one returns a message of
// type T.
func findMsg[T any](cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			if found := findMsg[T](c); found != nil {
				return found
			}
		}
		return nil
	}
	if _, ok := msg.(T); ok {
		return msg
	}
	return nil
}

// Keys typed faster than the program reads arrive as one message; each
// must still act.
func TestLettersArrivingTogetherEachAct(t *testing.T) {
	m := sized(t, 80, 24)
	press(m, key1("c")) // settings
	press(m, tea.KeyMsg{Type: tea.KeyEsc})
	// "jj" moves the home cursor twice, then enter opens.
	press(m, key1("jj"))
	press(m, tea.KeyMsg{Type: tea.KeyEnter})
	// From Settings (last), two downs wrap to Mock interview (second).
	if v := m.View(); !strings.Contains(v, "Mock interview ·") {
		t.Fatalf("jj should have moved twice:\n%s", v)
	}
	// Typed text stays whole: the text-taking screen gets "qq" as typed.
	m = sized(t, 80, 24)
	ts := &textScreen{}
	m.stack = append(m.stack, ts)
	m.Update(key1("qq"))
	if ts.typed != "qq" {
		t.Fatalf("text screen got %q", ts.typed)
	}
}

// boxScreen is a screen with one of the app's text boxes, which binds
// "down", "enter", "home" and the like to moves.
type boxScreen struct {
	common.Common
	area textarea.Model
}

func (s *boxScreen) Init() tea.Cmd { return nil }
func (s *boxScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	var cmd tea.Cmd
	s.area, cmd = s.area.Update(msg)
	return s, cmd
}
func (s *boxScreen) View() string              { return s.area.View() }
func (s *boxScreen) ShortHelp() []key.Binding  { return nil }
func (s *boxScreen) FullHelp() [][]key.Binding { return nil }
func (s *boxScreen) TakingText() bool          { return true }

// Words that name keys, arriving in one read, are text in a text box.
func TestKeyNamesArrivingTogetherAreText(t *testing.T) {
	m := sized(t, 80, 24)
	box := &boxScreen{area: common.NewTextArea(common.NewStyles(common.DefaultTheme()), "")}
	box.area.Focus()
	m.stack = append(m.stack, box)
	words := []string{"down", " ", "up", " ", "left", " ", "right", " ", "home", " ", "end", " ", "enter", " ", "delete", " ", "pgup", " ", "tab", " ", "esc"}
	for _, w := range words {
		m.Update(key1(w))
	}
	if got, want := box.area.Value(), strings.Join(words, ""); got != want {
		t.Fatalf("the box holds %q, want %q", got, want)
	}
	if m.active() != box {
		t.Fatal(`"esc" typed as text left the screen`)
	}
}

type manyKeys struct{}

func (manyKeys) ShortHelp() []key.Binding {
	var b []key.Binding
	for _, k := range []string{"a", "b", "c", "d", "e", "f", "h", "i", "l", "o"} {
		b = append(b, key.NewBinding(key.WithKeys(k), key.WithHelp(k, "does something long")))
	}
	return b
}
func (manyKeys) FullHelp() [][]key.Binding { return nil }

// A help line too long for 80 columns is cut from the right; the way back
// and out is never what is cut.
func TestTheHelpLineKeepsBackAndQuitAt80Columns(t *testing.T) {
	m := sized(t, 80, 24)
	for _, typing := range []bool{false, true} {
		k := keyMap{global: m.keys, screen: manyKeys{}, typing: typing}
		line := m.help.View(k)
		want := []string{"esc back", "q quit"}
		if typing {
			want = []string{"ctrl+c quit"}
		}
		for _, w := range want {
			if !strings.Contains(line, w) {
				t.Errorf("typing %v: %q is cut from %q", typing, w, line)
			}
		}
	}
}

func TestTooSmallIsWrappedNotCut(t *testing.T) {
	m := sized(t, 24, 8)
	v := ansi.Strip(m.View())
	for _, w := range []string{"Terminal too small", "coach needs", "press q to", "quit."} {
		if !strings.Contains(v, w) {
			t.Errorf("a 24x8 window loses %q:\n%s", w, v)
		}
	}
}
