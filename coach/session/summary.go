package session

import (
	"encoding/json"
	"sort"
	"time"

	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/coach/store"

	"github.com/coach-tui/coach/questions/textsafe"
)

// Row is one answer in a session with its feedback.
type Row struct {
	Attempt  store.Attempt   `json:"attempt"`
	Report   feedback.Report `json:"report"`
	FollowUp bool            `json:"follow_up"`
}

// Improvement is one of the most valuable things to work on, across the
// session.
type Improvement struct {
	Dimension string `json:"dimension"`
	Next      string `json:"next"`
	// Lost is the overall points the dimension cost, summed over answers.
	Lost int `json:"lost"`
}

// Missed is a key point an answer did not cover.
type Missed struct {
	Question string `json:"question"`
	Point    string `json:"point"`
}

// Summary describes a finished (or interrupted) session.
type Summary struct {
	Session      store.Session `json:"-"`
	Setup        Setup         `json:"setup"`
	Rows         []Row         `json:"answers"`
	Overall      int           `json:"overall"`
	Answered     int           `json:"answered"`
	Skipped      int           `json:"skipped"`
	TimeUsed     time.Duration `json:"time_used_ns"`
	Improvements []Improvement `json:"improvements"`
	Missed       []Missed      `json:"missed_key_points"`
}

// Summarize builds the summary of a session from its stored attempts.
// Skipped answers count as 0 in the overall score: an interviewer would
// have heard nothing.
func Summarize(sess store.Session, attempts []store.Attempt) Summary {
	s := Summary{Session: sess, Setup: DecodeSetup(sess.Setup)}
	lost := map[string]int{}
	worst := map[string]feedback.Dimension{}
	total := 0
	for _, a := range attempts {
		r := DecodeReport(a.Report)
		s.Rows = append(s.Rows, Row{Attempt: a, Report: r, FollowUp: a.ParentID != 0})
		s.TimeUsed += a.Used
		total += a.Overall
		if a.Skipped {
			s.Skipped++
			continue
		}
		s.Answered++
		for _, d := range r.Dimensions {
			lost[d.Name] += (100 - d.Score) * d.Weight / 100
			if w, ok := worst[d.Name]; !ok || d.Score < w.Score {
				worst[d.Name] = d
			}
		}
		for _, p := range r.Missed() {
			s.Missed = append(s.Missed, Missed{Question: a.QuestionText, Point: p})
		}
	}
	if len(attempts) > 0 {
		s.Overall = (total + len(attempts)/2) / len(attempts)
	}
	for name, l := range lost {
		if l > 0 {
			s.Improvements = append(s.Improvements, Improvement{Dimension: name, Next: worst[name].Next, Lost: l})
		}
	}
	sort.Slice(s.Improvements, func(i, j int) bool {
		if s.Improvements[i].Lost != s.Improvements[j].Lost {
			return s.Improvements[i].Lost > s.Improvements[j].Lost
		}
		return s.Improvements[i].Dimension < s.Improvements[j].Dimension
	})
	if len(s.Improvements) > 3 {
		s.Improvements = s.Improvements[:3]
	}
	return s
}

// DecodeReport reads an attempt's stored offline feedback; what is missing
// or unreadable is left as zero. Its strings are cleaned: JSON escapes
// decode into control bytes.
func DecodeReport(stored string) feedback.Report {
	var r feedback.Report
	_ = json.Unmarshal([]byte(stored), &r)
	textsafe.CleanDecoded(&r)
	return r
}
