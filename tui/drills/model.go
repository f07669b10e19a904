// Package drills is the screen for the questions that come back: those due
// today, practised in the timed flow until each is answered well, or the
// weakest recent answers when nothing is due.
package drills

import (
	"context"
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/drills"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/session"
)

// weakSpotDays is how far back weak spots are looked for.
const weakSpotDays = 30

// Model is the drills screen.
type Model struct {
	common.Common
	start key.Binding

	due      []item
	upcoming []item
	weak     []item
	loaded   bool
	err      error
}

type item struct {
	q         *questions.Question
	due       time.Time
	retention float64 // 0–1
	score     int
}

// New returns the drills screen.
func New(c common.Common) *Model {
	return &Model{Common: c, start: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start drilling"))}
}

type loadedMsg struct {
	due, upcoming, weak []item
	err                 error
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return m.load() }

func (m *Model) load() tea.Cmd {
	st, bank, now := m.App.Store, m.App.Bank, m.App.Clock()
	return func() tea.Msg {
		if st == nil || bank == nil {
			return loadedMsg{err: fmt.Errorf("still loading your questions and history")}
		}
		ctx := context.Background()
		cards, err := st.Cards(ctx)
		if err != nil {
			return loadedMsg{err: err}
		}
		sch := drills.NewScheduler()
		var msg loadedMsg
		due := map[string]bool{}
		for _, c := range drills.DueBy(cards, now) {
			if q, ok := bank.Get(c.QuestionID); ok {
				msg.due = append(msg.due, item{q: q, due: c.Due, retention: sch.Retrievability(c, now)})
				due[q.ID] = true
			}
		}
		for _, c := range cards {
			if q, ok := bank.Get(c.QuestionID); ok && !due[q.ID] && len(msg.upcoming) < 5 {
				msg.upcoming = append(msg.upcoming, item{q: q, due: c.Due, retention: sch.Retrievability(c, now)})
			}
		}
		recent, err := st.RecentScores(ctx, now.AddDate(0, 0, -weakSpotDays))
		if err != nil {
			return loadedMsg{err: err}
		}
		score := map[string]int{}
		for _, a := range recent {
			score[a.QuestionID] = a.Overall
		}
		for _, id := range drills.WeakSpots(recent, 5) {
			if q, ok := bank.Get(id); ok && score[id] < 60 {
				msg.weak = append(msg.weak, item{q: q, score: score[id]})
			}
		}
		return msg
	}
}

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.due, m.upcoming, m.weak, m.err, m.loaded = msg.due, msg.upcoming, msg.weak, msg.err, true
	case tea.WindowSizeMsg:
		// The screen is shown again after a drill: its lists have changed.
		return m, m.load()
	case tea.KeyMsg:
		if key.Matches(msg, m.start) {
			return m, m.drill()
		}
	}
	return m, nil
}

// drill starts a session on what is due, else on the weak spots.
func (m *Model) drill() tea.Cmd {
	list := m.due
	if len(list) == 0 {
		list = m.weak
	}
	if len(list) == 0 {
		return nil
	}
	s := sess.DefaultSetup()
	s.Mode, s.Reading, s.FollowUps, s.Count = sess.Drill, 0, false, len(list)
	for _, it := range list {
		s.Plan = append(s.Plan, it.q.ID)
	}
	return common.Push(session.New(m.Common, s))
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	if len(m.due)+len(m.weak) == 0 {
		return nil
	}
	return []key.Binding{m.start}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
