package home

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

const (
	name    = "coach"
	tagline = "Interview and resume practice for software engineers"
)

// View implements common.Screen. The menu always shows every section with
// its key; the tagline, spacing and the selected section's description are
// added only when the window has room for them.
func (m *Model) View() string {
	st := m.Styles
	inner := max(m.Width-4, 10) // the App style pads two cells each side
	roomy := m.Height >= len(m.sections)+10

	title := st.Title.Render(name)
	if lipgloss.Width(name+"  "+tagline) <= inner {
		title += st.Subtitle.Render("  " + tagline)
	}
	parts := []string{title}
	if roomy {
		parts = append(parts, "")
	}
	parts = append(parts, m.menu())
	if roomy {
		desc := st.Muted.Width(inner).Render(m.Selected().Desc)
		parts = append(parts, "", desc, "")
	}
	parts = append(parts, m.status())
	return st.App.Render(strings.Join(parts, "\n"))
}

func (m *Model) menu() string {
	st := m.Styles
	titleWidth := 0
	for _, s := range m.sections {
		titleWidth = max(titleWidth, lipgloss.Width(s.Title))
	}
	lines := make([]string, len(m.sections))
	for i, s := range m.sections {
		cursor, title := "  ", st.Text.Render(s.Title)
		if i == m.cursor {
			cursor, title = st.Selected.Render("› "), st.Selected.Render(s.Title)
		}
		line := cursor + st.Key.Render(s.Key) + "  " + title
		if !s.Ready {
			pad := strings.Repeat(" ", titleWidth-lipgloss.Width(s.Title))
			line += pad + st.Tag.Render("  not built yet")
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// status says whether the database is open and that nothing leaves the
// machine.
func (m *Model) status() string {
	st := m.Styles
	if m.App == nil {
		return ""
	}
	if m.App.Store == nil {
		return st.Faint.Render("Opening your practice history…")
	}
	return st.Faint.Render("Offline · nothing leaves this machine")
}
