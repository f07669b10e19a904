package tui

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"github.com/coach-tui/coach/tui/common"
)

// readmeKeys are the keys the README's Keys table names, in backticks.
func readmeKeys(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, "\n## Keys\n")
	if start < 0 {
		t.Fatal("the README has no Keys section")
	}
	end := strings.Index(text[start+1:], "\n## ")
	table := text[start : start+1+end]
	out := map[string]bool{}
	for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(table, -1) {
		for _, k := range strings.Split(m[1], "/") {
			out[strings.TrimSpace(k)] = true
		}
		out[m[1]] = true
	}
	return out
}

// Every key a screen's help shows, on opening, is in the README's Keys
// table: the table is the app's keys, read from the app.
func TestTheReadmeKeysTableMatchesTheApp(t *testing.T) {
	documented := readmeKeys(t)
	m := sized(t, 100, 30)
	check := func(where string, bs []key.Binding) {
		for _, b := range bs {
			if !b.Enabled() {
				continue
			}
			names := strings.Split(b.Help().Key, "/")
			if b.Help().Key == "/" {
				names = []string{"/"} // the search key, not a separator
			}
			for _, k := range names {
				k = strings.TrimSpace(k)
				if k != "" && !documented[k] && !documented[b.Help().Key] {
					t.Errorf("%s shows %q (%s), which the README's Keys table does not name", where, b.Help().Key, b.Help().Desc)
				}
			}
		}
	}
	keys := common.DefaultGlobalKeys()
	check("every screen", []key.Binding{keys.Back, keys.Help, keys.Quit, keys.ForceQuit})
	for _, s := range sections {
		screen := s.open(m.common)
		screen.SetSize(100, 28)
		check(string(s.ID), screen.ShortHelp())
		for _, group := range screen.FullHelp() {
			check(string(s.ID), group)
		}
	}
}
