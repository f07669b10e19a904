package common

import (
	"fmt"
	"strings"
	"sync"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// Glamour style names used for the decided background.
const (
	MarkdownDark  = "dark"
	MarkdownLight = "light"
)

// Markdown renders markdown with one glamour style chosen at start. It keeps
// one renderer per wrap width, because building a renderer parses a whole
// style sheet, and serialises renders, because a TermRenderer is not safe
// for concurrent use. Call Render from a tea.Cmd, never from Update or View.
type Markdown struct {
	style string
	color bool
	mu    sync.Mutex
	cache map[int]*glamour.TermRenderer
}

// NewMarkdown prepares a cache for the given glamour standard style, in
// colour or not (NO_COLOR: the same layout, no colour codes). It does no
// work until the first Render.
func NewMarkdown(style string, color bool) *Markdown {
	return &Markdown{style: style, color: color, cache: map[int]*glamour.TermRenderer{}}
}

// SetStyle changes the glamour style from the next render on, as when the
// theme changes while coach runs.
func (m *Markdown) SetStyle(style string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if style != m.style {
		m.style, m.cache = style, map[int]*glamour.TermRenderer{}
	}
}

// Style is the glamour style in use.
func (m *Markdown) Style() string { return m.style }

// Render renders md wrapped to width cells.
func (m *Markdown) Render(md string, width int) (string, error) {
	if width < 10 {
		width = 10
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.cache[width]
	if !ok {
		var err error
		opts := []glamour.TermRendererOption{
			glamour.WithStandardStyle(m.style),
			glamour.WithWordWrap(width),
		}
		if !m.color {
			opts = append(opts, glamour.WithColorProfile(termenv.Ascii))
		}
		r, err = glamour.NewTermRenderer(opts...)
		if err != nil {
			return "", fmt.Errorf("markdown renderer: %w", err)
		}
		m.cache[width] = r
	}
	var b strings.Builder
	b.WriteByte('\n')
	for _, blk := range splitQuotes(SanitizeText(md)) {
		if blk.quote {
			b.WriteString(renderQuote(blk.lines, width))
		} else {
			out, err := r.Render(breakLongWords(strings.Join(blk.lines, "\n"), width))
			if err != nil {
				return "", err
			}
			b.WriteString(trimBlankLines(out))
		}
		b.WriteString("\n\n")
	}
	return breakLongLines(b.String(), width), nil
}

// block is a run of markdown lines: a blockquote, or anything else.
type block struct {
	quote bool
	lines []string
}

// splitQuotes cuts md into blockquotes and the rest. Glamour drops a
// quote's line breaks (an answer's list becomes one paragraph) and
// misplaces its bar when the first line wraps, so coach draws quotes
// itself; everything else is glamour's. A ">" inside a code fence is code.
func splitQuotes(md string) []block {
	var out []block
	fence := ""
	for _, line := range strings.Split(md, "\n") {
		t := strings.TrimLeft(line, " ")
		switch {
		case fence != "" && strings.HasPrefix(t, fence):
			fence = ""
		case fence == "" && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			fence = t[:3]
		}
		quote := fence == "" && strings.HasPrefix(line, ">")
		if len(out) == 0 || out[len(out)-1].quote != quote {
			out = append(out, block{quote: quote})
		}
		out[len(out)-1].lines = append(out[len(out)-1].lines, line)
	}
	if n := len(out); n > 0 && !out[n-1].quote && strings.TrimSpace(strings.Join(out[n-1].lines, "")) == "" {
		out = out[:n-1]
	}
	return out
}

// renderQuote draws quoted lines behind a bar, each source line on a line
// of its own (wrapped to width), with markdown's backslash escapes undone:
// a quote holds someone's text, not markup.
func renderQuote(lines []string, width int) string {
	w := max(width-4, 4) // the margin glamour keeps, then the bar and a space
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimPrefix(strings.TrimPrefix(l, ">"), " ")
		l = unescapeMarkdown(strings.TrimRight(l, " "))
		for j, part := range strings.Split(ansi.Hardwrap(ansi.Wordwrap(l, w, ""), w, true), "\n") {
			if i > 0 || j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(strings.TrimRight("  │ "+part, " "))
		}
	}
	return b.String()
}

// unescapeMarkdown removes the backslash before ASCII punctuation, as a
// markdown reader does.
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// trimBlankLines drops the blank lines glamour puts around a document, so
// the blocks can be joined with one blank line between them.
func trimBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// breakLongWords puts line breaks into words too long for a line. Glamour
// wraps at spaces only, and its wrapping grows with the square of a
// word's length: a 12,000 character token took a second to render.
func breakLongWords(md string, width int) string {
	limit := max(width-8, 4) // room for the margin, a list's bullet, a quote's bar
	var b strings.Builder
	start, last := 0, 0
	flush := func(end int) {
		if ansi.StringWidth(md[start:end]) > limit {
			if last == 0 {
				b.Grow(len(md) + len(md)/limit)
			}
			b.WriteString(md[last:start])
			b.WriteString(ansi.Hardwrap(md[start:end], limit, false))
			last = end
		}
	}
	for i, r := range md {
		if r == ' ' || r == '\n' || r == '\t' {
			if i-start > limit {
				flush(i)
			}
			start = i + 1
		}
	}
	if len(md)-start > limit {
		flush(len(md))
	}
	if last == 0 {
		return md
	}
	b.WriteString(md[last:])
	return b.String()
}

// breakLongLines breaks the lines glamour left wider than width: it wraps
// at spaces only, so a word longer than the line (a model's 12,000
// character token, a long URL) would run past the edge and be cut.
func breakLongLines(s string, width int) string {
	lines := strings.Split(s, "\n")
	changed := false
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i], changed = ansi.Hardwrap(l, width, true), true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(lines, "\n")
}

// Renderers reports how many widths have a cached renderer.
func (m *Markdown) Renderers() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.cache)
}
