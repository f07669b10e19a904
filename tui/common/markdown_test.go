package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A model may send one unbroken token thousands of characters long: it is
// broken to the width, so all of it can be read and no line is cut.
func TestLongWordsAreBrokenToTheWidth(t *testing.T) {
	token := strings.Repeat("0123456789", 1200)
	for _, md := range []string{
		"Before " + token + " after.",
		"- a list item with " + token,
		"> quoted " + token,
		"`" + token + "`",
		"```\n" + token + "\n```",
	} {
		for _, color := range []bool{false, true} {
			out, err := NewMarkdown(MarkdownDark, color).Render(md, 40)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(line); w > 40 {
					t.Fatalf("%.20q: line %d is %d cells wide", md, i, w)
				}
			}
			digits := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, ansi.Strip(out))
			if digits != token {
				t.Fatalf("%.20q: %d of the token's %d digits are visible", md, len(digits), len(token))
			}
		}
	}
}
