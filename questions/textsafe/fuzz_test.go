package textsafe

import (
	"testing"
	"unicode/utf8"
)

// Crashers found by `go test -fuzz` land in testdata/fuzz/FuzzClean and run
// with every plain `go test` from then on.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"plain text", "\x1b]52;c;ZXZpbA==\x07", "\x1b]8;;http://x\x1b\\a\x1b]8;;\x1b\\",
		"\x1b[2J\x1b[?1049h", "\u009b31m", "\xc2\x9b31m", "\x9b31m", "\x1bP+q\x1b\\",
		"\x1b]0;\x1b]0;nested\x07\x07", "\x1b]52;c;unterminated", "\u202e\u2066\u200f",
		"👩‍💻 面试 שלום e\u0301", "👍🏽\u200d\x1b[m\u200d❤️", "\x1b", "\x1b[", "\x1b\x1b\x1b[",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Clean(in)
		if !utf8.ValidString(out) {
			t.Fatalf("Clean(%q) = %q: not valid UTF-8", in, out)
		}
		for _, r := range out {
			if isControl(r) {
				t.Fatalf("Clean(%q) = %q: control %U left", in, out, r)
			}
		}
		for _, r := range CleanMarked(in) {
			if isControl(r) {
				t.Fatalf("CleanMarked(%q): control %U left", in, r)
			}
		}
		if Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", in)
		}
		if isPlain(in) && out != in {
			t.Fatalf("printable text changed: %q -> %q", in, out)
		}
		// Streamed in two pieces, the text shows the same.
		cut := len(in) / 2
		var fl Filter
		if got := fl.Write(in[:cut]) + fl.Write(in[cut:]); got != out && len(in) <= maxPending {
			t.Fatalf("Filter split at %d: %q, Clean: %q", cut, got, out)
		}
	})
}
