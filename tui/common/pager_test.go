package common

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func numbered(n int) string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("line %d", i+1)
	}
	return strings.Join(lines, "\n")
}

// The pager stands in for bubbles' viewport: the same text, size and keys
// draw the same screen.
func TestPagerDrawsWhatTheViewportDraws(t *testing.T) {
	text := numbered(40) + "\n\x1b[1mbold\x1b[0m and 面试👍 wide\n" + strings.Repeat("x", 30)
	vp := viewport.New(20, 6)
	vp.SetContent(text)
	p := NewPager(20, 6)
	p.SetContent(text)
	for _, k := range []tea.KeyMsg{{}, {Type: tea.KeyPgDown}, {Type: tea.KeyDown}, {Type: tea.KeyRunes, Runes: []rune("d")},
		{Type: tea.KeyPgDown}, {Type: tea.KeyPgDown}, {Type: tea.KeyPgDown}, {Type: tea.KeyPgDown}, {Type: tea.KeyUp}, {Type: tea.KeyPgUp}} {
		vp, _ = vp.Update(k)
		p, _ = p.Update(k)
		if p.View() != vp.View() || p.AtBottom() != vp.AtBottom() || p.ScrollPercent() != vp.ScrollPercent() {
			t.Fatalf("after %q:\npager\n%q\nviewport\n%q", k, p.View(), vp.View())
		}
	}
}

func TestPagerFollowsAndClamps(t *testing.T) {
	p := NewPager(10, 3)
	p.SetContent(numbered(10))
	p.GotoBottom()
	if !p.AtBottom() || !strings.Contains(p.View(), "line 10") {
		t.Fatalf("bottom:\n%s", p.View())
	}
	p.SetContent(numbered(2)) // shorter text: the window moves up to it
	if p.YOffset != 0 || !strings.HasPrefix(p.View(), "line 1") {
		t.Fatalf("after shrinking: offset %d\n%s", p.YOffset, p.View())
	}
	p.SetYOffset(99)
	if p.YOffset != 0 {
		t.Fatal("offset past the text")
	}
	if lines := strings.Split(p.View(), "\n"); len(lines) != 3 || ansi.StringWidth(lines[2]) != 10 {
		t.Fatalf("short text is padded to the window: %q", p.View())
	}
	if (Pager{}).View() != "" {
		t.Fatal("a pager with no size draws nothing")
	}
}

func BenchmarkPagerSetContentAndView(b *testing.B) {
	text := strings.Repeat("  \x1b[1mA line of a long critique\x1b[0m with some words in it to wrap.\n", 2000)
	p := NewPager(98, 36)
	for b.Loop() {
		p.SetContent(text)
		p.GotoBottom()
		_ = p.View()
	}
}

// A pager declared as a plain field, with no keys set, still pages.
func TestZeroPagerHasThePagerKeys(t *testing.T) {
	var p Pager
	p.Width, p.Height = 10, 3
	p.SetContent(numbered(10))
	for _, k := range []tea.KeyMsg{{Type: tea.KeyPgDown}, {Type: tea.KeyRunes, Runes: []rune("j")}} {
		before := p.YOffset
		p, _ = p.Update(k)
		if p.YOffset == before {
			t.Errorf("%s did not scroll a zero pager", k)
		}
	}
}
