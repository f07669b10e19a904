package common

import "github.com/coach-tui/coach/questions/textsafe"

// SanitizeText makes text from files and models safe to render: escape
// sequences are removed whole (OSC 52 writes the clipboard, OSC 8 hides
// links, CSI moves the cursor) and other control characters except newline
// and tab are dropped. glamour and lipgloss pass such sequences straight to
// the terminal. The logic lives in coach/textsafe, shared with coach/llm.
func SanitizeText(s string) string { return textsafe.Clean(s) }
