package common

import (
	"fmt"
	"sync"

	"github.com/charmbracelet/glamour"
)

// Glamour style names used for the decided background.
const (
	MarkdownDark    = "dark"
	MarkdownLight   = "light"
	MarkdownNoColor = "notty"
)

// Markdown renders markdown with one glamour style chosen at start. It keeps
// one renderer per wrap width, because building a renderer parses a whole
// style sheet, and serialises renders, because a TermRenderer is not safe
// for concurrent use. Call Render from a tea.Cmd, never from Update or View.
type Markdown struct {
	style string
	mu    sync.Mutex
	cache map[int]*glamour.TermRenderer
}

// NewMarkdown prepares a cache for the given glamour standard style. It does
// no work until the first Render.
func NewMarkdown(style string) *Markdown {
	return &Markdown{style: style, cache: map[int]*glamour.TermRenderer{}}
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
		r, err = glamour.NewTermRenderer(
			glamour.WithStandardStyle(m.style),
			glamour.WithWordWrap(width),
		)
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
