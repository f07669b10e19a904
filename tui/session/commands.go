package session

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/drills"
	"github.com/coach-tui/coach/coach/feedback"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

var errNotReady = errors.New("the question bank or the database is still loading; try again in a moment")

type startedMsg struct {
	sessionID int64
	setup     sess.Setup
	plan      []*questions.Question
	ask       []*questions.Question
	analyzer  *feedback.Analyzer
	err       error
}

func newAnalyzer() (*feedback.Analyzer, error) {
	cat, err := skills.Load()
	if err != nil {
		return nil, err
	}
	return feedback.NewAnalyzer(cat), nil
}

// start plans the session and records it, so every answer has a session
// to belong to.
func (m *Model) start() tea.Cmd {
	st, bank, setup, now, given := m.App.Store, m.App.Bank, m.setup, m.App.Clock(), m.given
	return func() tea.Msg {
		if st == nil || bank == nil {
			return startedMsg{err: errNotReady}
		}
		ctx := context.Background()
		last, err := st.LastAsked(ctx)
		if err != nil {
			return startedMsg{err: err}
		}
		seed := uint64(now.UnixNano())
		msg := startedMsg{setup: setup}
		switch {
		case len(given) > 0:
			msg.plan = given
		case setup.Mode == sess.Mock:
			p := sess.PlanMock(bank, setup.Role, setup.Count, last, seed)
			msg.plan, msg.ask = p.Questions, p.Ask
		case setup.Mode == sess.Drill:
			for _, id := range setup.Plan {
				if q, ok := bank.Get(id); ok {
					msg.plan = append(msg.plan, q)
				}
			}
		default:
			msg.plan = sess.Plan(bank, setup, last, seed)
		}
		if len(msg.plan) == 0 {
			return startedMsg{err: errors.New("no question matches these choices; widen the kinds, category or difficulty")}
		}
		msg.setup.Plan, msg.setup.Extra = nil, nil
		for _, q := range append(msg.plan, msg.ask...) {
			msg.setup.Plan = append(msg.setup.Plan, q.ID)
			if _, ok := bank.Get(q.ID); !ok {
				msg.setup.Extra = append(msg.setup.Extra, q)
			}
		}
		if msg.analyzer, err = newAnalyzer(); err != nil {
			return startedMsg{err: err}
		}
		msg.sessionID, msg.err = st.CreateSession(ctx, string(setup.Mode), string(setup.Role), msg.setup.Encode(), now)
		return msg
	}
}

type resumedMsg struct {
	started  startedMsg
	draft    *store.Draft // the answer in progress, if there is one
	question *questions.Question
	parent   *questions.Question
	idx      int // the draft's question in the plan, or the first one not answered
}

// loadResume rebuilds an interrupted session: its plan, the questions
// already answered, and the answer in progress: the one asked for, else
// the session's newest, else none, and the session goes on with its first
// question not yet answered.
func (m *Model) loadResume() tea.Cmd {
	st, bank, id, want := m.App.Store, m.App.Bank, m.continueID, m.resume
	return func() tea.Msg {
		fail := func(err error) tea.Msg { return resumedMsg{started: startedMsg{err: err}} }
		if st == nil || bank == nil {
			return fail(errNotReady)
		}
		ctx := context.Background()
		s, err := st.Session(ctx, id)
		if err != nil {
			return fail(fmt.Errorf("the interrupted session is gone: %w", err))
		}
		attempts, err := st.Attempts(ctx, id)
		if err != nil {
			return fail(err)
		}
		out := resumedMsg{draft: want}
		if out.draft == nil {
			if out.draft, err = newestDraftOf(ctx, st, id); err != nil {
				return fail(err)
			}
		}
		out.started.sessionID, out.started.setup = s.ID, sess.DecodeSetup(s.Setup)
		get := planned(bank, out.started.setup.Extra)
		for _, id := range out.started.setup.Plan {
			if q, ok := get(id); ok {
				if q.Kind == questions.AskInterviewer && out.started.setup.Mode == sess.Mock {
					out.started.ask = append(out.started.ask, q)
				} else {
					out.started.plan = append(out.started.plan, q)
				}
			}
		}
		if out.started.analyzer, err = newAnalyzer(); err != nil {
			return fail(err)
		}
		if out.draft == nil {
			out.idx = firstUnanswered(out.started.plan, attempts)
			return out
		}
		d := out.draft
		base, _, _ := cutFollowUp(d.QuestionID)
		q, ok := get(base)
		if !ok {
			return fail(fmt.Errorf("question %q is no longer in the bank", base))
		}
		for i, p := range out.started.plan {
			if p.ID == base {
				out.idx = i
			}
		}
		if d.ParentID != 0 {
			out.parent, out.question = q, sess.AsFollowUp(q, d.QuestionID, d.QuestionText, max(q.Time/2, questions.MinTime))
		} else {
			out.question = q
		}
		return out
	}
}

func newestDraftOf(ctx context.Context, st *store.Store, session int64) (*store.Draft, error) {
	all, err := st.Drafts(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range all {
		if d.SessionID == session {
			return &d, nil
		}
	}
	return nil, nil
}

// firstUnanswered is the index in plan of the first question with no
// answer in attempts, or len(plan) when every one has one.
func firstUnanswered(plan []*questions.Question, attempts []store.Attempt) int {
	answered := map[string]bool{}
	for _, a := range attempts {
		if a.ParentID == 0 {
			answered[a.QuestionID] = true
		}
	}
	for i, q := range plan {
		if !answered[q.ID] {
			return i
		}
	}
	return len(plan)
}

// planned finds a session's question in the bank or among the questions
// kept with the session because the bank does not have them.
func planned(bank *questions.Bank, extra []*questions.Question) func(string) (*questions.Question, bool) {
	return func(id string) (*questions.Question, bool) {
		if q, ok := bank.Get(id); ok {
			return q, true
		}
		for _, q := range extra {
			if q.ID == id {
				return q, true
			}
		}
		return nil, false
	}
}

// cutFollowUp splits a follow-up id ("q#2") into its question's id.
func cutFollowUp(id string) (string, string, bool) {
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '#' {
			return id[:i], id[i+1:], true
		}
	}
	return id, "", false
}

type gradedMsg struct{ err error }

// saveGrade reschedules the question with the candidate's grade.
func (m *Model) saveGrade(g drills.Grade) tea.Cmd {
	st, sch, id, attempt, now := m.App.Store, m.scheduler, m.q.ID, m.attemptID, m.App.Clock()
	return func() tea.Msg {
		ctx := context.Background()
		prev, ok, err := st.Card(ctx, id)
		if err != nil {
			return gradedMsg{err: err}
		}
		var p *store.Card
		if ok {
			p = &prev
		}
		card, err := sch.Grade(id, p, g, now)
		if err != nil {
			return gradedMsg{err: err}
		}
		return gradedMsg{err: st.SaveCard(ctx, card, int(g), attempt, now)}
	}
}

type scoredMsg struct {
	report    feedback.Report
	attemptID int64
	err       error
}

// score judges the answer and saves it; the draft goes in the same
// transaction.
func (m *Model) score(answer string, skipped bool) tea.Cmd {
	st, a, q := m.App.Store, m.analyzer, m.q
	att := store.Attempt{
		SessionID: m.sessionID, ParentID: m.parentAttempt, QuestionID: q.ID, QuestionText: q.Text,
		Kind: string(q.Kind), Category: q.Category, Answer: answer,
		StartedAt: m.App.Clock().Add(-m.elapsed()), SubmittedAt: m.App.Clock(),
		Limit: m.limit, Used: m.elapsed(), TimerMode: string(m.setup.Timer),
		HintUsed: m.hintUsed, Skipped: skipped, TimedOut: m.timedOut,
		Delivery: m.deliveryJSON(), Audio: m.voice.audio,
	}
	return func() tea.Msg {
		var r feedback.Report
		if !skipped {
			r = a.Analyze(q, answer)
		}
		att.Overall = r.Overall
		b, err := json.Marshal(r)
		if err != nil {
			return scoredMsg{err: err}
		}
		att.Report = string(b)
		id, err := st.AddAttempt(context.Background(), att)
		return scoredMsg{report: r, attemptID: id, err: err}
	}
}

type draftSavedMsg struct {
	text string
	err  error
}

func (m *Model) saveDraft() tea.Cmd {
	d, ok := m.Draft()
	st := m.App.Store
	if !ok || st == nil {
		return nil
	}
	return func() tea.Msg {
		return draftSavedMsg{text: d.Answer, err: st.SaveDraft(context.Background(), d)}
	}
}

// Draft implements common.DraftKeeper.
func (m *Model) Draft() (store.Draft, bool) {
	// Nothing typed is nothing to keep: an empty draft would only offer to
	// resume a blank answer.
	if (m.phase != phaseAnswering && m.phase != phaseReading) || m.q == nil || m.sessionID == 0 ||
		strings.TrimSpace(m.area.Value()) == "" {
		return store.Draft{}, false
	}
	return store.Draft{
		SessionID: m.sessionID, ParentID: m.parentAttempt, QuestionID: m.q.ID, QuestionText: m.q.Text,
		Answer: m.area.Value(), Limit: m.limit, Remaining: max(m.remaining(), 0),
		TimerMode: string(m.setup.Timer), HintUsed: m.hintUsed, SavedAt: m.App.Clock(),
	}, true
}

type renderedMsg struct {
	for_ phase
	out  string
	err  error
}

// renderWidth is the wrap width of rendered markdown: the viewport, at
// most 100 columns, which reads better than a full wide terminal.
func (m *Model) renderWidth() int { return max(min(m.view.Width-2, 100), 20) }

func (m *Model) render(p phase, md string) tea.Cmd {
	r, width := m.Markdown, m.renderWidth()
	return func() tea.Msg {
		out, err := r.Render(md, width)
		return renderedMsg{for_: p, out: out, err: err}
	}
}

type finishedMsg struct {
	summary sess.Summary
	err     error
}

// finish ends the session and builds its summary.
func (m *Model) finish() tea.Cmd {
	st, id, now, setup := m.App.Store, m.sessionID, m.App.Clock(), m.setup
	for _, q := range m.ask {
		if m.asked[q.ID] {
			setup.Asked = append(setup.Asked, q.ID)
			setup.AskedText = append(setup.AskedText, q.Text)
		}
	}
	return func() tea.Msg {
		ctx := context.Background()
		if err := st.EndSession(ctx, id, now); err != nil {
			return finishedMsg{err: err}
		}
		if setup.Mode == sess.Mock {
			if err := st.UpdateSessionSetup(ctx, id, setup.Encode()); err != nil {
				return finishedMsg{err: err}
			}
		}
		s, err := st.Session(ctx, id)
		if err != nil {
			return finishedMsg{err: err}
		}
		attempts, err := st.Attempts(ctx, id)
		if err != nil {
			return finishedMsg{err: err}
		}
		return finishedMsg{summary: sess.Summarize(s, attempts)}
	}
}

// openEditor hands the answer to the user's editor.
func (m *Model) openEditor() tea.Cmd {
	return common.OpenEditor("session", "coach-answer-*.md", m.area.Value())
}

type tickMsg struct {
	gen int
	at  time.Time
}

// tickEvery keeps the clock moving; a new question starts a new chain and
// old chains stop at their next tick.
const tickEvery = 250 * time.Millisecond

func (m *Model) startTicking() tea.Cmd {
	m.tick++
	return m.tickCmd()
}

func (m *Model) tickCmd() tea.Cmd {
	gen := m.tick
	return m.App.After(tickEvery, func(t time.Time) tea.Msg { return tickMsg{gen: gen, at: t} })
}
