package common

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// Pager shows text already wrapped to its width, a window at a time, with
// the keys of bubbles' viewport. Unlike the viewport it never measures the
// whole text: setting content only splits it into lines, and drawing
// measures the lines on screen. A reply that streams in sets its content
// on every piece, and at a few thousand lines the viewport's measuring of
// every line was most of the time from a piece's arrival to the screen.
type Pager struct {
	Width, Height int
	YOffset       int
	// Searchable turns on / n N: only for long text, and only where the
	// screen has no other use for those keys.
	Searchable bool
	KeyMap     viewport.KeyMap
	lines      []string
	search     search
}

// NewPager returns an empty pager of the given size.
func NewPager(width, height int) Pager {
	return Pager{Width: width, Height: height, KeyMap: viewport.DefaultKeyMap()}
}

// SetContent replaces the text; the position is kept when it still exists.
func (p *Pager) SetContent(s string) {
	p.lines = strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if p.YOffset > len(p.lines)-1 {
		p.GotoBottom()
	}
	p.findMatches()
}

// TotalLines is the number of lines of text.
func (p Pager) TotalLines() int { return len(p.lines) }

func (p Pager) maxYOffset() int { return max(0, len(p.lines)-p.textHeight()) }

// AtBottom reports whether the last line is on screen.
func (p Pager) AtBottom() bool { return p.YOffset >= p.maxYOffset() }

// SetYOffset scrolls so line n is at the top, within the text.
func (p *Pager) SetYOffset(n int) { p.YOffset = min(max(n, 0), p.maxYOffset()) }

// GotoTop scrolls to the first line.
func (p *Pager) GotoTop() { p.YOffset = 0 }

// GotoBottom scrolls so the last line is at the bottom.
func (p *Pager) GotoBottom() { p.YOffset = p.maxYOffset() }

// ScrollPercent is how far down the text the window is, 0 to 1.
func (p Pager) ScrollPercent() float64 {
	if p.textHeight() >= len(p.lines) {
		return 1
	}
	v := float64(p.YOffset) / float64(len(p.lines)-p.textHeight())
	return min(max(v, 0), 1)
}

// Update scrolls on the viewport's keys, and searches on / n N when the
// screen lets it (Searchable).
func (p Pager) Update(msg tea.Msg) (Pager, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	if p.Searchable && p.searchKey(k) {
		return p, nil
	}
	h := p.textHeight()
	km := p.KeyMap
	if len(km.PageDown.Keys()) == 0 {
		// a Pager{} declared in a screen's struct has no keys of its own:
		// without this its pgdn and j/k did nothing (Stats, Settings)
		km = viewport.DefaultKeyMap()
	}
	switch {
	case key.Matches(k, ScrollTop):
		p.GotoTop()
	case key.Matches(k, ScrollBottom):
		p.GotoBottom()
	case key.Matches(k, km.PageDown):
		p.SetYOffset(p.YOffset + h)
	case key.Matches(k, km.PageUp):
		p.SetYOffset(p.YOffset - h)
	case key.Matches(k, km.HalfPageDown):
		p.SetYOffset(p.YOffset + h/2)
	case key.Matches(k, km.HalfPageUp):
		p.SetYOffset(p.YOffset - h/2)
	case key.Matches(k, km.Down):
		p.SetYOffset(p.YOffset + 1)
	case key.Matches(k, km.Up):
		p.SetYOffset(p.YOffset - 1)
	}
	return p, nil
}

// View is exactly Height lines, each cut or padded to Width cells.
func (p Pager) View() string {
	if p.Width <= 0 || p.Height <= 0 {
		return ""
	}
	h := p.textHeight()
	top := min(max(p.YOffset, 0), len(p.lines))
	bottom := min(top+h, len(p.lines))
	var b strings.Builder
	for i := 0; i < p.Height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		line := ""
		switch {
		case i >= h:
			line = p.searchLine()
		case top+i < bottom:
			line = p.highlight(top+i, p.lines[top+i])
		}
		w := ansi.StringWidth(line)
		if w > p.Width {
			line, w = ansi.Truncate(line, p.Width, ""), p.Width
		}
		b.WriteString(line)
		b.WriteString(strings.Repeat(" ", p.Width-w))
	}
	return b.String()
}
