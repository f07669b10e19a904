// Package progress turns practice history into the figures a candidate
// steers by: how ready they are for a role's interviews, and how their
// scores, streak and weakest areas are moving.
package progress

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/coach-tui/coach/coach/drills"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
)

// Window is how far back practice counts towards readiness.
const Window = 30 * 24 * time.Hour

// halfLife is the age at which an answer's score counts half.
const halfLife = 14 * 24 * time.Hour

// Readiness weights: recent scores matter most, then covering the role's
// ground, then keeping it in memory.
const (
	weightScores    = 50
	weightCoverage  = 30
	weightRetention = 20
)

// Readiness is how prepared the candidate is for one role's interviews.
//
//	Score = 50% × mean over the role's interview kinds of the recent score
//	            (each answer weighted by age, halving every 14 days; 0 for a
//	            kind not practised in 30 days)
//	      + 30% × coverage: the share of the role's question categories
//	            practised in the last 30 days
//	      + 20% × retention: mean FSRS recall chance of the drilled questions
type Readiness struct {
	Role      questions.Role         `json:"role"`
	Score     int                    `json:"score"`
	Coverage  float64                `json:"coverage"`
	Kinds     map[questions.Kind]int `json:"kind_scores"` // -1: not practised
	Retention float64                `json:"retention"`
	DueDrills int                    `json:"due_drills"`
	Next      string                 `json:"next"`
}

// Kinds are the kinds of question a role's interviews mix.
func Kinds(role questions.Role) []questions.Kind {
	k := []questions.Kind{questions.Behavioral, questions.Technical, questions.Situational}
	switch role {
	case questions.SeniorBackend, questions.CloudArchitect, questions.Platform, questions.SRE:
		k = append(k, questions.SystemDesign)
	}
	return k
}

// Compute works out readiness for role from attempts (any age; older than
// the window are ignored) and the drill cards.
func Compute(bank *questions.Bank, role questions.Role, attempts []store.Attempt, cards []store.Card, now time.Time) Readiness {
	r := Readiness{Role: role, Kinds: map[questions.Kind]int{}}
	kinds := Kinds(role)

	roleCats := map[string]bool{}
	for _, q := range bank.Filter(questions.Filter{Roles: []questions.Role{role}, Kinds: kinds}) {
		roleCats[q.Category] = true
	}
	practised := map[string]bool{}
	sum, weight := map[questions.Kind]float64{}, map[questions.Kind]float64{}
	for _, a := range attempts {
		age := now.Sub(a.SubmittedAt)
		if a.ParentID != 0 || age > Window || age < 0 {
			continue
		}
		practised[a.Category] = true
		w := math.Pow(0.5, float64(age)/float64(halfLife))
		k := questions.Kind(a.Kind)
		sum[k] += w * float64(a.Overall)
		weight[k] += w
	}
	covered := 0
	for c := range roleCats {
		if practised[c] {
			covered++
		}
	}
	if len(roleCats) > 0 {
		r.Coverage = float64(covered) / float64(len(roleCats))
	}
	scoreTotal := 0.0
	for _, k := range kinds {
		if weight[k] == 0 {
			r.Kinds[k] = -1
			continue
		}
		s := sum[k] / weight[k]
		r.Kinds[k] = int(math.Round(s))
		scoreTotal += s
	}
	scoreMean := scoreTotal / float64(len(kinds))

	sch := drills.NewScheduler()
	if len(cards) > 0 {
		total := 0.0
		for _, c := range cards {
			total += sch.Retrievability(c, now)
		}
		r.Retention = total / float64(len(cards))
	}
	r.DueDrills = len(drills.DueBy(cards, now))

	r.Score = int(math.Round(weightScores*scoreMean/100 + weightCoverage*r.Coverage + weightRetention*r.Retention))
	r.Next = nextStep(r, kinds, roleCats, practised)
	return r
}

var kindNames = map[questions.Kind]string{
	questions.Behavioral: "behavioural", questions.Technical: "technical", questions.Situational: "situational",
	questions.SystemDesign: "system design", questions.AskInterviewer: "questions to ask",
}

// KindName is how a kind is written in sentences.
func KindName(k questions.Kind) string { return kindNames[k] }

// nextStep names the one thing that would raise readiness most.
func nextStep(r Readiness, kinds []questions.Kind, roleCats, practised map[string]bool) string {
	if r.DueDrills > 0 {
		return plural(r.DueDrills, "drill", "drills") + " due: open Drills (d)."
	}
	for _, k := range kinds {
		if r.Kinds[k] < 0 {
			return fmt.Sprintf("No %s practised yet: try one in Practice (p).", kindNames[k])
		}
	}
	if r.Coverage < 0.5 {
		var missing []string
		for c := range roleCats {
			if !practised[c] {
				missing = append(missing, c)
			}
		}
		sort.Strings(missing)
		return fmt.Sprintf("Cover more ground: %d of the role's categories are unpractised, such as %s.", len(missing), missing[0])
	}
	weakest := kinds[0]
	for _, k := range kinds {
		if r.Kinds[k] < r.Kinds[weakest] {
			weakest = k
		}
	}
	if r.Kinds[weakest] < 70 {
		return fmt.Sprintf("Your %s answers average %d: practise those next.", kindNames[weakest], r.Kinds[weakest])
	}
	return "Run a mock interview (m) to practise under pressure."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
