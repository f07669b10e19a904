package common

import "testing"

func TestSanitizeTextRemovesWholeSequences(t *testing.T) {
	tests := map[string]string{
		"OSC 52": "a\x1b]52;c;ZXZpbA==\x07b",
		"OSC 8":  "a\x1b]8;;https://evil.example\x1b\\b\x1b]8;;\x1b\\",
		"CSI 2J": "a\x1b[2J\x1b[Hb",
		"DCS":    "a\x1bP+q544e\x1b\\b",
		"C1 CSI": "a\u009b2Jb",
	}
	for name, in := range tests {
		if got := SanitizeText(in); got != "ab" {
			t.Errorf("%s: SanitizeText(%q) = %q, want %q", name, in, got, "ab")
		}
	}
}
