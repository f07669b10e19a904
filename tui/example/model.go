// Package example shows the annotated example resume: rendered with
// glamour, wrapped to the window, scrollable, with coaching notes that a
// key shows and hides.
package example

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/resume"
	"github.com/coach-tui/coach/tui/common"
)

// Model is the example resume screen.
type Model struct {
	common.Common
	keys     keyMap
	viewport common.Pager
	notes    bool

	// rendered caches each rendering by wrap width and notes state, so
	// toggling notes or resizing back costs nothing.
	rendered map[renderKey]string
	pending  renderKey // the rendering the screen is waiting for
	err      error
}

type renderKey struct {
	width int
	notes bool
}

type renderedMsg struct {
	key renderKey
	out string
	err error
}

// New returns the screen with the notes shown.
func New(c common.Common) *Model {
	vp := common.NewPager(0, 0)
	vp.Searchable = true
	vp.KeyMap.HalfPageDown.SetEnabled(false) // d is free for future use; pages are enough
	vp.KeyMap.HalfPageUp.SetEnabled(false)
	return &Model{Common: c, keys: defaultKeys(), viewport: vp, notes: true, rendered: map[renderKey]string{}}
}

// Init implements common.Screen: the root sizes a screen before Init, so
// the first render can start at once.
func (m *Model) Init() tea.Cmd { return m.render() }

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.viewport.Width = max(w-2, 1)
	m.viewport.Height = max(h-3, 1)
}

func (m *Model) wrapWidth() int { return max(min(m.viewport.Width-2, 96), 20) }

// render returns a command producing the markdown for the current width
// and notes state, or nil when it is cached (and then shows it).
func (m *Model) render() tea.Cmd {
	k := renderKey{width: m.wrapWidth(), notes: m.notes}
	if out, ok := m.rendered[k]; ok {
		m.show(out)
		return nil
	}
	if m.pending == k {
		return nil
	}
	m.pending = k
	md := m.Markdown
	src := resume.ExampleTemplate()
	if k.notes {
		src = notesAsParagraphs(resume.Example())
	}
	return func() tea.Msg {
		out, err := md.Render(src, k.width)
		return renderedMsg{key: k, out: out, err: err}
	}
}

func (m *Model) show(out string) {
	// Keep the reader at the same place in the document when its length
	// changes with the notes or the width.
	frac := 0.0
	if m.viewport.TotalLines() > 0 {
		frac = m.viewport.ScrollPercent()
	}
	wasEmpty := m.viewport.TotalLines() == 0
	m.viewport.SetContent(out)
	if !wasEmpty {
		m.viewport.SetYOffset(int(frac * float64(max(m.viewport.TotalLines()-m.viewport.Height, 0))))
	}
}

// notesAsParagraphs turns each blockquote note into a marked italic
// paragraph: glamour wraps long blockquote lines without their bar, which
// breaks the layout, and a paragraph wraps cleanly at any width.
func notesAsParagraphs(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		if !resume.IsNote(l) {
			continue
		}
		label, text, _ := strings.Cut(strings.TrimPrefix(l, "> "), ":** ")
		lines[i] = "**↳ " + strings.TrimPrefix(label, "**") + ":** *" + strings.TrimSpace(text) + "*"
	}
	return strings.Join(lines, "\n")
}
