package textsafe

import (
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "plain 面试👍 text", "plain 面试👍 text"},
		{"newline and tab kept", "a\tb\nc\r\n", "a\tb\nc\n"},
		{"OSC 52 clipboard, BEL", "x\x1b]52;c;ZXZpbA==\x07y", "xy"},
		{"OSC 52 clipboard, ST", "x\x1b]52;c;ZXZpbA==\x1b\\y", "xy"},
		{"OSC 8 hyperlink", "see \x1b]8;;https://evil.example\x1b\\docs\x1b]8;;\x1b\\ now", "see docs now"},
		{"OSC 0 title", "\x1b]0;pwned\x07ok", "ok"},
		{"CSI 2J clear", "a\x1b[2Jb", "ab"},
		{"CSI SGR and cursor", "\x1b[1;31mred\x1b[0m\x1b[10;5H!", "red!"},
		{"CSI private mode", "\x1b[?1049hz", "z"},
		{"C1 CSI", "done\u009b31m.", "done."},
		{"C1 OSC", "a\u009d52;c;Zm9v\u009cb", "ab"},
		{"DCS", "a\x1bP+q544e\x1b\\b", "ab"},
		{"C1 DCS", "a\u0090q#0;2;0;0;0\u009cb", "ab"},
		{"APC and PM", "a\x1b_G a=t\x1b\\b\x1b^pm\x1b\\c", "abc"},
		{"two-byte ESC", "a\x1bcb\x1b(Bc\x1b7d", "abcd"},
		{"DCS ignores BEL", "a\x1bPx\x07y\x1b\\b", "ab"},
		{"OSC aborted by ESC", "a\x1b]0;t\x1b[2Jb", "ab"},
		{"unfinished OSC swallowed", "a\x1b]52;c;Zm9v", "a"},
		{"unfinished OSC ends at the line", "a\x1b]52;c;Zm9v\nthe rest\x1bPq\nshows", "a\nthe rest\nshows"},
		{"unfinished CSI", "a\x1b[3", "a"},
		{"lone ESC at end", "a\x1b", "a"},
		{"CSI cut by control", "a\x1b[3\nb", "a\nb"},
		{"other controls", "a\x00\x07\x08\x7fb\u0085c", "abc"},
		{"invalid UTF-8", "a\xffb\x9b2J", "a\ufffdb\ufffd2J"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(tt.in)
			if got != tt.want {
				t.Fatalf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if strings.ContainsAny(got, "\x1b\x07\u009b\u009d\u0090") {
				t.Fatalf("control left in %q", got)
			}
		})
	}
}

func TestFilterJoinsSplitSequences(t *testing.T) {
	in := "Hello 面试 \x1b]52;c;ZXZpbA==\x07world \x1b[2Jand \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ done"
	want := Clean(in)
	// Every split point, so sequences are cut in every possible place.
	for cut := 0; cut <= len(in); cut++ {
		for cut2 := cut; cut2 <= len(in); cut2 += 7 {
			var f Filter
			got := f.Write(in[:cut]) + f.Write(in[cut:cut2]) + f.Write(in[cut2:])
			if got != want {
				t.Fatalf("cuts %d,%d: %q, want %q", cut, cut2, got, want)
			}
		}
	}
}

func TestFilterBoundsPending(t *testing.T) {
	var f Filter
	f.Write("a\x1b]52;c;")
	f.Write(strings.Repeat("A", maxPending+10))
	if got := f.Write("visible"); got != "visible" {
		t.Fatalf("after an endless OSC, got %q", got)
	}
	f.Write("\x1b]0;x")
	f.Reset()
	if got := f.Write("ok"); got != "ok" {
		t.Fatalf("after Reset, got %q", got)
	}
}

func BenchmarkCleanPlain(b *testing.B) {
	s := strings.Repeat("A plain answer with **markdown** and numbers 42%.\n", 80)
	for b.Loop() {
		Clean(s)
	}
}

func TestCleanBidiAndKeptUnicode(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"RLO reorders", "file\u202egnp.exe", "filegnp.exe"},
		{"every embedding and override", "a\u202ab\u202bc\u202cd\u202de\u202ef", "abcdef"},
		{"isolates", "a\u2066b\u2067c\u2068d\u2069e", "abcde"},
		{"marks", "a\u200eb\u200fc\u061cd", "abcd"},
		{"right-to-left letters kept", "שלום مرحبا", "שלום مرحبا"},
		{"combining marks kept", "e\u0301 n\u0303", "e\u0301 n\u0303"},
		{"a joiner between letters goes too", "क्\u200dष", "क्ष"},
		{"CJK kept", "面试准备", "面试准备"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Fatalf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanDecodedReachesEveryString(t *testing.T) {
	type inner struct {
		Note   string
		hidden string
	}
	type doc struct {
		Title string
		Tags  []string
		Notes map[string]string
		In    *inner
		Any   any
		List  []any
		Raw   []byte
	}
	d := doc{
		Title: "t\x1b]0;x\x07",
		Tags:  []string{"a\u009b2J", "b"},
		Notes: map[string]string{"k\u202e": "v\x1b[31m"},
		In:    &inner{Note: "n\x1bPq\x1b\\", hidden: "\x1b"},
		Any:   "any\x07",
		List:  []any{"l\x1b[2J", map[string]any{"m": "m\x1b]52;c;x\x07"}},
		Raw:   []byte("\x1b"),
	}
	CleanDecoded(&d)
	if d.Title != "t" || d.Tags[0] != "a" || d.In.Note != "n" || d.Any != "any" || d.List[0] != "l" {
		t.Fatalf("not cleaned: %#v", d)
	}
	if d.Notes["k"] != "v" || len(d.Notes) != 1 {
		t.Fatalf("map not cleaned: %#v", d.Notes)
	}
	if m := d.List[1].(map[string]any); m["m"] != "m" {
		t.Fatalf("nested map not cleaned: %#v", m)
	}
	if d.In.hidden != "\x1b" || string(d.Raw) != "\x1b" {
		t.Fatal("unexported fields and bytes are left for their own decoder")
	}
}

func TestTextIsOnlyEverClean(t *testing.T) {
	a, b := Safe("one \x1b]0;t\x07two"), Safe("\u202ethree")
	if a.String() != "one two" || b.String() != "three" {
		t.Fatalf("Safe: %q %q", a, b)
	}
	// Joining a piece that ends inside a sequence with one that would
	// finish it cannot make a sequence: each was cleaned whole.
	j := Join(Safe("x\x1b"), Safe("]0;title\x07y"), Text{})
	if j.String() != "x]0;titley" || j.Len() != len(j.String()) {
		t.Fatalf("Join: %q", j)
	}
	if (Text{}).String() != "" {
		t.Fatal("the zero Text is not empty")
	}
}

// Terminals disagree on the width of joined emoji, so Clean leaves their
// parts: after it, measuring by grapheme cluster (as lipgloss, bubbles and
// the renderer do) and adding up each character's width (as a terminal
// that joins nothing does) give the same width.
func TestCleanLeavesEmojiEveryTerminalMeasuresAlike(t *testing.T) {
	tests := []struct{ in, want string }{
		{"👍🏽 ok", "👍 ok"},
		{"👨‍👩‍👧‍👦", "👨👩👧👦"},
		{"👩🏽‍💻 codes", "👩💻 codes"},
		{"❤️ and ❤︎", "❤ and ❤"},
		{"🏳️‍🌈", "🏳🌈"},
		{"🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏴"},
		{"1️⃣ first", "1⃣ first"},
		{"🇬🇧 flags stay", "🇬🇧 flags stay"},
	}
	for _, tt := range tests {
		got := Clean(tt.in)
		if got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if g, r := uniseg.StringWidth(got), runeWidths(got); g != r {
			t.Errorf("%q: %d cells by cluster, %d by character", got, g, r)
		}
		var f Filter
		var streamed strings.Builder
		for _, r := range tt.in {
			streamed.WriteString(f.Write(string(r)))
		}
		if streamed.String() != tt.want {
			t.Errorf("streamed a character at a time: %q, want %q", streamed.String(), tt.want)
		}
	}
}

func runeWidths(s string) int {
	n := 0
	for _, r := range s {
		n += runewidth.RuneWidth(r)
	}
	return n
}
