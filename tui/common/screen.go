// Package common holds what every screen shares: size, styles, keys, the
// markdown renderer cache, and the contract a screen fulfils.
package common

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
)

// Screen is one page of the app. Each lives in its own package under tui/.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	View() string
	// SetSize gives the screen the cells it may draw in (help line excluded).
	SetSize(width, height int)
	help.KeyMap
}

// TextTaker is implemented by screens that are taking typed text at the
// moment, so the root passes q, ? and esc through instead of acting on them.
type TextTaker interface {
	TakingText() bool
}

// LevelBacker is implemented by screens with levels of their own (a list,
// then an item): esc goes up a level before it leaves the screen.
type LevelBacker interface {
	// BackLevel goes up one level and reports whether there was one.
	BackLevel() bool
}

// Canceller is implemented by screens that can have work in flight that
// the user may stop, such as a model's reply: esc cancels it before it
// goes up a level or leaves the screen.
type Canceller interface {
	// Cancel stops the work and reports whether there was any.
	Cancel() (tea.Cmd, bool)
}

// SectionID names a section of the app: the unit the home screen opens.
type SectionID string

// OpenMsg asks the root to open a section on top of the current screen.
type OpenMsg struct{ Section SectionID }

// BackMsg asks the root to close the current screen.
type BackMsg struct{}

// Open returns a command that opens a section.
func Open(id SectionID) tea.Cmd {
	return func() tea.Msg { return OpenMsg{Section: id} }
}

// PushMsg asks the root to open a screen built by another screen, such as
// a practice session started from its setup.
type PushMsg struct{ Screen Screen }

// Push returns a command that opens s on top of the current screen.
func Push(s Screen) tea.Cmd {
	return func() tea.Msg { return PushMsg{Screen: s} }
}

// LoadedMsg tells the active screen that the database and the question
// bank are both ready.
type LoadedMsg struct{}

// BankChangedMsg gives the root a question bank reloaded after the user's
// own questions changed, so what was just added can be practised at once.
type BankChangedMsg struct{ Bank *questions.Bank }

// ResumeDraftMsg asks the root to continue an unfinished answer, and the
// rest of its session.
type ResumeDraftMsg struct{ Draft store.Draft }

// ResumeDraft returns a command that continues d.
func ResumeDraft(d store.Draft) tea.Cmd {
	return func() tea.Msg { return ResumeDraftMsg{Draft: d} }
}

// PracticeSkillMsg asks the root to open practice on one skill's questions.
type PracticeSkillMsg struct{ Tag, Name string }

// DraftKeeper is implemented by screens holding an answer in progress, so
// the program can save it when it is stopped.
type DraftKeeper interface {
	// Draft returns the answer in progress, if any.
	Draft() (store.Draft, bool)
}

// Back returns a command that closes the current screen.
func Back() tea.Msg { return BackMsg{} }

// ThemeMsg asks the root to draw with a theme (auto, dark or light) from
// now on: Settings has written it to the config file.
type ThemeMsg struct{ Theme string }
