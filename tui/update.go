package tui

import (
	"context"
	"github.com/charmbracelet/lipgloss"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/session"
	"github.com/coach-tui/coach/tui/setup"
)

// Update implements tea.Model. Global concerns are handled here; anything
// else goes to the active screen. A panic in a screen ends the program
// cleanly with a report instead of leaving the terminal broken.
func (m *Model) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	if m.crash != nil {
		return m, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			m.crash = newCrash("Update", r)
			model, cmd = m, tea.Quit
		}
	}()
	cmd = m.update(msg)
	return m, m.guard(cmd)
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	msg = m.runesAsText(msg)
	if keys, ok := m.splitKeys(msg); ok {
		cmds := make([]tea.Cmd, len(keys))
		for i, k := range keys {
			cmds[i] = m.update(k)
		}
		return tea.Batch(cmds...)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.handleResize(msg.Width, msg.Height)
		// The active screen hears of it too, for work that depends on the
		// size, such as re-wrapping rendered markdown.
		cmd := m.updateActive(m.contentSizeMsg())
		if !m.loading {
			m.loading = true
			cmd = tea.Batch(cmd, m.startLoading())
		}
		return cmd
	case storeOpenedMsg:
		return m.handleStoreOpened(msg)
	case bankLoadedMsg:
		return m.handleBankLoaded(msg)
	case panicMsg:
		m.crash = msg.crash
		return tea.Quit
	case tea.KeyMsg:
		if cmd, handled := m.handleGlobalKey(msg); handled {
			return cmd
		}
	case common.OpenMsg:
		return m.open(msg.Section)
	case common.BackMsg:
		return m.back()
	case common.PushMsg:
		return m.push(msg.Screen)
	case common.ResumeDraftMsg:
		return m.resumeDraft(msg.Draft)
	case common.BankChangedMsg:
		if msg.Bank != nil {
			m.common.App.Bank = msg.Bank
		}
		return nil
	case common.ConsentMsg:
		return m.handleConsent(msg)
	case common.ThemeMsg:
		return m.applyTheme(msg.Theme)
	case common.PracticeSkillMsg:
		return m.push(setup.ForSkill(m.common, msg.Tag, msg.Name))
	}
	return m.updateActive(msg)
}

// runesAsText marks letters that arrived in one read as pasted while a
// text field has the focus. Bubble Tea names such a message by its runes,
// so "down" or "enter" typed quickly (or pasted where the terminal has no
// bracketed paste) would match that key's binding and the word would be
// lost; a pasted message matches no binding and every box inserts it.
func (m *Model) runesAsText(msg tea.Msg) tea.Msg {
	k, ok := msg.(tea.KeyMsg)
	if !ok || k.Type != tea.KeyRunes || len(k.Runes) < 2 || k.Paste {
		return msg
	}
	if t, ok := m.active().(common.TextTaker); ok && t.TakingText() {
		k.Paste = true
		return k
	}
	return msg
}

// splitKeys breaks up letters that arrived in one read. Bubble Tea hands
// keys typed faster than it reads as one message ("fn"), which no key
// binding matches; outside text fields each letter is a command of its own.
func (m *Model) splitKeys(msg tea.Msg) ([]tea.KeyMsg, bool) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || k.Type != tea.KeyRunes || len(k.Runes) < 2 || k.Paste {
		return nil, false
	}
	if t, ok := m.active().(common.TextTaker); ok && t.TakingText() {
		return nil, false
	}
	keys := make([]tea.KeyMsg, len(k.Runes))
	for i, r := range k.Runes {
		keys[i] = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: k.Alt}
	}
	return keys, true
}

func (m *Model) updateActive(msg tea.Msg) tea.Cmd {
	next, cmd := m.active().Update(msg)
	m.stack[len(m.stack)-1] = next
	return cmd
}

func (m *Model) handleResize(width, height int) {
	m.ready = true
	m.common.Width, m.common.Height = width, height
	m.help.Width = width
	m.resizeScreens()
}

// resizeScreens gives every screen on the stack the area above the help
// line, so going back shows a screen already laid out for the window.
func (m *Model) resizeScreens() {
	w, h := m.contentSize()
	for _, s := range m.stack {
		s.SetSize(w, h)
	}
}

func (m *Model) contentSize() (int, int) {
	return m.common.Width, max(m.common.Height-m.helpHeight(), 0)
}

func (m *Model) handleStoreOpened(msg storeOpenedMsg) tea.Cmd {
	if msg.err != nil {
		m.err = msg.err
		return tea.Quit
	}
	m.common.App.Store = msg.store
	for _, d := range msg.consented {
		m.common.App.LLM.Remembered(d)
	}
	return m.announceLoaded()
}

// announceLoaded tells the active screen once both the store and the bank
// are ready, whichever came second.
func (m *Model) announceLoaded() tea.Cmd {
	if m.common.App.Store == nil || m.common.App.Bank == nil {
		return nil
	}
	return m.updateActive(common.LoadedMsg{})
}

func (m *Model) resumeDraft(d store.Draft) tea.Cmd {
	if m.common.App.Store == nil || m.common.App.Bank == nil {
		return nil
	}
	return m.push(session.Resume(m.common, d))
}

func (m *Model) handleBankLoaded(msg bankLoadedMsg) tea.Cmd {
	if msg.err != nil {
		m.err = msg.err
		return tea.Quit
	}
	m.common.App.Bank = msg.bank
	return m.announceLoaded()
}

// handleGlobalKey acts on quit, help and back. While the active screen is
// taking typed text only ctrl+c is global, so q and ? can be typed.
func (m *Model) handleGlobalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if key.Matches(msg, m.keys.ForceQuit) {
		return tea.Quit, true
	}
	if t, ok := m.active().(common.TextTaker); ok && t.TakingText() {
		return nil, false
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		return tea.Quit, true
	case key.Matches(msg, m.keys.Help):
		m.fullHelp = !m.fullHelp
		m.help.ShowAll = m.fullHelp
		m.resizeScreens()
		return m.updateActive(m.contentSizeMsg()), true
	case key.Matches(msg, m.keys.Back) && len(m.stack) > 1:
		if c, ok := m.active().(common.Canceller); ok {
			if cmd, cancelled := c.Cancel(); cancelled {
				return cmd, true
			}
		}
		if lb, ok := m.active().(common.LevelBacker); ok && lb.BackLevel() {
			return nil, true
		}
		return m.back(), true
	}
	return nil, false
}

func (m *Model) open(id common.SectionID) tea.Cmd {
	s, ok := findSection(id)
	if !ok {
		return nil
	}
	return m.push(s.open(m.common))
}

func (m *Model) push(screen common.Screen) tea.Cmd {
	m.stack = append(m.stack, screen)
	m.resizeScreens()
	return screen.Init()
}

// back closes the active screen. The screen below may have been laid out
// for another window size, so it is told the current one.
func (m *Model) back() tea.Cmd {
	if len(m.stack) <= 1 {
		return nil
	}
	m.stack = m.stack[:len(m.stack)-1]
	m.resizeScreens()
	return m.updateActive(m.contentSizeMsg())
}

// contentSizeMsg is the size message screens get: their own area.
func (m *Model) contentSizeMsg() tea.WindowSizeMsg {
	w, h := m.contentSize()
	return tea.WindowSizeMsg{Width: w, Height: h}
}

// handleConsent records the user's answer for this run; a yes is also
// remembered for the endpoint, so the next start does not ask again.
func (m *Model) handleConsent(msg common.ConsentMsg) tea.Cmd {
	l := &m.common.App.LLM
	l.Record(msg)
	st := m.common.App.Store
	if !msg.Given || st == nil || l.Client == nil {
		return nil
	}
	endpoint := l.Client.Endpoint()
	return func() tea.Msg {
		// If this fails the question comes again at the next start, which
		// sends nothing the user has not agreed to.
		_ = st.SetLLMConsent(context.Background(), msg.Data, endpoint)
		return nil
	}
}

// applyTheme draws with a theme from now on: lipgloss picks each adaptive
// colour's variant for the new background, the markdown renderers are
// made again, and every open screen lays itself out again.
func (m *Model) applyTheme(theme string) tea.Cmd {
	info := &m.common.App.Info
	dark := themeDark(theme, *info)
	info.Theme, info.Dark = theme, dark
	lipgloss.SetHasDarkBackground(dark)
	style := common.MarkdownLight
	if dark {
		style = common.MarkdownDark
	}
	if m.common.Markdown != nil {
		m.common.Markdown.SetStyle(style)
	}
	m.resizeScreens()
	var cmds []tea.Cmd
	for i := range m.stack {
		var cmd tea.Cmd
		m.stack[i], cmd = m.stack[i].Update(m.contentSizeMsg())
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}
