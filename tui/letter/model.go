// Package letter is the cover letter screen: a resume and a job posting go
// in (the review's form, the last files kept), and a letter comes out in
// the template chosen, with LinkedIn headlines and a summary beside it.
// The letter can be edited in $EDITOR and saved to a file; with a model
// configured (and the user's yes) the model improves the draft, and any
// figure it writes that is in neither file is marked.
package letter

import (
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/letter"
	"github.com/coach-tui/coach/coach/resume"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/docform"
	"github.com/coach-tui/coach/tui/stream"
)

// level is what the screen shows.
type level int

const (
	levelInputs level = iota
	levelLetter
)

// Model is the cover letter screen.
type Model struct {
	common.Common
	keys keyMap

	form     *docform.Form
	template letter.Template // asked for; Auto lets the facts choose
	level    level
	busy     bool
	err      error
	notice   string

	doc     resume.Document
	posting string
	facts   *resume.Facts
	letter  *letter.Letter    // the offline letter in the template on show
	heads   *letter.Headlines // headlines and summary from the same facts
	text    string            // the letter on show: offline, the model's, or edited
	source  string            // where text came from: offline, the model's name, edited
	// renderedFor is the text whose markdown render is on show.
	renderedFor string
	view        common.Pager

	saving bool // the file name is being typed
	saveTo textinput.Model

	// The model's draft (see llm.go).
	asking   bool // the consent question is up
	draft    *stream.Model
	drafting bool // the model's draft is on show (streaming or done)
	invented []string
}

// New returns the screen at its inputs.
func New(c common.Common) *Model {
	m := &Model{Common: c, keys: defaultKeys(), form: docform.New(c.Styles, "write the letter"), view: common.NewPager(0, 0),
		saveTo: common.NewTextInput(c.Styles, "cover-letter.md"),
		draft:  stream.New(c.Styles, c.Markdown, c.App.LLM.Client, nil)}
	m.view.Searchable = true
	m.saveTo.Prompt = ""
	return m
}

// FromReview opens the screen on the resume and posting a review just
// read, so the letter needs no typing.
func FromReview(c common.Common, doc resume.Document, posting string) *Model {
	m := New(c)
	m.doc, m.posting, m.busy = doc, posting, true
	return m
}

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.form.SetSize(w, h)
	m.saveTo.Width = max(w-24, 10)
	m.layout()
}

// Init fills in the files used last time, or writes the letter for a
// review's files.
func (m *Model) Init() tea.Cmd {
	if m.busy {
		return m.write(m.doc, m.posting)
	}
	return docform.Recall(m.App.Store)
}

// TakingText implements common.TextTaker: the inputs, the file name and a
// search take q and ?.
func (m *Model) TakingText() bool {
	return m.level == levelInputs || m.saving || m.view.Searching()
}

// BackLevel implements common.LevelBacker: esc ends a search, puts away
// the file name, then goes from the letter back to the inputs, which keep
// what was typed.
func (m *Model) BackLevel() bool {
	switch {
	case m.level == levelInputs:
		return false
	case m.view.EndSearch():
		return true
	case m.saving:
		m.saving = false
		return true
	}
	m.level, m.asking, m.notice = levelInputs, false, ""
	return true
}
