package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/coach-tui/coach/tui/common"
)

func TestSettingsScrollAndWrapPathsAtSlashes(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	path := "/home/someone/.config/coach-configuration-folder/config.yaml"
	m := New(common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Info: common.Info{
		ConfigPath: path, DataDir: "/home/someone/.local/share/coach", Theme: "dark", Color: true}}})
	m.SetSize(40, 12)
	v := ansi.Strip(m.View())
	if lipgloss.Height(v) > 12 {
		t.Fatalf("settings at 40x12 is %d lines tall", lipgloss.Height(v))
	}
	// every piece of the wrapped path ends at a slash or ends the path
	for _, piece := range []string{"/home/someone/", ".config/", "config.yaml"} {
		if !strings.Contains(v, piece) {
			t.Errorf("the path is broken inside a name; %q missing:\n%s", piece, v)
		}
	}
	m.Update(tea.KeyMsg{Type: tea.KeyEnd})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Network") && !strings.Contains(v, "LLM") {
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
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Theme in the config file: ‹ auto ›") || !strings.Contains(v, "LLM in the config file: ‹ false ›") {
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
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Restart coach to use it") || !strings.Contains(v, "LLM in the config file: ‹ true ›") || strings.Contains(v, "not created yet") {
		t.Errorf("after the changes:\n%s", v)
	}
}
