package session

import (
	"time"

	"github.com/coach-tui/coach/questions"
)

// Plan chooses the questions for a practice session: those matching the
// setup, preferring ones not asked recently, in a seeded random order.
func Plan(b *questions.Bank, s Setup, lastAsked map[string]time.Time, seed uint64) []*questions.Question {
	kinds := s.Kinds
	if len(kinds) == 0 {
		// Questions to ask the interviewer are not answered against a clock.
		kinds = []questions.Kind{questions.Behavioral, questions.Technical, questions.SystemDesign, questions.Situational}
	}
	pool := b.Filter(questions.Filter{
		Roles: []questions.Role{s.Role}, Kinds: kinds, Categories: s.Categories,
		Difficulties: s.Difficulties, Tags: s.Tags, Company: s.Company,
	})
	return questions.Pick(pool, s.Count, seed, lastAsked)
}

// seniorRoles are the roles whose mock interviews include system design.
var seniorRoles = map[questions.Role]bool{
	questions.SeniorBackend: true, questions.CloudArchitect: true, questions.Platform: true, questions.SRE: true,
}

// MockPlan is a mock interview: an introduction, a balanced mix of
// behavioural, technical and (for senior roles) system-design questions,
// and the questions the candidate may ask at the end.
type MockPlan struct {
	Questions []*questions.Question
	Ask       []*questions.Question
}

// PlanMock builds a mock interview of about n questions for a role.
func PlanMock(b *questions.Bank, role questions.Role, n int, lastAsked map[string]time.Time, seed uint64) MockPlan {
	var plan MockPlan
	intro := b.Filter(questions.Filter{Roles: []questions.Role{role}, Categories: []string{"introduction"}})
	plan.Questions = append(plan.Questions, questions.Pick(intro, 1, seed, lastAsked)...)

	kinds := []questions.Kind{questions.Behavioral, questions.Technical, questions.Situational}
	if seniorRoles[role] {
		kinds = append(kinds, questions.SystemDesign)
	}
	var pool []*questions.Question
	for _, q := range b.Filter(questions.Filter{Roles: []questions.Role{role}, Kinds: kinds}) {
		if q.Category != "introduction" {
			pool = append(pool, q)
		}
	}
	rest := max(n-len(plan.Questions), 1)
	plan.Questions = append(plan.Questions, questions.Balanced(pool, kinds, rest, seed, lastAsked)...)

	ask := b.Filter(questions.Filter{Roles: []questions.Role{role}, Kinds: []questions.Kind{questions.AskInterviewer}})
	plan.Ask = questions.Shuffle(ask, seed)
	if len(plan.Ask) > 6 {
		plan.Ask = plan.Ask[:6]
	}
	return plan
}
