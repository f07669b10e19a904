// Package session is the screen a practice session or mock interview runs
// in: each question with its reading time, countdown and answer box, the
// feedback on each answer, follow-ups, the questions to ask at the end of
// a mock interview, and the summary.
package session

import (
	"time"

	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/coach-tui/coach/coach/drills"
	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/coach/llm/prompts"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/stream"
)

type phase int

const (
	phaseLoading phase = iota
	phaseReading
	phaseAnswering
	phaseScoring
	phaseFeedback
	phaseThinking // the model is writing a follow-up
	phaseAsk
	phaseSummary
)

// draftEvery is how often an answer in progress is saved.
const draftEvery = 3 * time.Second

// Model is the session screen.
type Model struct {
	common.Common
	keys     keyMap
	setup    sess.Setup
	analyzer *feedback.Analyzer
	resume   *store.Draft // set when continuing an interrupted answer
	// continueID is the session to pick up, with resume or at its next
	// question.
	continueID int64
	given      []*questions.Question // questions chosen elsewhere, asked in order

	sessionID int64
	plan      []*questions.Question
	ask       []*questions.Question
	idx       int

	// The question on screen; a follow-up when parentAttempt is set.
	q              *questions.Question
	parent         *questions.Question
	parentAttempt  int64
	parentReport   feedback.Report
	followUpsAsked map[string]bool

	phase       phase
	area        textarea.Model
	limit       time.Duration
	readingEnds time.Time
	started     time.Time
	spentBefore time.Duration // time used before a resumed answer
	now         time.Time
	tick        int // generation of the running tick chain
	hintUsed    bool
	showHint    bool
	timedOut    bool
	leaveArmed  bool
	savedText   string
	lastSave    time.Time

	summary         sess.Summary
	summaryMarkdown string
	report          feedback.Report
	attemptID       int64
	view            common.Pager // feedback and summary
	askCursor       int
	asked           map[string]bool
	showWhy         bool
	err             error

	scheduler *drills.Scheduler
	queue     *drills.Queue // drill mode: what is still to answer well
	graded    bool          // the answer on the feedback screen has its grade

	// The optional model: its critique of the answer on the feedback
	// screen, the consent question, and the follow-ups it writes.
	critique   *stream.Model
	critiqueOf critiqued
	offlineOut string // the rendered offline feedback
	asking     bool   // the feedback screen asks whether answers may be sent
	lastAnswer string
	rootAnswer string             // the answer to the question being followed up
	earlier    []prompts.Exchange // its follow-ups so far, with their answers
	chain      int                // follow-ups asked on the current question
	byModel    bool               // the follow-up on screen was written by the model
	notice     string             // one line about the follow-up on screen
	fu         *stream.Model      // the model writing a follow-up

	voice voice // a spoken answer (voice.go)
}

// New returns a session screen that plans and starts a session for setup.
func New(c common.Common, setup sess.Setup) *Model {
	m := newModel(c)
	m.setup = setup
	return m
}

// WithQuestions returns a practice session on the questions given (such as
// those a resume review expects), in order, instead of planning one.
func WithQuestions(c common.Common, setup sess.Setup, qs []*questions.Question) *Model {
	m := newModel(c)
	m.setup = setup
	m.given = qs
	return m
}

// Resume returns a session screen that continues an interrupted answer,
// then the rest of its session.
func Resume(c common.Common, d store.Draft) *Model {
	m := newModel(c)
	m.resume, m.continueID = &d, d.SessionID
	return m
}

// Continue returns a session screen that picks up an unfinished session:
// its answer in progress if it has one, else its next question.
func Continue(c common.Common, sessionID int64) *Model {
	m := newModel(c)
	m.continueID = sessionID
	return m
}

func newModel(c common.Common) *Model {
	ta := common.NewTextArea(c.Styles, "Type your answer as you would say it…")
	// ctrl+e opens $EDITOR and ctrl+t shows a hint here; the box keeps
	// end and its other keys for moving.
	ta.KeyMap.LineEnd.SetKeys("end")
	ta.KeyMap.TransposeCharacterBackward.SetEnabled(false)
	return &Model{
		Common: c, keys: defaultKeys(), area: ta, view: searchablePager(),
		followUpsAsked: map[string]bool{}, asked: map[string]bool{},
		// The reply runs on the wall clock: its timers are the network's.
		critique: stream.New(c.Styles, c.Markdown, c.App.LLM.Client, nil),
		fu:       stream.New(c.Styles, c.Markdown, c.App.LLM.Client, nil),
	}
}

// TakingText implements common.TextTaker: while an answer is being typed
// every key belongs to it.
func (m *Model) TakingText() bool {
	return m.phase == phaseAnswering || m.phase == phaseReading || m.view.Searching()
}

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.area.SetWidth(max(w-4, 10))
	m.area.SetHeight(m.answerHeight())
	m.area = common.ScrollToCursor(m.area)
	m.view.Width = max(w-2, 10)
	m.layout()
}

// answerHeight leaves room for the header, the question, the hint, the
// clock and the word count.
func (m *Model) answerHeight() int {
	used := 5 // header, two blank lines, clock, status
	if l := m.voiceLine(); l != "" {
		used += lipgloss.Height(l)
	}
	if m.notice != "" {
		used += lipgloss.Height(m.noticeView())
	}
	if m.q != nil {
		used += lipgloss.Height(m.Styles.Heading.Width(m.wrapWidth()).Render(oneLine(m.q.Text)))
		if m.showHint {
			used += lipgloss.Height(m.hintView())
		}
	}
	if m.err != nil {
		used++
	}
	// the box takes every row the rest leaves, so a tall window shows a
	// long answer rather than blank rows under a short box
	return max(m.Height-used, 3)
}

// elapsed is the answering time used so far.
func (m *Model) elapsed() time.Duration {
	if m.started.IsZero() {
		return m.spentBefore
	}
	return m.spentBefore + m.now.Sub(m.started)
}

// remaining is the time left; negative in overtime.
func (m *Model) remaining() time.Duration { return m.limit - m.elapsed() }

func (m *Model) isFollowUp() bool { return m.parentAttempt != 0 }

// gradable reports whether the answer on the feedback screen schedules a
// drill: every bank question does; follow-ups and questions to ask the
// interviewer do not.
func (m *Model) gradable() bool {
	return m.q != nil && !m.isFollowUp() && m.q.Kind != questions.AskInterviewer && m.attemptID != 0
}

// suggested is the grade the offline score suggests.
func (m *Model) suggested() drills.Grade {
	return drills.Suggest(m.report.Overall, m.report.Words == 0)
}

// followUpNext is the bank's next follow-up to the question being
// answered, if any.
func (m *Model) followUpNext() *questions.Question {
	if m.q == nil {
		return nil
	}
	q, ok := sess.FollowUp(m.rootQ(), m.followUpsAsked)
	if !ok {
		return nil
	}
	return q
}

// rootQ is the bank question on screen, or the one being followed up.
func (m *Model) rootQ() *questions.Question {
	if m.isFollowUp() && m.parent != nil {
		return m.parent
	}
	return m.q
}

func (m *Model) rootAttempt() int64 {
	if m.isFollowUp() {
		return m.parentAttempt
	}
	return m.attemptID
}

func (m *Model) rootReport() feedback.Report { return m.parentReport }

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd {
	if m.continueID != 0 {
		return m.loadResume()
	}
	return m.start()
}

// SessionID is the stored session this screen runs, once it has started.
func (m *Model) SessionID() int64 { return m.sessionID }

// searchablePager is the feedback and summary's pager: long text that / n N
// search.
func searchablePager() common.Pager {
	p := common.NewPager(0, 0)
	p.Searchable = true
	return p
}
