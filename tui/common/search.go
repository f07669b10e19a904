package common

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// The search keys of a long view, as in less and vim: / asks for words,
// n and N go to the next and previous place they occur.
var (
	SearchStart = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search"))
	SearchNext  = key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/previous match"))
	SearchPrev  = key.NewBinding(key.WithKeys("N"))
)

// SearchHelp is the help for a searchable pager as it stands: the prompt's
// keys while it is open, n/N and how to clear a search shown, else /.
func SearchHelp(p Pager) []key.Binding {
	switch {
	case p.Searching():
		return []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "search")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		}
	case p.Searched():
		return []key.Binding{SearchNext, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search"))}
	}
	return []key.Binding{SearchStart}
}

// search is a pager's search: the words asked for and where they occur.
type search struct {
	editing bool   // the prompt is open and takes every key
	input   []rune // the words being typed
	query   []rune // the words searched for, lower case
	matches []match
	at      int    // the match shown, an index into matches
	note    string // said once under the text: no match, wrapped
}

// match is one place the query occurs, in cells of a line without styles.
type match struct{ line, from, to int }

// Searching reports whether the search prompt is open, so the screen lets
// every key through to it (q and esc included).
func (p Pager) Searching() bool { return p.search.editing }

// Searched reports whether a search is shown, so n and N are the pager's.
func (p Pager) Searched() bool { return len(p.search.query) > 0 }

// EndSearch closes the prompt or clears the search, and reports whether
// there was one: esc does that before it leaves a screen.
func (p *Pager) EndSearch() bool {
	had := p.search.editing || len(p.search.query) > 0
	p.search = search{}
	return had
}

// searchKey handles a key while the prompt is open or a search is shown;
// it reports whether the key was the search's.
func (p *Pager) searchKey(k tea.KeyMsg) bool {
	s := &p.search
	if s.editing {
		switch k.Type {
		case tea.KeyEnter:
			s.editing = false
			s.query = []rune(strings.ToLower(strings.TrimSpace(string(s.input))))
			p.findMatches()
			p.jump(p.firstMatchFrom(p.YOffset), false)
		case tea.KeyEsc, tea.KeyCtrlC:
			s.editing, s.input = false, nil
		case tea.KeyBackspace:
			if len(s.input) == 0 {
				s.editing = false
			} else {
				s.input = s.input[:len(s.input)-1]
			}
		case tea.KeyCtrlU:
			s.input = nil
		case tea.KeyRunes, tea.KeySpace:
			s.input = append(s.input, []rune(SanitizeText(string(k.Runes)))...)
			if k.Type == tea.KeySpace {
				s.input = append(s.input, ' ')
			}
		}
		return true
	}
	switch {
	case key.Matches(k, SearchStart):
		*s = search{editing: true}
		return true
	case len(s.query) > 0 && key.Matches(k, SearchNext):
		p.jump(s.at+1, true)
		return true
	case len(s.query) > 0 && key.Matches(k, SearchPrev):
		p.jump(s.at-1, true)
		return true
	}
	return false
}

// findMatches lists every place the query occurs, ignoring case.
func (p *Pager) findMatches() {
	s := &p.search
	s.matches = nil
	if len(s.query) == 0 {
		return
	}
	for i, line := range p.lines {
		plain := []rune(ansi.Strip(line))
		lower := make([]rune, len(plain))
		for j, r := range plain {
			lower[j] = unicode.ToLower(r)
		}
		for j := 0; j+len(s.query) <= len(lower); {
			if !runesEqual(lower[j:j+len(s.query)], s.query) {
				j++
				continue
			}
			from := ansi.StringWidth(string(plain[:j]))
			to := from + ansi.StringWidth(string(plain[j:j+len(s.query)]))
			s.matches = append(s.matches, match{line: i, from: from, to: to})
			j += len(s.query)
		}
	}
	s.at = min(s.at, max(len(s.matches)-1, 0))
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// firstMatchFrom is the first match on line top or below, or the first of
// all when none is.
func (p Pager) firstMatchFrom(top int) int {
	for i, m := range p.search.matches {
		if m.line >= top {
			return i
		}
	}
	return 0
}

// jump shows match i, wrapping round the ends; stepping says the user
// asked for the next or previous one, so passing an end is worth saying.
func (p *Pager) jump(i int, stepping bool) {
	s := &p.search
	s.note = ""
	n := len(s.matches)
	if n == 0 {
		s.note = fmt.Sprintf("no match for %q", string(s.query))
		return
	}
	switch {
	case i >= n:
		i, s.note = 0, "back to the first"
	case i < 0:
		i, s.note = n-1, "back to the last"
	}
	if !stepping {
		s.note = ""
	}
	s.at = i
	line := s.matches[i].line
	if line < p.YOffset || line >= p.YOffset+p.textHeight() {
		p.SetYOffset(line - 1) // one line of context above the match
	}
}

// textHeight is the rows left for text: a search's line takes the last.
func (p Pager) textHeight() int {
	if p.search.editing || len(p.search.query) > 0 {
		return max(p.Height-1, 1)
	}
	return p.Height
}

// searchLine is the prompt, or what the search found.
func (p Pager) searchLine() string {
	s := p.search
	if s.editing {
		return "/" + string(s.input) + "\x1b[7m \x1b[27m"
	}
	if s.note != "" && len(s.matches) == 0 {
		return s.note + " · / searches again"
	}
	// the count first: a narrow window cuts the end of the line
	line := fmt.Sprintf("%d of %d %q", s.at+1, len(s.matches), string(s.query))
	if s.note != "" {
		return line + " · " + s.note
	}
	return line + " · n next · N previous"
}

// highlight draws the matches on line i in reverse video, the current one
// underlined as well, keeping the line's own styles around them.
func (p Pager) highlight(i int, line string) string {
	var ms []match
	current := -1
	for j, m := range p.search.matches {
		if m.line == i {
			if j == p.search.at {
				current = len(ms)
			}
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return line
	}
	var b strings.Builder
	at := 0
	for j, m := range ms {
		b.WriteString(ansi.Cut(line, at, m.from))
		on := "\x1b[7m"
		if j == current {
			on = "\x1b[7;4m"
		}
		b.WriteString(on + ansi.Strip(ansi.Cut(line, m.from, m.to)) + "\x1b[m")
		at = m.to
	}
	b.WriteString(ansi.TruncateLeft(line, at, ""))
	return b.String()
}
