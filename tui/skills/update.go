package skills

import (
	"errors"
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/tui/common"
)

var errNoStore = errors.New("the database is not open yet")

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.loadErr = msg.err
		m.roles, m.ratings = msg.roles, msg.ratings
		if m.ratings == nil {
			m.ratings = map[string]skills.Rating{}
		}
		return m, nil
	case savedMsg:
		if msg.err != nil {
			m.ratings[msg.skill] = msg.prev
			m.saveErr = msg.err
		}
		return m, nil
	case tea.KeyMsg:
		if len(m.roles) == 0 {
			return m, nil
		}
		if m.filtering {
			return m, m.updateFilter(msg)
		}
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *Model) updateFilter(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.AcceptFilter):
		m.filtering = false
		m.filter.Blur()
		return nil
	case key.Matches(msg, m.keys.ClearFilter):
		m.filtering = false
		m.filter.Blur()
		m.filter.SetValue("")
		m.cursor = 0
		return nil
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	m.cursor = 0
	return cmd
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PrevTab):
		m.switchTab(-1)
	case key.Matches(msg, k.NextTab):
		m.switchTab(1)
	case key.Matches(msg, k.PrevRole):
		m.switchRole(-1)
	case key.Matches(msg, k.NextRole):
		m.switchRole(1)
	case key.Matches(msg, k.Rate):
		n, _ := strconv.Atoi(msg.String())
		return m.rate(func(skills.Rating) skills.Rating { return skills.Rating(n) })
	case key.Matches(msg, k.RateUp):
		return m.rate(func(r skills.Rating) skills.Rating { return min(r+1, skills.Strong) })
	case key.Matches(msg, k.RateDown):
		return m.rate(func(r skills.Rating) skills.Rating { return max(r-1, skills.None) })
	case key.Matches(msg, k.Filter):
		m.filtering = true
		m.overview = false
		return m.filter.Focus()
	case key.Matches(msg, k.Practice):
		if s, ok := m.selected(); ok && m.questionCount(s.ID) > 0 {
			return func() tea.Msg { return common.PracticeSkillMsg{Tag: s.ID, Name: s.Skill.Name} }
		}
	case key.Matches(msg, k.Overview):
		m.overview = !m.overview
	case key.Matches(msg, k.Details) && m.narrow():
		m.detailsOnly = !m.detailsOnly
	}
	return nil
}

func (m *Model) move(d int) {
	n := len(m.visible())
	if n == 0 {
		return
	}
	m.overview = false
	m.cursor = (m.cursor + d + n) % n
}

func (m *Model) switchTab(d int) {
	m.tab = (m.tab + d + 3) % 3
	m.cursor = 0
}

func (m *Model) switchRole(d int) {
	m.role = (m.role + d + len(m.roles)) % len(m.roles)
	m.cursor = 0
}

// rate changes the selected skill's rating at once and saves it in a
// command; a failed save puts the old rating back and says why.
func (m *Model) rate(next func(skills.Rating) skills.Rating) tea.Cmd {
	s, ok := m.selected()
	if !ok {
		return nil
	}
	prev := m.ratings[s.ID]
	r := next(prev)
	if r == prev {
		return nil
	}
	m.ratings[s.ID] = r
	m.saveErr = nil
	return saveRating(m.App.Store, s.ID, r, prev)
}
