package home

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

const (
	name    = "coach"
	tagline = "Interview and resume practice for software engineers"
)

// View implements common.Screen.
func (m *Model) View() string {
	st := m.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(name))
	b.WriteString(st.Subtitle.Render("  " + tagline))
	b.WriteString("\n\n")

	titleWidth := 0
	for _, s := range m.sections {
		titleWidth = max(titleWidth, lipgloss.Width(s.Title))
	}
	for i, s := range m.sections {
		cursor := "  "
		title := st.Text.Render(s.Title)
		if i == m.cursor {
			cursor = st.Selected.Render("› ")
			title = st.Selected.Render(s.Title)
		}
		line := cursor + st.Key.Render(s.Key) + "  " + title
		if !s.Ready {
			pad := strings.Repeat(" ", titleWidth-lipgloss.Width(s.Title))
			line += pad + st.Tag.Render("  not built yet")
		}
		b.WriteString(line + "\n")
	}
	// The description of the selected section only, so the menu stays one
	// line per section down to the minimum window size.
	desc := st.Muted.Width(max(m.Width-4, 10)).Render(m.Selected().Desc)
	b.WriteString("\n" + desc + "\n")
	b.WriteString("\n" + m.status())
	return st.App.Render(b.String())
}

// status says where the data lives and that nothing leaves the machine.
func (m *Model) status() string {
	st := m.Styles
	if m.App == nil {
		return ""
	}
	if m.App.Store == nil {
		return st.Faint.Render("Opening your practice history…")
	}
	return st.Faint.Render("Offline: everything stays on this machine.")
}
