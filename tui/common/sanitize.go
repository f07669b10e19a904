package common

import (
	"strings"
	"unicode/utf8"
)

// SanitizeText removes C0 and C1 control characters except newline and tab.
// Text from files and models can carry escape sequences (OSC 52 writes the
// clipboard, OSC 8 hides links, CSI moves the cursor); glamour and lipgloss
// pass them straight to the terminal, so they are dropped before rendering.
func SanitizeText(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == utf8.RuneError || !isControl(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
}
