package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/coach-tui/coach/tui/common"
)

// View implements tea.Model.
func (m *Model) View() (view string) {
	if !m.ready {
		// Nothing is drawn until the window size is known, so the first
		// frame is laid out for the real terminal.
		return ""
	}
	if m.crash != nil {
		return m.crashView()
	}
	defer func() {
		if r := recover(); r != nil {
			m.crash = newCrash("View", r)
			view = m.crashView()
		}
	}()
	w, h := m.common.Width, m.common.Height
	if w < common.MinWidth || h < common.MinHeight {
		return m.tooSmallView()
	}
	cw, ch := m.contentSize()
	body := common.Fit(m.active().View(), cw, ch)
	if pad := ch - lipgloss.Height(body); pad > 0 {
		body += strings.Repeat("\n", pad)
	}
	return body + "\n" + common.Fit(m.helpView(), w, m.helpHeight())
}

func (m *Model) tooSmallView() string {
	st := m.common.Styles
	w, h := m.common.Width, m.common.Height
	// wrapped, not cut: the window is small, and the message must fit it
	msg := st.Warn.Width(w).Render("Terminal too small") + "\n" +
		st.Muted.Width(w).Render(fmt.Sprintf("coach needs %dx%d; this is %dx%d.", common.MinWidth, common.MinHeight, w, h)) + "\n" +
		st.Muted.Width(w).Render("Make the window larger, or press q to quit.")
	return common.Fit(msg, w, h)
}

func (m *Model) crashView() string {
	return common.Fit("coach hit an internal error and must close.\nPress any key to quit; a short report follows.", m.common.Width, m.common.Height)
}

// keyMap joins the global keys with the active screen's keys for the help line.
type keyMap struct {
	global common.GlobalKeys
	screen help.KeyMap
	atHome bool
	typing bool
}

// ShortHelp puts the way out first: a narrow window cuts the help line
// from the right, and what must never be cut is how to go back and quit.
func (k keyMap) ShortHelp() []key.Binding {
	screen := k.screen.ShortHelp()
	if k.typing {
		return append([]key.Binding{k.global.ForceQuit}, screen...)
	}
	var b []key.Binding
	if !k.atHome && !bindsEsc(screen) {
		b = append(b, k.global.Back)
	}
	b = append(b, k.global.Quit, k.global.Help)
	return append(b, screen...)
}

// bindsEsc reports whether the screen gives esc a meaning of its own now
// (cancelling a reply, say), which the help line should not contradict
// with "esc back".
func bindsEsc(bs []key.Binding) bool {
	for _, b := range bs {
		if b.Enabled() && slices.Contains(b.Keys(), "esc") {
			return true
		}
	}
	return false
}

func (k keyMap) FullHelp() [][]key.Binding {
	groups := append([][]key.Binding{}, k.screen.FullHelp()...)
	if k.typing {
		return append(groups, []key.Binding{k.global.ForceQuit})
	}
	global := []key.Binding{k.global.Help, k.global.Quit, k.global.ForceQuit}
	if !k.atHome {
		global = append([]key.Binding{k.global.Back}, global...)
	}
	return append(groups, global)
}

// helpKeys are the keys that work now: while a screen takes typed text,
// only its own keys and ctrl+c.
func (m *Model) helpKeys() keyMap {
	t, ok := m.active().(common.TextTaker)
	return keyMap{global: m.keys, screen: m.active(), atHome: len(m.stack) == 1, typing: ok && t.TakingText()}
}

func (m *Model) helpView() string {
	return lipgloss.NewStyle().Padding(0, 2).Render(m.help.View(m.helpKeys()))
}

func (m *Model) helpHeight() int {
	if !m.fullHelp {
		return 1
	}
	return lipgloss.Height(m.help.View(m.helpKeys()))
}
