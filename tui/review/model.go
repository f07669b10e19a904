// Package review is the resume review screen: a resume file and a job
// posting (a file, or text pasted in) go in; the ATS-style report comes
// out, with a keyword table that sorts, the findings, and the questions an
// interviewer is likely to ask, which a key turns into a practice session.
//
// With a model configured (and the user's yes), the report offers two
// more: tailoring (t) streams likely questions and bullet rewrites into a
// level of its own, flagging any figure the model added that is not in the
// resume or the posting; and g has the model write practice questions
// from the posting, which are practised after the report's own.
package review

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/resume"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/docform"
	"github.com/coach-tui/coach/tui/stream"
)

// Model is the review screen.
type Model struct {
	common.Common
	keys keyMap

	form *docform.Form
	busy bool
	err  error

	report  *resume.Report
	doc     resume.Document // the resume as reviewed, for the cover letter
	posting string          // the posting's text as reviewed, for the model
	order   sortOrder
	view    common.Pager
	level   level

	// The model's features (see llm.go).
	asking      action // the consent question is up, for this action
	notice      string // one line about the last request to the model
	tailor      *stream.Model
	tailoredFor *resume.Report // the report the tailoring on record is of
	invented    []string       // figures in the tailoring found in neither source
	tview       common.Pager
	writer      *stream.Model // the model writing practice questions (g); not shown
	generating  bool          // questions asked for and not yet practised or given up
}

// level is what the report shows: the report itself, or the tailoring.
type level int

const (
	levelReport level = iota
	levelTailor
)

// New returns the review screen.
func New(c common.Common) *Model {
	m := &Model{
		Common: c, keys: defaultKeys(), form: docform.New(c.Styles, "review"), view: searchable(),
		// The client is fixed for the run; nil leaves the streams idle.
		tailor: stream.New(c.Styles, c.Markdown, c.App.LLM.Client, nil), tview: searchable(),
		writer: stream.New(c.Styles, c.Markdown, c.App.LLM.Client, nil),
	}
	// The questions' reply is read, not shown: no need to render it whole.
	m.writer.Final = func(string, bool) string { return "" }
	return m
}

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.form.SetSize(w, h)
	m.layout()
}

// TakingText implements common.TextTaker: the inputs take q and ?.
func (m *Model) TakingText() bool {
	return m.report == nil || m.view.Searching() || m.tview.Searching()
}

// searchable is a pager for the report or the tailoring, long text that
// / n N search.
func searchable() common.Pager {
	p := common.NewPager(0, 0)
	p.Searchable = true
	return p
}

// BackLevel implements common.LevelBacker: from the tailoring to the
// report, and from the report back to the inputs, which keep what was
// typed. The root cancels a running request first (Cancel).
func (m *Model) BackLevel() bool {
	switch {
	case m.report == nil:
		return false
	case m.level == levelTailor && m.tview.EndSearch(), m.level == levelReport && m.view.EndSearch():
		return true // esc clears a search before it goes up a level
	case m.level == levelTailor:
		m.level = levelReport
		return true
	}
	m.report = nil
	m.asking, m.notice = actNone, ""
	return true
}

// Init fills in the files used last time.
func (m *Model) Init() tea.Cmd { return docform.Recall(m.App.Store) }

type reviewedMsg struct {
	report  *resume.Report
	doc     resume.Document
	posting string
	err     error
}

// run reads the files and reviews in a command, then remembers the paths.
func (m *Model) run() tea.Cmd {
	in := m.form.Inputs()
	st, bank := m.App.Store, m.App.Bank
	return func() tea.Msg {
		var msg reviewedMsg
		msg.err = in.Use(st, func(doc resume.Document, posting string) (err error) {
			msg.doc, msg.posting = doc, posting
			msg.report, err = resume.Review(doc, posting, resume.Options{Bank: bank})
			return err
		})
		return msg
	}
}
