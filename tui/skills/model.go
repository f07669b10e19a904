// Package skills is the role checklist screen: pick a role, move between
// its hard, soft and technical skills, rate yourself on each (saved at
// once), filter, and read what each skill means and how to show it.
package skills

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

// Model is the skills screen.
type Model struct {
	common.Common
	keys keyMap

	roles   []*skills.Role
	ratings map[string]skills.Rating
	role    int
	tab     int
	cursor  int

	filter    textinput.Model
	filtering bool

	overview    bool // show the role overview instead of a skill
	detailsOnly bool // narrow windows: the detail view replaces the list

	loadErr error
	saveErr error
}

// New returns the skills screen, opening on the first role.
func New(c common.Common) *Model {
	f := common.NewTextInput(c.Styles, "filter skills")
	f.Prompt = "/ "
	return &Model{Common: c, keys: defaultKeys(), filter: f, ratings: map[string]skills.Rating{}}
}

type loadedMsg struct {
	roles   []*skills.Role
	ratings map[string]skills.Rating
	err     error
}

type savedMsg struct {
	skill string
	prev  skills.Rating
	err   error
}

// Init loads the roles and the saved ratings.
func (m *Model) Init() tea.Cmd {
	st := m.App.Store
	return func() tea.Msg {
		roles, err := skills.Roles()
		if err != nil {
			return loadedMsg{err: err}
		}
		ratings := map[string]skills.Rating{}
		if st != nil {
			saved, err := st.Ratings(context.Background())
			if err != nil {
				return loadedMsg{err: err}
			}
			for id, r := range saved {
				ratings[id] = skills.Rating(r)
			}
		}
		return loadedMsg{roles: roles, ratings: ratings}
	}
}

func saveRating(st *store.Store, id string, r, prev skills.Rating) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return savedMsg{skill: id, prev: prev, err: errNoStore}
		}
		return savedMsg{skill: id, prev: prev, err: st.SetRating(context.Background(), id, int(r))}
	}
}

// TakingText implements common.TextTaker while the filter is focused.
func (m *Model) TakingText() bool { return m.filtering }

func (m *Model) currentRole() *skills.Role {
	if len(m.roles) == 0 {
		return nil
	}
	return m.roles[m.role]
}

func (m *Model) currentGroup() skills.GroupSkills {
	return m.currentRole().Groups()[m.tab]
}

// visible is the current tab's skills that pass the filter.
func (m *Model) visible() []skills.RoleSkill {
	all := m.currentGroup().Skills
	q := strings.ToLower(strings.TrimSpace(m.filter.Value()))
	if q == "" {
		return all
	}
	var out []skills.RoleSkill
	for _, s := range all {
		if matches(s, q) {
			out = append(out, s)
		}
	}
	return out
}

func matches(s skills.RoleSkill, q string) bool {
	if strings.Contains(strings.ToLower(s.Skill.Name), q) || strings.Contains(s.ID, q) {
		return true
	}
	for _, a := range append(s.Skill.Aliases[:len(s.Skill.Aliases):len(s.Skill.Aliases)], s.Skill.Related...) {
		if strings.Contains(strings.ToLower(a), q) {
			return true
		}
	}
	return false
}

func (m *Model) selected() (skills.RoleSkill, bool) {
	v := m.visible()
	if m.cursor < 0 || m.cursor >= len(v) {
		return skills.RoleSkill{}, false
	}
	return v[m.cursor], true
}

// questionCount is how many bank questions practise a skill.
func (m *Model) questionCount(id string) int {
	if m.App.Bank == nil {
		return 0
	}
	return len(m.App.Bank.Filter(questions.Filter{Tags: []string{id}}))
}
