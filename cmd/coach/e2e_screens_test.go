package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/coach-tui/coach/cmd/coach/internal/termtest"
)

// colourSGR is any SGR sequence that sets a colour: 30–37, 38;…, 40–47,
// 48;…, 90–97, 100–107.
var colourSGR = regexp.MustCompile(`\x1b\[(?:[0-9]*;)*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

// With NO_COLOR the answer box still shows where the cursor is (reverse
// video) and no colour is ever drawn; the answer survives resizes from
// 40x12 to 200x60, showing the text each time.
func TestE2ENoColorAndResize(t *testing.T) {
	env, data := isolated(t)
	s := shortDrill()
	s.Allowance = 20
	rememberSetup(t, data, s)
	tm := startWithBank(t, append(env, "NO_COLOR=1"))
	openPractice(tm)
	tm.WaitFor("load balancer", waitLong)
	tm.Type("Health checks take a node out of rotation")
	tm.WaitFor("out of rotation", waitLong)
	out := tm.Output()
	if !strings.Contains(out, "\x1b[7m") {
		t.Error("NO_COLOR: the answer box shows no cursor (no reverse video)")
	}
	if loc := colourSGR.FindStringIndex(out); loc != nil {
		t.Errorf("NO_COLOR: a colour was drawn: %q", out[max(0, loc[0]-80):min(len(out), loc[1]+40)])
	}
	for _, size := range [][2]int{{200, 60}, {40, 12}, {80, 24}} {
		tm.Resize(size[0], size[1])
		tm.WaitFor("rotation", waitLong)
	}
	tm.Type(termtest.Enter + " It also drains connections")
	tm.WaitFor("drains connections", waitLong)
	tm.Type("\x03") // ctrl+c keeps the draft and quits
	if code := tm.WaitExit(waitLong); code != 0 {
		t.Fatalf("exit %d", code)
	}
	assertRestored(t, tm)
}

// Emoji that terminals join differently (a skin tone, a family joined by
// zero-width joiners, a heart with a variation selector) are drawn as
// their parts, whose width every terminal agrees on, so a full answer box
// never runs a line wider than the window: the header stays on the top
// row, there is one timer line, and the word count is current.
func TestE2EWideCharactersKeepTheLayout(t *testing.T) {
	env, data := isolated(t)
	s := shortDrill()
	s.Allowance = 20
	rememberSetup(t, data, s)
	tm := startWithBank(t, env)
	openPractice(tm)
	tm.WaitFor("load balancer", waitLong)
	for i := 0; i < 12; i++ {
		tm.Type("yes 👍🏽 team 👨\u200d👩\u200d👧\u200d👦 love ❤️ ")
	}
	tm.Type("end")
	tm.WaitFor("37 words", waitLong) // emoji are not words
	out := tm.Output()
	for _, r := range []rune{0x200d, 0x1f3fd, 0xfe0f} {
		if strings.ContainsRune(out, r) {
			t.Errorf("the screen was drawn with %U, whose width terminals disagree on", r)
		}
	}
	screen := tm.Screen()
	lines := strings.Split(screen, "\n")
	if !strings.Contains(lines[0], "Question 1 of 1") {
		t.Errorf("the header left the top row:\n%s", screen)
	}
	if n := strings.Count(screen, " left of "); n != 1 {
		t.Errorf("%d timer lines:\n%s", n, screen)
	}
	if !strings.Contains(screen, "👍 team 👨👩👧👦 love ❤") {
		t.Errorf("the emoji's parts are not shown:\n%s", screen)
	}
	tm.Type("\x03")
	if code := tm.WaitExit(waitLong); code != 0 {
		t.Fatalf("exit %d", code)
	}
	assertRestored(t, tm)
}
