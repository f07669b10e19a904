// Package history is the screen for past sessions: each session with its
// answers, filtered by kind or category, each answer with its feedback,
// the session's report, and deleting with confirmation.
package history

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/tui/common"
)

type level int

const (
	levelSessions level = iota
	levelAttempts
	levelDetail
)

// Model is the history screen.
type Model struct {
	common.Common
	keys keyMap

	level    level
	sessions []store.Session
	cursor   int // in sessions
	session  store.Session
	attempts []store.Attempt
	acursor  int // in the filtered attempts
	kind     string
	category string

	view    common.Pager
	confirm *pending        // a delete waiting for y or n
	search  search          // the sessions' search
	all     []store.Session // every session; sessions is what the list shows
	loaded  bool
	err     error
	notice  string // what the last export did
}

type exportedMsg struct {
	path string
	err  error
}

// export writes a session's report as markdown to coach-session-N.md in
// the folder coach was started from, as coach report --out would,
// through a temporary file so a crash never leaves half a report.
func (m *Model) export(s store.Session) tea.Cmd {
	st := m.App.Store
	return func() tea.Msg {
		if st == nil {
			return exportedMsg{err: fmt.Errorf("the database is not open yet")}
		}
		attempts, err := st.Attempts(context.Background(), s.ID)
		if err != nil {
			return exportedMsg{err: err}
		}
		path, err := filepath.Abs(fmt.Sprintf("coach-session-%d.md", s.ID))
		if err != nil {
			return exportedMsg{err: err}
		}
		return exportedMsg{path: path, err: writeFile(path, sess.Summarize(s, attempts).Markdown())}
	}
}

func writeFile(path, text string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".coach-session-*.md")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(text); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// pending is a delete the user must confirm.
type pending struct {
	what string
	run  func(*store.Store) error
}

// New returns the history screen.
func New(c common.Common) *Model {
	return &Model{Common: c, keys: defaultKeys(), view: searchablePager()}
}

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.view.Width, m.view.Height = max(w-2, 10), max(h-3, 3)
}

// Init loads the sessions.
func (m *Model) Init() tea.Cmd { return m.loadSessions() }

type sessionsMsg struct {
	list []store.Session
	err  error
}

type attemptsMsg struct {
	list []store.Attempt
	err  error
}

type renderedMsg struct {
	out string
	err error
}

type deletedMsg struct{ err error }

func (m *Model) loadSessions() tea.Cmd {
	st := m.App.Store
	return func() tea.Msg {
		if st == nil {
			return sessionsMsg{err: fmt.Errorf("the database is not open yet")}
		}
		list, err := st.Sessions(context.Background())
		return sessionsMsg{list: list, err: err}
	}
}

func (m *Model) loadAttempts(id int64) tea.Cmd {
	st := m.App.Store
	return func() tea.Msg {
		list, err := st.Attempts(context.Background(), id)
		return attemptsMsg{list: list, err: err}
	}
}

func (m *Model) render(md string) tea.Cmd {
	r, width := m.Markdown, max(min(m.view.Width-2, 100), 20)
	return func() tea.Msg {
		out, err := r.Render(md, width)
		return renderedMsg{out: out, err: err}
	}
}

// filtered is the session's attempts that pass the kind and category
// filters.
func (m *Model) filtered() []store.Attempt {
	var out []store.Attempt
	for _, a := range m.attempts {
		if (m.kind == "" || a.Kind == m.kind) && (m.category == "" || a.Category == m.category) {
			out = append(out, a)
		}
	}
	return out
}

// renderDetail reads every answer to the attempt's question, then renders
// the attempt with them, in a command.
func (m *Model) renderDetail(a store.Attempt) tea.Cmd {
	st, r, width, md := m.App.Store, m.Markdown, max(min(m.view.Width-2, 100), 20), m.detailMarkdown
	return func() tea.Msg {
		var over []store.Attempt
		if st != nil {
			over, _ = st.QuestionAttempts(context.Background(), a.QuestionID)
		}
		out, err := r.Render(md(a, over), width)
		return renderedMsg{out: out, err: err}
	}
}

// overTime is the question's answers as a table, oldest first: when, the
// score, the words, and the dimensions that moved 10 points or more since
// the answer before.
func overTime(current store.Attempt, list []store.Attempt) string {
	if len(list) < 2 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## This question over time (%s)\n\n| when | score | words | what changed |\n|---|--:|--:|---|\n", words.Count(len(list), "answer"))
	var prev map[string]int
	for _, a := range list {
		r := sess.DecodeReport(a.Report)
		dims := map[string]int{}
		var moved []string
		for _, d := range r.Dimensions {
			dims[d.Name] = d.Score
			if p, ok := prev[d.Name]; ok && (d.Score-p >= 10 || p-d.Score >= 10) {
				moved = append(moved, fmt.Sprintf("%s %d→%d", strings.ToLower(d.Name), p, d.Score))
			}
		}
		when := a.SubmittedAt.Local().Format("2 Jan 2006 15:04")
		if a.ID == current.ID {
			when = "**" + when + " (this one)**"
		}
		score := fmt.Sprint(a.Overall)
		if a.Skipped {
			score = "skipped"
		}
		changed := strings.Join(moved, ", ")
		if prev == nil {
			changed = "first answer"
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %s |\n", when, score, r.Words, changed)
		if !a.Skipped {
			prev = dims
		}
	}
	return b.String() + "\n"
}

// detailMarkdown is one answer with its feedback, how the question went
// over time and, when the question is still in the bank, the outline of a
// strong answer.
func (m *Model) detailMarkdown(a store.Attempt, over []store.Attempt) string {
	r := sess.DecodeReport(a.Report)
	md := sess.AttemptMarkdown(m.acursor+1, sess.Row{Attempt: a, Report: r, FollowUp: a.ParentID != 0})
	md += overTime(a, over)
	if m.App.Bank != nil {
		if q, ok := m.App.Bank.Get(a.QuestionID); ok {
			md += "## A strong answer\n\n" + q.Outline + "\n"
		}
	}
	return md
}

// searchablePager is the pager of a session's report and an answer's
// detail: long text that / n N search.
func searchablePager() common.Pager {
	p := common.NewPager(0, 0)
	p.Searchable = true
	return p
}
