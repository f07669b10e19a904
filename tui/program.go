package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/coach-tui/coach/tui/common"
)

// Appearance is decided once, before the program starts: no renderer ever
// queries the terminal, which can stall for seconds or leak the reply into
// the input.
type Appearance struct {
	Dark  bool
	Color bool
	// Detected says the terminal's background was asked for (theme auto),
	// so a later switch to auto can use it without asking again.
	Detected bool
}

// DecideAppearance applies the theme setting (auto, dark or light) and the
// colour switch to lipgloss and returns what was chosen. For auto it uses
// the background Bubble Tea already asked the terminal for at start-up.
func DecideAppearance(theme string, color bool) Appearance {
	var dark, detected bool
	switch theme {
	case "dark":
		dark = true
	case "light":
		dark = false
	default:
		dark, detected = lipgloss.HasDarkBackground(), true
	}
	lipgloss.SetHasDarkBackground(dark)
	// lipgloss reads NO_COLOR as "no escape sequences at all", which also
	// takes away bold, underline and reverse video: the cursor, the
	// selection, the active tab. Without colour the monochrome theme sets
	// no colour, so the profile is put back to plain ANSI for those
	// attributes, unless the terminal itself can show none (TERM=dumb).
	if !color && lipgloss.DefaultRenderer().Output().ColorProfile() != termenv.Ascii {
		lipgloss.SetColorProfile(termenv.ANSI)
	}
	return Appearance{Dark: dark, Color: color, Detected: detected}
}

// themeDark is whether a theme chosen while coach runs draws on a dark
// background: auto takes the background found at start, or, when none was
// asked for (coach started with dark or light), stays as it is.
func themeDark(theme string, info common.Info) bool {
	switch theme {
	case "dark":
		return true
	case "light":
		return false
	}
	if info.Detected {
		return info.DetectedDark
	}
	return info.Dark
}

// Theme is the palette for the appearance: coach's colours, or none.
func (a Appearance) Theme() common.Theme {
	if !a.Color {
		return common.MonochromeTheme()
	}
	return common.DefaultTheme()
}

// Markdown returns the renderer cache for an appearance.
func (a Appearance) Markdown() *common.Markdown {
	style := common.MarkdownLight
	if a.Dark {
		style = common.MarkdownDark
	}
	return common.NewMarkdown(style, a.Color)
}

// RunOptions are the streams a program runs on; nil means the process's own.
type RunOptions struct {
	Input  io.Reader
	Output io.Writer
}

// Run runs the app full screen until the user quits. It returns the error
// that ended it: a fatal error (such as an unreadable database) or a *Crash.
func Run(m *Model, o RunOptions) error {
	opts := []tea.ProgramOption{tea.WithAltScreen()}
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	if o.Output != nil {
		opts = append(opts, tea.WithOutput(o.Output))
	}
	p := tea.NewProgram(m, opts...)
	// Bubble Tea ends the program on SIGINT and SIGTERM; a closed terminal
	// sends SIGHUP, which would kill the process before the answer in
	// progress could be saved.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		if _, ok := <-hup; ok {
			p.Kill()
		}
	}()
	final, err := p.Run()
	signal.Stop(hup) // before close: a signal sent on a closed channel panics
	close(hup)
	if fm, ok := final.(*Model); ok {
		if fm.crash != nil {
			return fm.crash
		}
		if fm.err != nil {
			return fm.err
		}
	}
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return fmt.Errorf("terminal: %w", err)
	}
	return nil
}
