package common

import "github.com/charmbracelet/lipgloss"

// Theme is the palette every screen draws with. Colours are adaptive:
// lipgloss picks the light or dark variant from the background decided once
// before the program starts (see DecideBackground), never per render.
type Theme struct {
	Accent lipgloss.AdaptiveColor // the product colour: titles, keys, selection
	Text   lipgloss.AdaptiveColor
	Muted  lipgloss.AdaptiveColor // secondary text, descriptions
	Faint  lipgloss.AdaptiveColor // unavailable items, borders
	Good   lipgloss.AdaptiveColor
	Warn   lipgloss.AdaptiveColor
	Bad    lipgloss.AdaptiveColor
	Select lipgloss.AdaptiveColor // background of the selected row
}

// DefaultTheme is coach's palette; each pair keeps contrast on its background.
func DefaultTheme() Theme {
	return Theme{
		Accent: lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#A58BFF"},
		Text:   lipgloss.AdaptiveColor{Light: "#1F1F24", Dark: "#E8E6F0"},
		Muted:  lipgloss.AdaptiveColor{Light: "#5C5C66", Dark: "#A09DAD"},
		Faint:  lipgloss.AdaptiveColor{Light: "#9A98A3", Dark: "#5F5C6B"},
		Good:   lipgloss.AdaptiveColor{Light: "#1B7F3B", Dark: "#5FD38D"},
		Warn:   lipgloss.AdaptiveColor{Light: "#9A6200", Dark: "#F2C14E"},
		Bad:    lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF7A70"},
		Select: lipgloss.AdaptiveColor{Light: "#ECE7FF", Dark: "#2E2744"},
	}
}

// MonochromeTheme is the palette for NO_COLOR and --no-color: no colour
// at all, so text is drawn in the terminal's own. Bold, underline and
// reverse video still mark titles, the selection, the active tab and the
// text cursor, because NO_COLOR takes away colour, not position.
func MonochromeTheme() Theme { return Theme{} }
