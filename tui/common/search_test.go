package common

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func typeInto(p Pager, keys ...tea.KeyMsg) Pager {
	for _, k := range keys {
		p, _ = p.Update(k)
	}
	return p
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

var enter = tea.KeyMsg{Type: tea.KeyEnter}

func searchablePager(text string, w, h int) Pager {
	p := NewPager(w, h)
	p.Searchable = true
	p.SetContent(text)
	return p
}

func TestSearchJumpsToEachMatchAndWraps(t *testing.T) {
	text := numbered(60) + "\nthe \x1b[1mRetry\x1b[0m budget\n" + numbered(30) + "\nno retry here? RETRY!"
	p := searchablePager(text, 40, 8)
	p = typeInto(p, runes("/"))
	if !p.Searching() {
		t.Fatal("/ did not open the prompt")
	}
	// q and j are words while the prompt is open, not quit or scroll
	p = typeInto(p, runes("r"), runes("e"), runes("q"), tea.KeyMsg{Type: tea.KeyBackspace}, runes("t"), runes("r"), runes("y"))
	if last := lastLine(p.View()); !strings.HasPrefix(ansi.Strip(last), "/retry") {
		t.Fatalf("prompt line %q", ansi.Strip(last))
	}
	p = typeInto(p, enter)
	if p.Searching() || !p.Searched() {
		t.Fatal("enter did not run the search")
	}
	view := p.View()
	if !strings.Contains(ansi.Strip(view), "the Retry budget") || !strings.Contains(ansi.Strip(view), `1 of 3 "retry"`) {
		t.Fatalf("first match not shown:\n%s", ansi.Strip(view))
	}
	if !strings.Contains(view, "\x1b[7;4mRetry\x1b[m") {
		t.Fatalf("the current match is not marked: %q", view)
	}
	p = typeInto(p, runes("n"))
	if v := ansi.Strip(p.View()); !strings.Contains(v, "no retry here? RETRY!") || !strings.Contains(v, "2 of 3") {
		t.Fatalf("n did not move to the second match:\n%s", v)
	}
	p = typeInto(p, runes("n"), runes("n"))
	if v := ansi.Strip(p.View()); !strings.Contains(v, "1 of 3") || !strings.Contains(v, "back to the first") {
		t.Fatalf("n past the last match did not wrap and say so:\n%s", v)
	}
	p = typeInto(p, runes("N"))
	if v := ansi.Strip(p.View()); !strings.Contains(v, "3 of 3") {
		t.Fatalf("N before the first match did not wrap to the last:\n%s", v)
	}
	for _, l := range strings.Split(p.View(), "\n") {
		if w := ansi.StringWidth(l); w > 40 {
			t.Fatalf("a line %d cells wide: %q", w, l)
		}
	}
	if !p.EndSearch() || p.Searched() || p.EndSearch() {
		t.Fatal("EndSearch does not clear once, then report nothing to clear")
	}
}

func lastLine(s string) string {
	lines := strings.Split(s, "\n")
	return lines[len(lines)-1]
}

func TestSearchMarksWideCharactersByCell(t *testing.T) {
	p := searchablePager("面试 👍 prep for the 面试", 40, 3)
	p = typeInto(p, runes("/"), runes("面试"), enter)
	line := strings.Split(p.View(), "\n")[0]
	if !strings.HasPrefix(line, "\x1b[7;4m面试\x1b[m 👍 prep for the \x1b[7m面试\x1b[m") {
		t.Fatalf("matches on wide characters: %q", line)
	}
}

func TestSearchWithoutMatchSaysSoAndKeepsPlace(t *testing.T) {
	p := searchablePager(numbered(50), 30, 6)
	p.SetYOffset(20)
	p = typeInto(p, runes("/"), runes("zebra"), enter)
	if p.YOffset != 20 || !strings.Contains(lastLine(p.View()), `no match for "zebra"`) {
		t.Fatalf("offset %d, last line %q", p.YOffset, lastLine(p.View()))
	}
}

func TestSearchPromptCancelsAndStartsBelowTheTop(t *testing.T) {
	p := searchablePager(numbered(100), 30, 6)
	p = typeInto(p, runes("/"), runes("line 1"), tea.KeyMsg{Type: tea.KeyEsc})
	if p.Searching() || p.Searched() {
		t.Fatal("esc left the prompt or a search")
	}
	// the first match at or below the line at the top, as in less
	p.SetYOffset(40)
	p = typeInto(p, runes("/"), runes("line 1"), enter)
	if v := ansi.Strip(p.View()); !strings.Contains(v, "line 100") {
		t.Fatalf("search from line 41 did not go to line 100:\n%s", v)
	}
}

// Text that grows (a streamed reply) is searched as it stands.
func TestSearchFollowsNewContent(t *testing.T) {
	p := searchablePager("alpha", 30, 4)
	p = typeInto(p, runes("/"), runes("beta"), enter)
	p.SetContent("alpha\nbeta\nbeta again")
	p = typeInto(p, runes("n"))
	if v := ansi.Strip(lastLine(p.View())); !strings.Contains(v, "of 2") {
		t.Fatalf("matches in new content: %q", v)
	}
}

func TestSearchOnlyWhereTheScreenAllowsIt(t *testing.T) {
	p := NewPager(30, 4)
	p.SetContent(numbered(10))
	p = typeInto(p, runes("/"))
	if p.Searching() {
		t.Fatal("a pager the screen did not make searchable opened a prompt")
	}
}

// A match inside a coloured span leaves the rest of the span coloured: the
// highlight's reset is followed by the line's own style again.
func TestSearchKeepsTheLineStyleAfterAMatch(t *testing.T) {
	p := searchablePager("\x1b[31mred retry words\x1b[m plain", 40, 3)
	p = typeInto(p, runes("/"), runes("retry"), enter)
	line := strings.Split(p.View(), "\n")[0]
	after := line[strings.Index(line, "retry")+len("retry"):]
	if !strings.HasPrefix(after, "\x1b[m\x1b[31m words") {
		t.Fatalf("after the match the line lost its colour: %q", line)
	}
}
