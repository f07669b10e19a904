// Package looks runs a screen's golden tests in every look coach has (the
// dark and light themes, and no colour) at the three window sizes the
// project holds every screen to, and checks each frame fits its window.
package looks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/tui/common"
)

// Look is one way coach can be drawn.
type Look struct {
	Name     string
	Styles   *common.Styles
	Markdown *common.Markdown
}

// All lists the looks: dark, light and NO_COLOR.
func All() []Look {
	return []Look{
		{"dark", common.NewStyles(common.DefaultTheme()), common.NewMarkdown(common.MarkdownDark, true)},
		{"light", common.NewStyles(common.DefaultTheme()), common.NewMarkdown(common.MarkdownLight, true)},
		{"no-color", common.NewStyles(common.MonochromeTheme()), common.NewMarkdown(common.MarkdownDark, false)},
	}
}

// Sizes are the smallest window coach supports, the classic terminal and
// a large one.
var Sizes = [][2]int{{40, 12}, {80, 24}, {200, 60}}

// Each runs f as a subtest named look-WxH for every look and size.
func Each(t *testing.T, f func(t *testing.T, l Look, w, h int)) {
	for _, l := range All() {
		for _, s := range Sizes {
			t.Run(fmt.Sprintf("%s-%dx%d", l.Name, s[0], s[1]), func(t *testing.T) { f(t, l, s[0], s[1]) })
		}
	}
}

// Fits fails t when a line of frame is wider than w cells or the frame is
// taller than h lines: either would wrap or scroll the real terminal.
func Fits(t *testing.T, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		t.Errorf("%d lines in a %d-line window:\n%s", len(lines), h, ansi.Strip(frame))
	}
	for _, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("a line %d cells wide in a %d-cell window: %q", n, w, ansi.Strip(l))
		}
	}
}

// Pages draws a long view page by page, pressing page down until its end,
// checks each page fits the window and returns them joined for a golden.
func Pages(t *testing.T, w, h int, view func() string, atBottom func() bool, pageDown func()) string {
	t.Helper()
	var pages []string
	for i := 0; i < 60; i++ {
		v := view()
		Fits(t, v, w, h)
		pages = append(pages, v)
		if atBottom() {
			break
		}
		pageDown()
	}
	return strings.Join(pages, "\n---- pgdown ----\n")
}
