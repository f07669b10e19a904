package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Minimum terminal size at which screens promise a usable layout.
const (
	MinWidth  = 40
	MinHeight = 12
)

// Fit cuts a rendered view to width x height cells: long lines are
// truncated (ANSI-aware) and lines past the height are dropped, so no view
// can scroll the terminal or wrap into a broken layout.
func Fit(view string, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	lines := strings.Split(view, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) <= width {
			continue
		}
		// Padding past the edge is dropped silently; only cut text gets
		// an ellipsis.
		tail := "…"
		if ansi.StringWidth(strings.TrimRight(ansi.Strip(l), " ")) <= width {
			tail = ""
		}
		lines[i] = ansi.Truncate(l, width, tail)
	}
	return strings.Join(lines, "\n")
}
