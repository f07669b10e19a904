package common

import "github.com/charmbracelet/lipgloss"

// Styles are built once from the theme and shared by every screen, so no
// screen defines colours of its own.
type Styles struct {
	Title    lipgloss.Style
	Subtitle lipgloss.Style
	Heading  lipgloss.Style
	Text     lipgloss.Style
	Muted    lipgloss.Style
	Faint    lipgloss.Style
	Key      lipgloss.Style
	Selected lipgloss.Style
	Good     lipgloss.Style
	Warn     lipgloss.Style
	Bad      lipgloss.Style
	App      lipgloss.Style // padding around every screen
}

// NewStyles derives the styles from a theme.
func NewStyles(t Theme) *Styles {
	return &Styles{
		Title:    lipgloss.NewStyle().Foreground(t.Accent).Bold(true),
		Subtitle: lipgloss.NewStyle().Foreground(t.Muted),
		Heading:  lipgloss.NewStyle().Foreground(t.Text).Bold(true),
		Text:     lipgloss.NewStyle().Foreground(t.Text),
		Muted:    lipgloss.NewStyle().Foreground(t.Muted),
		Faint:    lipgloss.NewStyle().Foreground(t.Faint),
		Key:      lipgloss.NewStyle().Foreground(t.Accent).Bold(true),
		Selected: lipgloss.NewStyle().Foreground(t.Accent).Bold(true),
		Good:     lipgloss.NewStyle().Foreground(t.Good),
		Warn:     lipgloss.NewStyle().Foreground(t.Warn),
		Bad:      lipgloss.NewStyle().Foreground(t.Bad).Bold(true),
		App:      lipgloss.NewStyle().Padding(1, 2, 0, 2),
	}
}
