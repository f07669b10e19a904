package settings

import (
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
