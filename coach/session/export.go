package session

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/coach/llm/prompts"
	"github.com/coach-tui/coach/coach/speech"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/questions"
)

// Markdown writes the session as a report: the summary, then every answer
// with its scores, findings and missed key points.
func (s Summary) Markdown() string {
	var b strings.Builder
	title := "Practice session"
	switch s.Setup.Mode {
	case Mock:
		title = "Mock interview"
	case Drill:
		title = "Drill session"
	}
	fmt.Fprintf(&b, "# %s, %s\n\n", title, s.Session.StartedAt.Local().Format("2 January 2006, 15:04"))
	fmt.Fprintf(&b, "Role: %s · %d answered · %d skipped · time used %s · **overall %d/100**\n\n",
		s.Setup.Role, s.Answered, s.Skipped, questions.FormatTime(s.TimeUsed.Round(1e9)), s.Overall)

	if len(s.Improvements) > 0 {
		b.WriteString("## What would help most\n\n")
		for i, imp := range s.Improvements {
			fmt.Fprintf(&b, "%d. **%s**: %s\n", i+1, imp.Dimension, imp.Next)
		}
		b.WriteString("\n")
	}
	// Lists, not tables: a table squeezed into 40 columns cut every cell
	// to a word or two, and a list reads as well in an exported file.
	b.WriteString("## Answers\n\n")
	for i, r := range s.Rows {
		score := fmt.Sprintf("**%d**", r.Attempt.Overall)
		if r.Attempt.Skipped {
			score = "skipped"
		}
		text := oneLine(r.Attempt.QuestionText)
		if r.FollowUp {
			text = "↳ " + text
		}
		fmt.Fprintf(&b, "%d. %s · %s · %s of %s\n", i+1, text, score,
			questions.FormatTime(r.Attempt.Used.Round(1e9)), questions.FormatTime(r.Attempt.Limit))
	}
	b.WriteString("\n")
	if len(s.Setup.AskedText) > 0 {
		b.WriteString("## Your questions for them\n\n")
		for _, q := range s.Setup.AskedText {
			fmt.Fprintf(&b, "- %s\n", oneLine(q))
		}
		b.WriteString("\n")
	}
	for i, r := range s.Rows {
		b.WriteString(AttemptMarkdown(i+1, r))
	}
	if len(s.Missed) > 0 {
		b.WriteString("## Key points missed\n\n")
		for _, m := range s.Missed {
			fmt.Fprintf(&b, "- %s *(%s)*\n", m.Point, truncate(oneLine(m.Question), 60))
		}
	}
	return b.String()
}

// AttemptMarkdown writes one answer with its feedback.
func AttemptMarkdown(n int, r Row) string {
	var b strings.Builder
	a := r.Attempt
	label := "Question"
	if r.FollowUp {
		label = "Follow-up"
	}
	fmt.Fprintf(&b, "### %d. %s: %s\n\n", n, label, oneLine(a.QuestionText))
	meta := fmt.Sprintf("%s · %s · %s used of %s, %s timer", a.Kind, a.Category,
		questions.FormatTime(a.Used.Round(1e9)), questions.FormatTime(a.Limit), a.TimerMode)
	if a.HintUsed {
		meta += " · hint used"
	}
	if a.TimedOut {
		meta += " · time ran out"
	}
	fmt.Fprintf(&b, "*%s*\n\n", meta)
	if a.Skipped {
		b.WriteString("Skipped.\n\n")
		return b.String()
	}
	fmt.Fprintf(&b, "**Your answer** (%s):\n\n", words.Count(r.Report.Words, "word"))
	b.WriteString(QuoteText(a.Answer))
	if d, ok := speech.DecodeDelivery(a.Delivery); ok {
		b.WriteString("\n" + d.Markdown())
		if a.Audio != "" {
			fmt.Fprintf(&b, "*Recording: %s*\n", a.Audio)
		}
	}
	fmt.Fprintf(&b, "\n**Score: %d/100**\n\n", a.Overall)
	for _, d := range r.Report.Dimensions {
		fmt.Fprintf(&b, "- **%s (%d%%): %d** · %s *Next time:* %s\n", d.Name, d.Weight, d.Score, oneLine(d.Finding), oneLine(d.Next))
	}
	b.WriteString("\n")
	if len(r.Report.KeyPoints) > 0 {
		b.WriteString("Key points:\n\n")
		for _, kp := range r.Report.KeyPoints {
			mark := "[ ]"
			if kp.Covered {
				mark = "[x]"
			}
			fmt.Fprintf(&b, "- %s %s\n", mark, kp.Point)
		}
		b.WriteString("\n")
	}
	if c := a.Critique; c != nil {
		b.WriteString(critiqueMarkdown(questions.Kind(a.Kind), *c))
	}
	return b.String()
}

// critiqueMarkdown is the model's critique as kept, quoted so its own
// headings stay inside this answer's section.
func critiqueMarkdown(kind questions.Kind, f store.LLMFeedback) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**Critique from %s**", f.Model)
	if !f.Complete {
		b.WriteString(" *(stopped before the end)*")
	}
	b.WriteString("\n\n")
	for _, line := range strings.Split(strings.TrimSpace(CritiqueMarkdown(kind, f.Text, f.Complete)), "\n") {
		fmt.Fprintf(&b, "> %s\n", line)
	}
	b.WriteString("\n")
	return b.String()
}

// CritiqueMarkdown is a model's critique as shown: its text without the
// score block, then the scores, or a note that the model did not give
// them in the format asked. A critique cut short has no note: its scores
// were still to come.
func CritiqueMarkdown(kind questions.Kind, text string, complete bool) string {
	c := prompts.ParseCritique(kind, text)
	body := strings.TrimSpace(c.Body)
	switch {
	case c.OK:
		return body + "\n\nThe model's scores: " + c.ScoresLine() + "\n"
	case complete:
		return body + "\n\n*Scores unavailable: the model did not give them in the format asked.*\n"
	}
	return body + "\n"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// JSON is the session as a documented JSON object: the setup, every answer
// with its stored attempt and feedback, and the summary figures. Keys are
// snake_case and durations are seconds, as in every JSON coach prints:
//
//	{"id": 12, "mode": "practice", "role": "backend",
//	 "started_at": "2026-12-01T09:00:00Z", "ended_at": "...",
//	 "setup": {"mode", "role", "count", "timer", "reading_seconds", ...},
//	 "answers": [{"attempt": {"id", "session_id", "parent_id", "question_id",
//	              "question_text", "kind", "category", "answer",
//	              "started_at", "submitted_at", "limit_seconds",
//	              "used_seconds", "timer_mode", "hint_used", "skipped",
//	              "timed_out", "overall", "critique"},
//	             "report": {"overall", "dimensions", "key_points", "words", ...},
//	             "follow_up": false}],
//	 "overall": 71, "answered": 5, "skipped": 0, "time_used_seconds": 612,
//	 "improvements": [...], "missed_key_points": [...]}
func (s Summary) JSON() ([]byte, error) {
	rows := make([]rowJSON, len(s.Rows))
	for i, r := range s.Rows {
		rows[i] = rowJSON{Attempt: attemptOf(r.Attempt), Report: r.Report, FollowUp: r.FollowUp}
	}
	return json.MarshalIndent(struct {
		ID           int64         `json:"id"`
		Mode         string        `json:"mode"`
		Role         string        `json:"role"`
		StartedAt    string        `json:"started_at"`
		EndedAt      string        `json:"ended_at,omitempty"`
		Setup        setupJSON     `json:"setup"`
		Rows         []rowJSON     `json:"answers"`
		Overall      int           `json:"overall"`
		Answered     int           `json:"answered"`
		Skipped      int           `json:"skipped"`
		TimeUsed     float64       `json:"time_used_seconds"`
		Improvements []Improvement `json:"improvements"`
		Missed       []Missed      `json:"missed_key_points"`
	}{s.Session.ID, s.Session.Mode, s.Session.Role, s.Session.StartedAt.Format(time.RFC3339), endedAt(s),
		setupJSON{s.Setup, s.Setup.Reading.Seconds()}, rows, s.Overall, s.Answered, s.Skipped,
		s.TimeUsed.Seconds(), s.Improvements, s.Missed}, "", "  ")
}

// setupJSON is the setup as exported: its reading time in seconds. (The
// database keeps Setup's own encoding, which must not change.)
type setupJSON struct {
	Setup
	ReadingSeconds float64 `json:"reading_seconds"`
}

// MarshalJSON writes Setup's fields without its reading time in
// nanoseconds.
func (s setupJSON) MarshalJSON() ([]byte, error) {
	data, err := json.Marshal(s.Setup)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	delete(m, "reading")
	m["reading_seconds"] = s.ReadingSeconds
	return json.Marshal(m)
}

type rowJSON struct {
	Attempt  attemptJSON     `json:"attempt"`
	Report   feedback.Report `json:"report"`
	FollowUp bool            `json:"follow_up"`
}

type attemptJSON struct {
	ID           int64              `json:"id"`
	SessionID    int64              `json:"session_id"`
	ParentID     int64              `json:"parent_id,omitempty"`
	QuestionID   string             `json:"question_id"`
	QuestionText string             `json:"question_text"`
	Kind         string             `json:"kind"`
	Category     string             `json:"category"`
	Answer       string             `json:"answer"`
	StartedAt    string             `json:"started_at"`
	SubmittedAt  string             `json:"submitted_at"`
	Limit        float64            `json:"limit_seconds"`
	Used         float64            `json:"used_seconds"`
	TimerMode    string             `json:"timer_mode"`
	HintUsed     bool               `json:"hint_used"`
	Skipped      bool               `json:"skipped"`
	TimedOut     bool               `json:"timed_out"`
	Overall      int                `json:"overall"`
	Critique     *store.LLMFeedback `json:"critique,omitempty"`
}

func attemptOf(a store.Attempt) attemptJSON {
	return attemptJSON{a.ID, a.SessionID, a.ParentID, a.QuestionID, a.QuestionText, a.Kind, a.Category, a.Answer,
		a.StartedAt.Format(time.RFC3339), a.SubmittedAt.Format(time.RFC3339), a.Limit.Seconds(), a.Used.Seconds(),
		a.TimerMode, a.HintUsed, a.Skipped, a.TimedOut, a.Overall, a.Critique}
}

func endedAt(s Summary) string {
	if s.Session.EndedAt.IsZero() {
		return ""
	}
	return s.Session.EndedAt.Format(time.RFC3339)
}

// mdSpecial are the characters markdown would read as markup in a line
// of someone's text.
var mdSpecial = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "~", `\~`)

// QuoteText is text someone wrote (an answer) as a markdown blockquote
// that shows it as written: its stars, pipes and dashes are text, not
// emphasis, tables or lists, so it wraps as prose at any width.
func QuoteText(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		line = mdSpecial.Replace(strings.TrimRight(line, " \t"))
		// a line that would start a list or a heading
		switch t := strings.TrimLeft(line, " "); {
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "+ "):
			line = `\` + t
		case orderedItem.MatchString(t):
			i := strings.IndexAny(t, ".)")
			line = t[:i] + `\` + t[i:]
		}
		if line == "" {
			b.WriteString(">\n")
			continue
		}
		b.WriteString("> " + line + "  \n")
	}
	return b.String()
}

var orderedItem = regexp.MustCompile(`^\d+[.)] `)
