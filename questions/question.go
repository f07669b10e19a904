// Package questions is coach's question bank: the question format, a loader
// that reports every problem with its file, line and column, validation,
// and selection for practice sessions and mock interviews. The default bank
// is embedded; users add and override questions with banks of their own.
package questions

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/coach-tui/coach/questions/textsafe"
)

// Kind is the sort of question, which decides how an answer is judged.
type Kind string

// The kinds of question.
const (
	Behavioral     Kind = "behavioral"
	Technical      Kind = "technical"
	SystemDesign   Kind = "system-design"
	Situational    Kind = "situational"
	AskInterviewer Kind = "ask-the-interviewer"
)

// ParseKind reads a kind as people write it: "behavioural" and
// "behavioral" are the same kind, in any case.
func ParseKind(s string) (Kind, bool) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	if k == "behavioural" {
		k = Behavioral
	}
	return k, contains(Kinds, k)
}

// Kinds lists every kind in the order menus show them.
var Kinds = []Kind{Behavioral, Technical, SystemDesign, Situational, AskInterviewer}

// Role is a job a question prepares for.
type Role string

// The roles coach prepares for.
const (
	Backend        Role = "backend"
	SeniorBackend  Role = "senior-backend"
	FullStack      Role = "full-stack"
	DevOps         Role = "devops"
	CloudArchitect Role = "cloud-architect"
	SRE            Role = "sre"
	Platform       Role = "platform"
)

// Roles lists every role in menu order.
var Roles = []Role{Backend, SeniorBackend, FullStack, DevOps, CloudArchitect, SRE, Platform}

// Limits on a question's time: shorter cannot be answered, longer is not
// one question.
const (
	MinTime = 15 * time.Second
	MaxTime = 60 * time.Minute
)

// KeyPoint is one thing a strong answer covers; an answer that uses any of
// its terms is taken to have covered it.
type KeyPoint struct {
	Point string   `yaml:"point" json:"point"`
	Terms []string `yaml:"terms" json:"terms"`
}

// Question is one bank question.
type Question struct {
	ID         string        `json:"id"`
	Text       string        `json:"text"`
	Kind       Kind          `json:"kind"`
	Category   string        `json:"category"`
	Roles      []Role        `json:"roles"`
	Difficulty int           `json:"difficulty"`
	Time       time.Duration `json:"-"`
	Tags       []string      `json:"tags,omitempty"`
	Company    string        `json:"company,omitempty"`
	KeyPoints  []KeyPoint    `json:"key_points"`
	FollowUps  []FollowUp    `json:"follow_ups"`
	Outline    string        `json:"outline"`
	Why        string        `json:"why,omitempty"`

	// Source is where the question was read from.
	Source Source `json:"source"`
}

// Source locates a question in its bank file.
type Source struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"-"`
	// User is true for questions from the user's own banks.
	User bool `json:"user"`
}

// HasRole reports whether the question is asked of role.
func (q *Question) HasRole(r Role) bool {
	for _, x := range q.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// HasTag reports whether the question practises the skill tag.
func (q *Question) HasTag(tag string) bool {
	for _, t := range q.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// DifficultyName is the word for the question's difficulty.
func (q *Question) DifficultyName() string {
	switch q.Difficulty {
	case 1:
		return "junior"
	case 2:
		return "mid"
	case 3:
		return "senior"
	}
	return "unrated"
}

// searchText is what a text search looks in, lower-cased once.
func (q *Question) searchText() string {
	var b strings.Builder
	b.WriteString(strings.ToLower(q.ID))
	b.WriteByte(' ')
	b.WriteString(strings.ToLower(q.Text))
	b.WriteByte(' ')
	b.WriteString(strings.ToLower(q.Category))
	for _, t := range q.Tags {
		b.WriteByte(' ')
		b.WriteString(t)
	}
	return b.String()
}

// MarshalJSON writes the time the way bank files do ("2m30s").
func (q *Question) MarshalJSON() ([]byte, error) {
	type plain Question
	return json.Marshal(struct {
		*plain
		Time string `json:"time"`
	}{(*plain)(q), FormatTime(q.Time)})
}

// UnmarshalJSON reads what MarshalJSON writes, so a question kept as JSON
// (one written from a job posting, stored with its session) comes back
// whole.
func (q *Question) UnmarshalJSON(b []byte) error {
	type plain Question
	aux := struct {
		*plain
		Time string `json:"time"`
	}{plain: (*plain)(q)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	// Stored JSON may hold a model's text decoded and re-encoded by an
	// older version that did not clean it.
	textsafe.CleanDecoded(q)
	if aux.Time == "" {
		return nil
	}
	d, err := time.ParseDuration(aux.Time)
	if err != nil {
		return fmt.Errorf("question %q: time %q: %w", q.ID, aux.Time, err)
	}
	q.Time = d
	return nil
}
