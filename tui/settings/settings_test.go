package settings

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

func TestSettingsScrollAndWrapPathsAtSlashes(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	path := "/home/someone/.config/coach-configuration-folder/config.yaml"
	m := New(common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Info: common.Info{
		ConfigPath: path, DataDir: "/home/someone/.local/share/coach", Theme: "dark", Color: true}}})
	m.SetSize(40, 12)
	if v := ansi.Strip(m.View()); lipgloss.Height(v) > 12 {
		t.Fatalf("settings at 40x12 is %d lines tall", lipgloss.Height(v))
	}
	m.SetSize(40, 40) // tall enough for every row: the wrapping is what is checked
	v := ansi.Strip(m.View())
	// every piece of the wrapped path ends at a slash or ends the path
	for _, piece := range []string{"/home/someone/", ".config/", "config.yaml"} {
		if !strings.Contains(v, piece) {
			t.Errorf("the path is broken inside a name; %q missing:\n%s", piece, v)
		}
	}
	m.SetSize(40, 12)
	m.View() // drawn at the new size, as the program does before a key
	m.Update(tea.KeyMsg{Type: tea.KeyEnd})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Version") {
		t.Errorf("end does not reach the last settings:\n%s", v)
	}
}

func run(m *Model, cmd tea.Cmd) {
	if cmd != nil {
		m.Update(cmd())
	}
}

func keyOf(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// The theme and the LLM switch change from the screen and are written to
// the config file, its comments kept; the screen says a restart applies them.
func TestSettingsChangeTheConfigFile(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	path := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(path, []byte("# mine\ntheme: auto\nllm:\n  enabled: false\n  model: llama3.1 # local\n"), 0o600)
	m := New(common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Info: common.Info{ConfigPath: path, Theme: "auto", Color: true}}})
	m.SetSize(80, 24)
	run(m, m.Init())
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Theme: ‹ auto ›") || !strings.Contains(v, "LLM: ‹ false ›") {
		t.Fatalf("settings as read:\n%s", v)
	}
	_, cmd := m.Update(keyOf("enter")) // theme: auto -> dark
	run(m, cmd)
	m.Update(keyOf("down"))
	_, cmd = m.Update(keyOf("enter")) // llm: false -> true
	run(m, cmd)
	m.Update(keyOf("up"))
	_, cmd = m.Update(keyOf("left")) // theme: dark -> auto, going back
	run(m, cmd)
	data, _ := os.ReadFile(path)
	for _, want := range []string{"# mine", "theme: auto", "enabled: true", "model: llama3.1 # local"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the config file lacks %q:\n%s", want, data)
		}
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "in use now") || !strings.Contains(v, "LLM: ‹ true ›") || strings.Contains(v, "not created yet") {
		t.Errorf("after the changes:\n%s", v)
	}
}

// A new theme is put to use at once (the root applies ThemeMsg); the LLM
// switch waits for a restart, and says so.
func TestThemeIsAppliedAndTheLLMWaitsForARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	m := New(common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Info: common.Info{ConfigPath: path, Theme: "auto", Color: true}}})
	m.SetSize(80, 24)
	run(m, m.Init())
	_, cmd := m.Update(keyOf("enter"))
	_, cmd = m.Update(cmd())
	if cmd == nil {
		t.Fatal("a new theme asks for nothing to be applied")
	}
	if msg, ok := cmd().(common.ThemeMsg); !ok || msg.Theme != "dark" {
		t.Fatalf("theme saved, then %#v", cmd())
	}
	m.Update(keyOf("down"))
	_, cmd = m.Update(keyOf("enter"))
	if _, cmd = m.Update(cmd()); cmd != nil {
		t.Fatalf("the LLM switch sent %#v; it applies on restart", cmd())
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Restart coach to use it") {
		t.Errorf("no word of the restart:\n%s", v)
	}
}

// The next session's choices change from Settings and are kept in the
// database for practice and mock alike, each keeping its own other choices.
func TestSettingsChangeTheNextSession(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	mine := sess.DefaultSetup()
	mine.Company, mine.Count = "Initech", 8
	if err := st.SetSetting(ctx, "setup.practice", mine.Encode()); err != nil {
		t.Fatal(err)
	}
	m := New(common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Store: st,
		Info: common.Info{ConfigPath: filepath.Join(t.TempDir(), "config.yaml"), Theme: "auto", Color: true}}})
	m.SetSize(80, 24)
	for _, msg := range m.Init()().(tea.BatchMsg) {
		run(m, msg)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Role: ‹ Backend ›") || !strings.Contains(v, "How many: ‹ 8 ›") {
		t.Fatalf("the remembered setup is not shown:\n%s", v)
	}
	m.Update(keyOf("down")) // LLM
	m.Update(keyOf("down")) // Role
	_, cmd := m.Update(keyOf("left"))
	run(m, cmd) // backend, going back, wraps to platform
	for _, k := range []string{"down", "down", "down"} {
		m.Update(keyOf(k)) // Reading time
	}
	_, cmd = m.Update(keyOf("enter"))
	run(m, cmd) // 10s -> 20s
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Role: ‹ Platform ›") || !strings.Contains(v, "Reading time: ‹ 20s before the clock ›") || !strings.Contains(v, "saved for the next practice session") {
		t.Fatalf("after the changes:\n%s", v)
	}
	for mode, count := range map[string]int{"practice": 8, "mock": 6} {
		raw, ok, _ := st.Setting(ctx, "setup."+mode)
		s := sess.DecodeSetup(raw)
		if !ok || s.Role != questions.Platform || s.Reading.Seconds() != 20 || s.Count != count {
			t.Errorf("%s setup stored as %s", mode, raw)
		}
	}
	if raw, _, _ := st.Setting(ctx, "setup.practice"); !strings.Contains(raw, `"company":"Initech"`) {
		t.Errorf("the practice setup lost its company: %s", raw)
	}
}

// At 40x9 the rows do not fit: ↓ to the last setting scrolls it into
// view, and ↑ back to the first scrolls up again.
func TestSettingsCursorStaysOnScreen(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := New(common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Info: common.Info{
		ConfigPath: "/tmp/c.yaml", DataDir: "/tmp/d", Theme: "dark", Color: true}}})
	m.SetSize(40, 9)
	m.View()
	m.Update(tea.KeyMsg{Type: tea.KeyEnd}) // read to the end, then come back
	for range m.rowCount() {
		m.Update(keyOf("up"))
		if v := ansi.Strip(m.View()); !strings.Contains(v, "› ") {
			t.Fatalf("row %d is selected but off screen:\n%s", m.cursor, v)
		}
	}
	for range m.rowCount() {
		m.Update(keyOf("down"))
		if v := ansi.Strip(m.View()); !strings.Contains(v, "› ") {
			t.Fatalf("row %d is selected but off screen:\n%s", m.cursor, v)
		}
	}
	for range m.rowCount() {
		m.Update(keyOf("up"))
		if v := ansi.Strip(m.View()); !strings.Contains(v, "› ") {
			t.Fatalf("row %d is selected but off screen:\n%s", m.cursor, v)
		}
	}
}
