// Package stats is the screen for progress over time: scores per kind as
// sparklines, the practice streak, time practised, the weakest categories
// and readiness for each role.
package stats

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/progress"
	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

// Model is the stats screen.
type Model struct {
	common.Common
	pager     common.Pager // the figures scroll when the window is short
	stats     *progress.Stats
	readiness []progress.Readiness
	err       error
}

// New returns the stats screen.
func New(c common.Common) *Model { return &Model{Common: c} }

type loadedMsg struct {
	stats     *progress.Stats
	readiness []progress.Readiness
	err       error
}

// Init loads every attempt and works out the figures.
func (m *Model) Init() tea.Cmd {
	st, bank, now := m.App.Store, m.App.Bank, m.App.Clock()
	return func() tea.Msg {
		if st == nil || bank == nil {
			return loadedMsg{err: fmt.Errorf("still loading your questions and history")}
		}
		ctx := context.Background()
		all, err := st.AttemptsSince(ctx, time.Time{})
		if err != nil {
			return loadedMsg{err: err}
		}
		cards, err := st.Cards(ctx)
		if err != nil {
			return loadedMsg{err: err}
		}
		s := progress.ComputeStats(all, now)
		var rs []progress.Readiness
		for _, r := range questions.Roles {
			rs = append(rs, progress.Compute(bank, r, all, cards, now))
		}
		return loadedMsg{stats: &s, readiness: rs}
	}
}

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.stats, m.readiness, m.err = msg.stats, msg.readiness, msg.err
	case tea.KeyMsg:
		m.pager, _ = m.pager.Update(msg)
	}
	return m, nil
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding { return common.PagerHelp() }

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{common.PagerHelp()} }

// View implements common.Screen.
func (m *Model) View() string {
	return common.Paged(&m.pager, m.Styles, m.Width, m.Height, m.content())
}

func (m *Model) content() string {
	st := m.Styles
	lines := []string{st.Title.Render("Stats") + st.Muted.Render(fmt.Sprintf(" · the last %d days", progress.Days)), ""}
	switch {
	case m.err != nil:
		return strings.Join(append(lines, st.Muted.Render(m.err.Error())), "\n")
	case m.stats == nil:
		return strings.Join(append(lines, st.Muted.Render("Loading…")), "\n")
	case m.stats.Answers+m.stats.Skipped == 0:
		return strings.Join(append(lines, st.Muted.Render("No answers yet: practise, and your progress shows here.")), "\n")
	}
	s := m.stats
	lines = append(lines, st.Text.Width(max(m.Width-4, 10)).Render(fmt.Sprintf("%s · %s practised · streak %s",
		words.Count(s.Answers, "answer"), practised(s.Practice), words.Count(s.Streak, "day"))), "")
	lines = append(lines, st.Heading.Render("Scores by day"))
	for _, k := range questions.Kinds {
		series, ok := s.Series[k]
		if !ok {
			continue
		}
		label := fmt.Sprintf("%-14s", progress.KindName(k))
		spark := progress.Sparkline(tail(series, max(m.Width-30, 10)))
		lines = append(lines, st.Muted.Render(label)+" "+st.Key.Render(spark)+st.Faint.Render(fmt.Sprintf("  avg %d", s.Average[k])))
	}
	if len(s.Weakest) > 0 {
		var ws []string
		for _, c := range s.Weakest {
			ws = append(ws, fmt.Sprintf("%s %d", c.Category, c.Average))
		}
		lines = append(lines, "", st.Heading.Render("Weakest categories"), st.Text.Width(max(m.Width-4, 10)).Render(strings.Join(ws, " · ")))
	}
	lines = append(lines, "", st.Heading.Render("Interview ready"))
	var rs []string
	for _, r := range m.readiness {
		rs = append(rs, fmt.Sprintf("%s %d", r.Role, r.Score))
	}
	lines = append(lines, st.Text.Width(max(m.Width-4, 10)).Render(strings.Join(rs, " · ")))
	return strings.Join(lines, "\n")
}

func tail(v []int, n int) []int {
	if len(v) > n {
		return v[len(v)-n:]
	}
	return v
}

func practised(d time.Duration) string {
	return questions.FormatTime(d.Round(time.Minute))
}
