package common

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
)

// Common is embedded by every screen: the shared, read-mostly state of the
// program plus the screen's own size.
type Common struct {
	Width, Height int
	Styles        *Styles
	Markdown      *Markdown
	App           *App
}

// SetSize records the cells a screen may use.
func (c *Common) SetSize(width, height int) {
	c.Width, c.Height = width, height
}

// App is the program-wide state the root owns and screens read. Only the
// root model writes to it, from Update.
type App struct {
	Info  Info
	Store *store.Store    // nil until the database has opened
	Bank  *questions.Bank // nil until the question bank has loaded
	// LLM is the optional model endpoint and the user's consent to it.
	LLM LLM
	// Speech is the recorder and the optional transcription endpoint.
	Speech Speech
	// Now is the clock; tests replace it.
	Now func() time.Time
	// Tick, when set, makes the commands that wake a screen after d (the
	// session's countdown). Tests set it so that no test waits on the wall
	// clock: they advance Now and send the tick themselves.
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
}

// After returns a command that calls fn after d, through App.Tick when set.
func (a *App) After(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	if a != nil && a.Tick != nil {
		return a.Tick(d, fn)
	}
	return tea.Tick(d, fn)
}

// Clock returns App.Now, or time.Now when unset.
func (a *App) Clock() time.Time {
	if a != nil && a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

// Info describes how this run was configured, for the settings screen and
// the home screen's status line.
type Info struct {
	Version      string
	ConfigPath   string
	ConfigExists bool
	DataDir      string
	Theme        string // as configured: auto, dark or light
	Dark         bool   // the background drawn on
	// Detected says the terminal's background was asked for at start (the
	// theme was auto); DetectedDark is what it said.
	Detected, DetectedDark bool
	Color                  bool
	Offline                bool
}
