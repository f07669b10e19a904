// Package session plans practice sessions and mock interviews, derives
// follow-up questions, and summarises and exports finished sessions. It
// holds no UI and does no I/O of its own.
package session

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/coach-tui/coach/questions"

	"github.com/coach-tui/coach/questions/textsafe"
)

// Mode is a practice session or a mock interview.
type Mode string

// The modes.
const (
	Practice Mode = "practice"
	Mock     Mode = "mock"
	Drill    Mode = "drill" // the questions due for review, until each is answered well
)

// TimerMode says what happens when the time runs out.
type TimerMode string

// The timer modes.
const (
	Strict  TimerMode = "strict"  // time-out submits what was typed
	Soft    TimerMode = "soft"    // overtime counts up in a warning colour
	Untimed TimerMode = "untimed" // no clock
)

// TimerModes lists the modes in menu order.
var TimerModes = []TimerMode{Strict, Soft, Untimed}

// Setup is what the candidate chose for a session. It is remembered as the
// next session's default.
type Setup struct {
	Mode         Mode             `json:"mode"`
	Role         questions.Role   `json:"role"`
	Kinds        []questions.Kind `json:"kinds,omitempty"`
	Categories   []string         `json:"categories,omitempty"`
	Difficulties []int            `json:"difficulties,omitempty"`
	Tags         []string         `json:"tags,omitempty"`
	// Company limits practice to questions from one company's interviews
	// (any spelling of its name); empty means any.
	Company string        `json:"company,omitempty"`
	Count   int           `json:"count"`
	Timer   TimerMode     `json:"timer"`
	Reading time.Duration `json:"reading"`
	// Allowance multiplies each question's time, which assumes a spoken
	// answer; typing takes longer.
	Allowance float64 `json:"allowance"`
	FollowUps bool    `json:"follow_ups"`
	// Plan is the ids of the questions chosen, so an interrupted session
	// can resume.
	Plan []string `json:"plan,omitempty"`
	// Asked is, in a mock interview, the questions the candidate chose to
	// ask the interviewer at the end.
	Asked []string `json:"asked,omitempty"`
	// AskedText is the same questions' words, in the order they were
	// offered, so the summary and reports can show them without the bank.
	AskedText []string `json:"asked_text,omitempty"`
	// Extra holds the planned questions that are not in the bank (written
	// by the model from a posting, or from a resume's bullets), so an
	// interrupted session can be rebuilt with them.
	Extra []*questions.Question `json:"extra,omitempty"`
}

// DefaultSetup is the first session's setup.
func DefaultSetup() Setup {
	return Setup{
		Mode: Practice, Role: questions.Backend, Count: 5, Timer: Strict,
		Reading: 10 * time.Second, Allowance: 2, FollowUps: true,
	}
}

// Limit is the time given for a question under this setup.
func (s Setup) Limit(q time.Duration) time.Duration {
	a := s.Allowance
	if a <= 0 {
		a = 1
	}
	return time.Duration(float64(q) * a).Round(time.Second)
}

// Validate checks a setup read back from storage.
func (s Setup) Validate() error {
	if s.Mode != Practice && s.Mode != Mock && s.Mode != Drill {
		return fmt.Errorf("mode %q", s.Mode)
	}
	if !contains(questions.Roles, s.Role) {
		return fmt.Errorf("role %q", s.Role)
	}
	if s.Count < 1 || s.Count > 50 {
		return fmt.Errorf("count %d", s.Count)
	}
	if !contains(TimerModes, s.Timer) {
		return fmt.Errorf("timer %q", s.Timer)
	}
	return nil
}

// Encode is the setup as JSON, for storage.
func (s Setup) Encode() string {
	b, _ := json.Marshal(s)
	return string(b)
}

// DecodeSetup reads a stored setup, falling back to the default for
// anything missing or invalid.
func DecodeSetup(s string) Setup {
	out := DefaultSetup()
	if s == "" || json.Unmarshal([]byte(s), &out) != nil || out.Validate() != nil {
		return DefaultSetup()
	}
	textsafe.CleanDecoded(&out)
	return out
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
