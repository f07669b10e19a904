package common

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// The jump keys every long view takes, beside the viewport's own (j/k,
// pgup/pgdn, ctrl+u/ctrl+d), so one set of pager keys works everywhere.
var (
	ScrollTop    = key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top"))
	ScrollBottom = key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom"))
)

// Scroll moves a viewport by a key: its own keys, and the jumps to the top
// and the bottom.
func Scroll(vp viewport.Model, msg tea.Msg) (viewport.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, ScrollTop):
			vp.GotoTop()
			return vp, nil
		case key.Matches(k, ScrollBottom):
			vp.GotoBottom()
			return vp, nil
		}
	}
	return vp.Update(msg)
}

// PagerHelp is the help line of a screen that only scrolls.
func PagerHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", "scroll")),
		key.NewBinding(key.WithKeys("pgdown", "pgup"), key.WithHelp("pgup/pgdn", "page")),
		ScrollTop, ScrollBottom,
	}
}

// Paged draws content inside the app's padding as a window of the screen's
// height, scrolled by p: a screen of figures or settings stays reachable in
// a short window.
func Paged(p *Pager, st *Styles, width, height int, content string) string {
	frame := st.App.GetHorizontalFrameSize()
	p.Width, p.Height = max(width-frame, 1), max(height-st.App.GetVerticalFrameSize(), 1)
	p.SetContent(content)
	p.SetYOffset(p.YOffset)
	return st.App.Render(p.View())
}
