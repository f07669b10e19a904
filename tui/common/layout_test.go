package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

func TestFit(t *testing.T) {
	tests := []struct {
		name, in string
		w, h     int
		want     string
	}{
		{"fits", "ab\ncd", 5, 5, "ab\ncd"},
		{"cuts lines", "a\nb\nc", 5, 2, "a\nb"},
		{"cuts text with ellipsis", "abcdefgh", 5, 1, "abcd…"},
		{"drops padding silently", "abc     ", 5, 1, "abc  "},
		{"wide runes", "面试面试", 5, 1, "面试…"},
		{"nothing to draw in", "abc", 0, 3, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fit(tt.in, tt.w, tt.h); got != tt.want {
				t.Fatalf("Fit(%q, %d, %d) = %q, want %q", tt.in, tt.w, tt.h, got, tt.want)
			}
		})
	}
}

func TestFitKeepsANSIWithinWidth(t *testing.T) {
	styled := lipgloss.NewStyle().Bold(true).Render(strings.Repeat("x", 50))
	out := Fit(styled, 20, 1)
	if w := lipgloss.Width(out); w != 20 {
		t.Fatalf("width %d, want 20", w)
	}
}

func TestSanitizeText(t *testing.T) {
	in := "ok\tline\n\x1b]52;c;ZXZpbA==\x07\x1b[2Jdone\u009b31m"
	want := "ok\tline\ndone" // whole sequences go, not just their ESC
	if got := SanitizeText(in); got != want {
		t.Fatalf("SanitizeText = %q, want %q", got, want)
	}
	if got := SanitizeText("plain 面试👍"); got != "plain 面试👍" {
		t.Fatalf("clean text changed: %q", got)
	}
}
