// Package review is the resume review screen: a resume file and a job
// posting (a file, or text pasted in) go in; the ATS-style report comes
// out, with a keyword table that sorts, the findings, and the questions an
// interviewer is likely to ask, which a key turns into a practice session.
package review

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/resume"
	"github.com/coach-tui/coach/tui/common"
)

type field int

const (
	fieldResume field = iota
	fieldPosting
)

// The remembered inputs, so a second review needs no typing.
const (
	settingResume  = "review.resume"
	settingPosting = "review.posting"
)

// Model is the review screen.
type Model struct {
	common.Common
	keys keyMap

	resumePath  textinput.Model
	postingPath textinput.Model
	postingText textarea.Model
	pasting     bool
	focus       field
	busy        bool
	err         error

	report *resume.Report
	order  sortOrder
	view   viewport.Model
}

// New returns the review screen.
func New(c common.Common) *Model {
	rp := textinput.New()
	rp.Placeholder = "~/resume.pdf (.pdf, .docx, .md or .txt)"
	rp.Prompt = ""
	rp.Cursor.SetMode(cursor.CursorStatic)
	pp := textinput.New()
	pp.Placeholder = "~/posting.txt, or ctrl+p to paste it"
	pp.Prompt = ""
	pp.Cursor.SetMode(cursor.CursorStatic)
	ta := textarea.New()
	ta.Placeholder = "Paste the job posting here."
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	ta.MaxHeight = 40
	ta.Cursor.SetMode(cursor.CursorStatic)
	m := &Model{Common: c, keys: defaultKeys(), resumePath: rp, postingPath: pp, postingText: ta, view: viewport.New(0, 0)}
	m.resumePath.Focus()
	return m
}

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.resumePath.Width = max(w-22, 10)
	m.postingPath.Width = max(w-22, 10)
	m.postingText.SetWidth(max(w-4, 10))
	m.postingText.SetHeight(max(h-9, 3))
	m.view.Width, m.view.Height = max(w-2, 10), max(h-2, 3)
}

// TakingText implements common.TextTaker: the inputs take q and ?.
func (m *Model) TakingText() bool { return m.report == nil }

// BackLevel implements common.LevelBacker: from the report back to the
// inputs, which keep what was typed.
func (m *Model) BackLevel() bool {
	if m.report == nil {
		return false
	}
	m.report = nil
	return true
}

type rememberedMsg struct{ resume, posting string }

// Init fills in the files used last time.
func (m *Model) Init() tea.Cmd {
	st := m.App.Store
	return func() tea.Msg {
		if st == nil {
			return nil
		}
		ctx := context.Background()
		r, _, _ := st.Setting(ctx, settingResume)
		p, _, _ := st.Setting(ctx, settingPosting)
		return rememberedMsg{r, p}
	}
}

type reviewedMsg struct {
	report *resume.Report
	err    error
}

// run reads the files and reviews in a command, then remembers the paths.
func (m *Model) run() tea.Cmd {
	resumePath := expand(strings.TrimSpace(m.resumePath.Value()))
	postingPath := expand(strings.TrimSpace(m.postingPath.Value()))
	pasted, pasting := m.postingText.Value(), m.pasting
	st, bank := m.App.Store, m.App.Bank
	return func() tea.Msg {
		doc, err := resume.ReadFile(resumePath)
		if err != nil {
			return reviewedMsg{err: err}
		}
		posting := pasted
		if !pasting {
			b, err := os.ReadFile(postingPath)
			if err != nil {
				return reviewedMsg{err: err}
			}
			posting = string(b)
		}
		r, err := resume.Review(doc, posting, resume.Options{Bank: bank})
		if err == nil && st != nil {
			ctx := context.Background()
			_ = st.SetSetting(ctx, settingResume, resumePath)
			if !pasting {
				_ = st.SetSetting(ctx, settingPosting, postingPath)
			}
		}
		return reviewedMsg{report: r, err: err}
	}
}

// expand turns a leading ~ into the home folder, as a shell would.
func expand(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[1:])
		}
	}
	return p
}
