package common

import (
	"fmt"
	"sync"

	"github.com/charmbracelet/glamour"
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
	return r.Render(SanitizeText(md))
}

// Renderers reports how many widths have a cached renderer.
func (m *Markdown) Renderers() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.cache)
}
