package session

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/drills"
	"github.com/coach-tui/coach/coach/llm/prompts"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/stream"
)

// Update implements common.Screen. The viewport is laid out again after
// every message, since the phase and the footer under it may have changed.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	s, cmd := m.update(msg)
	m.layout()
	return s, cmd
}

func (m *Model) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := m.critique.Update(msg); ok {
		m.refreshFeedback()
		return m, cmd
	}
	if cmd, ok := m.fu.Update(msg); ok {
		return m, cmd
	}
	if cmd, ok := m.handleVoice(msg); ok {
		m.area.SetHeight(m.answerHeight())
		return m, cmd
	}
	switch msg := msg.(type) {
	case stream.EndedMsg:
		return m, m.handleEnded(msg)
	case startedMsg:
		return m, m.handleStarted(msg)
	case resumedMsg:
		return m, m.handleResumed(msg)
	case tickMsg:
		return m, m.handleTick(msg)
	case scoredMsg:
		return m, m.handleScored(msg)
	case renderedMsg:
		return m, m.handleRendered(msg)
	case finishedMsg:
		return m, m.handleFinished(msg)
	case gradedMsg:
		if msg.err != nil {
			m.err = msg.err
		}
		return m, nil
	case draftSavedMsg:
		if msg.err == nil {
			m.savedText = msg.text
		}
		return m, nil
	case common.EditorReadyMsg:
		if msg.Owner != "session" {
			return m, nil // another screen's editor
		}
		if msg.Err != nil {
			m.err = msg.Err
			return m, nil
		}
		return m, common.RunEditor(msg.Owner, msg.Path)
	case common.EditorDoneMsg:
		if msg.Owner != "session" {
			return m, nil
		}
		if msg.Err != nil {
			m.err = msg.Err
		} else {
			common.SetTextAreaValue(&m.area, strings.TrimRight(msg.Text, "\n"))
		}
		m.now = m.App.Clock()
		return m, nil
	case tea.WindowSizeMsg:
		return m, m.rerender()
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *Model) handleStarted(msg startedMsg) tea.Cmd {
	if msg.err != nil {
		m.err = msg.err
		return nil
	}
	m.sessionID, m.setup, m.plan, m.ask, m.analyzer = msg.sessionID, msg.setup, msg.plan, msg.ask, msg.analyzer
	m.scheduler = drills.NewScheduler()
	m.idx = 0
	if m.setup.Mode == sess.Drill {
		ids := make([]string, len(m.plan))
		for i, q := range m.plan {
			ids[i] = q.ID
		}
		m.queue = drills.NewQueue(ids)
	}
	return m.begin(m.plan[0], nil)
}

func (m *Model) handleResumed(msg resumedMsg) tea.Cmd {
	if msg.started.err != nil {
		m.err = msg.started.err
		return nil
	}
	s := msg.started
	m.sessionID, m.setup, m.plan, m.ask, m.analyzer = s.sessionID, s.setup, s.plan, s.ask, s.analyzer
	m.scheduler = drills.NewScheduler()
	m.idx = msg.idx
	if msg.draft == nil {
		// No answer in progress: go on from the first question not yet
		// answered, as next would after the one before it.
		m.idx--
		if m.setup.Mode == sess.Drill {
			var ids []string
			for _, q := range m.plan[msg.idx:] {
				ids = append(ids, q.ID)
			}
			m.queue = drills.NewQueue(ids)
		}
		return m.next(false)
	}
	if m.setup.Mode == sess.Drill {
		var ids []string
		for _, q := range m.plan[m.idx:] {
			ids = append(ids, q.ID)
		}
		m.queue = drills.NewQueue(ids)
	}
	d := *msg.draft
	cmd := m.begin(msg.question, nil)
	if d.ParentID != 0 {
		// begin starts a new question's chain; this is a follow-up in one.
		m.parent, m.parentAttempt, m.chain = msg.parent, d.ParentID, 1
		m.followUpsAsked[d.QuestionText] = true
	}
	// Pick up where the answer was left: its text, its hint, its clock.
	m.phase = phaseAnswering
	m.limit = d.Limit
	m.spentBefore = d.Limit - d.Remaining
	m.started = m.App.Clock()
	m.now = m.started
	m.hintUsed, m.showHint = d.HintUsed, d.HintUsed
	common.SetTextAreaValue(&m.area, d.Answer)
	m.area.Focus()
	m.area = common.ScrollToCursor(m.area)
	m.savedText = d.Answer
	return cmd
}

// begin puts a question (or a follow-up of parent) on screen.
func (m *Model) begin(q *questions.Question, parent *questions.Question) tea.Cmd {
	m.q = q
	if parent == nil {
		m.parent, m.parentAttempt = nil, 0
		m.chain, m.earlier, m.rootAnswer = 0, nil, ""
	}
	m.byModel, m.notice, m.asking = false, "", false
	m.cancelRecording()
	m.limit = m.setup.Limit(q.Time)
	m.area.Reset()
	m.hintUsed, m.showHint, m.timedOut, m.leaveArmed = false, false, false, false
	m.spentBefore, m.started, m.savedText = 0, time.Time{}, ""
	m.now = m.App.Clock()
	m.lastSave = m.now
	m.err = nil
	if m.setup.Reading > 0 && parent == nil {
		m.phase = phaseReading
		m.readingEnds = m.now.Add(m.setup.Reading)
	} else {
		m.startAnswering()
	}
	m.area.SetHeight(m.answerHeight())
	return tea.Batch(m.area.Focus(), m.startTicking())
}

func (m *Model) startAnswering() {
	m.phase = phaseAnswering
	m.started = m.App.Clock()
	m.now = m.started
}

func (m *Model) handleTick(msg tickMsg) tea.Cmd {
	if msg.gen != m.tick || (m.phase != phaseReading && m.phase != phaseAnswering) {
		return nil
	}
	m.now = m.App.Clock()
	var cmds []tea.Cmd
	switch m.phase {
	case phaseReading:
		if !m.now.Before(m.readingEnds) {
			m.startAnswering()
		}
	case phaseAnswering:
		if m.setup.Timer == sess.Strict && m.remaining() <= 0 {
			// Time is up: what was typed is the answer.
			m.timedOut = true
			return m.submit(false)
		}
		if m.now.Sub(m.lastSave) >= draftEvery && m.area.Value() != m.savedText {
			m.lastSave = m.now
			cmds = append(cmds, m.saveDraft())
		}
	}
	cmds = append(cmds, m.tickCmd())
	return tea.Batch(cmds...)
}

// submit stops the clock and scores the answer in a command.
func (m *Model) submit(skipped bool) tea.Cmd {
	m.now = m.App.Clock()
	answer := strings.TrimSpace(m.area.Value())
	if answer == "" && !m.timedOut {
		skipped = true
	}
	cmd := m.score(answer, skipped)
	m.lastAnswer = answer
	if m.isFollowUp() {
		m.earlier = append(m.earlier, prompts.Exchange{Question: m.q.Text, Answer: answer})
	} else {
		m.rootAnswer = answer
	}
	m.phase = phaseScoring
	m.spentBefore = m.elapsed()
	m.started = time.Time{}
	m.area.Blur()
	return cmd
}

func (m *Model) handleScored(msg scoredMsg) tea.Cmd {
	if msg.err != nil {
		// Nothing is lost: the draft still holds the answer. Go back to it.
		m.err = msg.err
		m.phase = phaseAnswering
		m.started = m.App.Clock()
		return tea.Batch(m.area.Focus(), m.startTicking())
	}
	m.report, m.attemptID, m.graded = msg.report, msg.attemptID, false
	if m.parentAttempt == 0 {
		m.parentReport = m.report
	}
	m.phase = phaseFeedback
	m.offlineOut = m.Styles.Muted.Render("Scoring…")
	m.view.SetContent(m.offlineOut)
	m.view.GotoTop()
	render := m.render(phaseFeedback, m.feedbackMarkdown())
	cmd := m.afterScoring()
	m.layout()
	return tea.Batch(render, cmd)
}

func (m *Model) handleRendered(msg renderedMsg) tea.Cmd {
	if msg.for_ != m.phase {
		return nil
	}
	if msg.err != nil {
		m.err = msg.err
		return nil
	}
	if m.phase == phaseFeedback {
		m.offlineOut = msg.out
		m.refreshFeedback()
		return nil
	}
	m.view.SetContent(msg.out)
	return nil
}

// rerender wraps the feedback or summary again for a new width.
func (m *Model) rerender() tea.Cmd {
	switch m.phase {
	case phaseFeedback:
		return tea.Batch(m.render(phaseFeedback, m.feedbackMarkdown()), m.critique.SetWidth(m.renderWidth()))
	case phaseSummary:
		return m.render(phaseSummary, m.summaryMarkdown)
	}
	return nil
}

func (m *Model) handleFinished(msg finishedMsg) tea.Cmd {
	if msg.err != nil {
		m.err = msg.err
		return nil
	}
	m.summary = msg.summary
	m.summaryMarkdown = msg.summary.Markdown()
	m.phase = phaseSummary
	m.view.SetContent("")
	return m.render(phaseSummary, m.summaryMarkdown)
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if m.view.Searching() {
		// the search prompt takes every key, digits and s included
		m.view, _ = m.view.Update(msg)
		return nil
	}
	if m.phase != phaseAnswering && m.phase != phaseReading {
		m.leaveArmed = false
	}
	switch m.phase {
	case phaseReading:
		switch {
		case key.Matches(msg, k.StartNow):
			m.startAnswering()
		case key.Matches(msg, k.Leave):
			return m.leave()
		}
		return nil
	case phaseAnswering:
		return m.handleAnswerKey(msg)
	case phaseFeedback:
		switch {
		case m.asking && key.Matches(msg, k.Consent):
			return m.answerConsent(true)
		case m.asking && key.Matches(msg, k.Decline):
			return m.answerConsent(false)
		case key.Matches(msg, k.Critique) && m.critique.State() != stream.Idle:
			m.view.SetYOffset(m.critiqueLine())
			return nil
		case key.Matches(msg, k.Grade) && m.gradable():
			g := drills.Grade(msg.String()[0] - '0')
			return m.gradeThen(g, true)
		case key.Matches(msg, k.Next):
			return m.gradeThen(m.suggested(), true)
		case key.Matches(msg, k.SkipFU):
			return m.gradeThen(m.suggested(), false)
		}
	case phaseAsk:
		return m.handleAskKey(msg)
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return cmd
}

func (m *Model) handleAnswerKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if !key.Matches(msg, k.Leave) {
		m.leaveArmed = false
	}
	if m.voice.asking && key.Matches(msg, k.Consent, k.Decline) {
		return m.answerAudioConsent(key.Matches(msg, k.Consent))
	}
	switch {
	case key.Matches(msg, k.Record):
		cmd := m.toggleRecording()
		m.area.SetHeight(m.answerHeight())
		return cmd
	case key.Matches(msg, k.Submit, k.Skip) && (m.voice.rec != nil || m.voice.busy):
		m.voice.status, m.voice.problem = "The recording is still going: ctrl+r stops it, then ctrl+s submits.", true
		return nil
	case key.Matches(msg, k.Submit):
		return m.submit(false)
	case key.Matches(msg, k.Skip):
		return m.submit(true)
	case key.Matches(msg, k.Hint):
		m.hintUsed, m.showHint = true, !m.showHint
		m.area.SetHeight(m.answerHeight())
		return nil
	case key.Matches(msg, k.Editor):
		return m.openEditor()
	case key.Matches(msg, k.Leave):
		return m.leave()
	}
	var cmd tea.Cmd
	m.area, cmd = common.UpdateTextArea(m.area, msg)
	return cmd
}

// leave asks for a second esc, then closes the session; the answer in
// progress is saved as a draft to resume later.
func (m *Model) leave() tea.Cmd {
	if !m.leaveArmed {
		m.leaveArmed = true
		return nil
	}
	save := m.saveDraft()
	m.cancelRecording()
	m.phase = phaseLoading
	return tea.Sequence(save, common.Back)
}

// gradeThen schedules the answered question with a grade (once per
// answer) and moves on.
func (m *Model) gradeThen(g drills.Grade, withFollowUp bool) tea.Cmd {
	var save tea.Cmd
	if m.gradable() && !m.graded {
		m.graded = true
		save = m.saveGrade(g)
		if m.queue != nil {
			m.queue.Graded(g)
		}
	}
	return tea.Batch(save, m.stopCritique(), m.next(withFollowUp))
}

// next moves on after feedback: to the follow-up when wanted, else to the
// next question, the questions to ask (mock) or the summary.
func (m *Model) next(withFollowUp bool) tea.Cmd {
	m.asking = false
	if withFollowUp && m.canFollowUp() {
		if m.modelFollowsUp() {
			return m.askModelForFollowUp()
		}
		return m.followUpFromBank("")
	}
	if m.queue != nil {
		// Drills: the queue decides, and a question not yet answered well
		// comes round again.
		id, ok := m.queue.Next()
		if !ok {
			return m.finish()
		}
		for i, q := range m.plan {
			if q.ID == id {
				m.idx = i
				return m.begin(q, nil)
			}
		}
		return m.finish()
	}
	m.idx++
	if m.idx < len(m.plan) {
		return m.begin(m.plan[m.idx], nil)
	}
	if m.setup.Mode == sess.Mock && len(m.ask) > 0 {
		m.phase = phaseAsk
		return nil
	}
	return m.finish()
}

func (m *Model) handleAskKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.askCursor = (m.askCursor - 1 + len(m.ask)) % len(m.ask)
	case key.Matches(msg, k.Down):
		m.askCursor = (m.askCursor + 1) % len(m.ask)
	case key.Matches(msg, k.Pick):
		id := m.ask[m.askCursor].ID
		m.asked[id] = !m.asked[id]
		if !m.asked[id] {
			delete(m.asked, id)
		}
		m.showWhy = m.asked[id]
	case key.Matches(msg, k.Why):
		m.showWhy = !m.showWhy
	case key.Matches(msg, k.Done):
		return m.finish()
	}
	return nil
}

// feedbackMarkdown is the feedback on the answer just given, saying first
// when the clock ended it rather than the candidate.
func (m *Model) feedbackMarkdown() string {
	md := sess.FeedbackMarkdown(m.q, m.report)
	// the answer beside what is said about it: after the score, before
	// the dimensions, so a short window still shows the score first
	if m.lastAnswer != "" {
		// a spoken answer's delivery is said with it
		score, rest, _ := strings.Cut(md, "\n\n")
		md = score + "\n\n**Your answer**\n\n" + sess.QuoteText(m.lastAnswer) + "\n" + deliveryMarkdown(m.voice.delivery) + rest
	} else if d := deliveryMarkdown(m.voice.delivery); d != "" {
		md += "\n" + d
	}
	if m.timedOut {
		md = fmt.Sprintf("*Time ran out at %s: this is the answer as it stood, judged as written.*\n\n", mmss(m.limit)) + md
	}
	return md
}
