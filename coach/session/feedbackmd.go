package session

import (
	"fmt"
	"strings"

	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/questions"
)

// FeedbackMarkdown is what the candidate reads right after answering: the
// score per dimension with what was found and what to do next, the key
// points, the words used most, and the outline of a strong answer.
func FeedbackMarkdown(q *questions.Question, r feedback.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Score: %d/100\n\n", r.Overall)
	for _, d := range r.Dimensions {
		fmt.Fprintf(&b, "- **%s: %d** · %s *Next time:* %s\n", d.Name, d.Score, oneLine(d.Finding), oneLine(d.Next))
	}
	b.WriteString("\n")
	if len(q.KeyPoints) == 0 && len(r.Dimensions) > 1 {
		b.WriteString("*No key points to check for this question: it is scored on its shape, specifics, length and delivery.*\n\n")
	}
	if len(r.KeyPoints) > 0 {
		b.WriteString("## Key points\n\n")
		for _, kp := range r.KeyPoints {
			if kp.Covered {
				fmt.Fprintf(&b, "- ✓ %s *(you said \"%s\")*\n", kp.Point, kp.Matched)
			} else {
				fmt.Fprintf(&b, "- ✗ **%s**\n", kp.Point)
			}
		}
		b.WriteString("\n")
	}
	var notes []string
	if len(r.TechTerms) > 0 {
		notes = append(notes, "Technologies you named: "+strings.Join(r.TechTerms, ", ")+".")
	}
	if len(r.TopWords) > 0 {
		var ws []string
		for _, w := range r.TopWords {
			ws = append(ws, fmt.Sprintf("%s (%d)", w.Word, w.Count))
		}
		notes = append(notes, "Words you used most: "+strings.Join(ws, ", ")+".")
	}
	if len(notes) > 0 {
		b.WriteString(strings.Join(notes, " ") + "\n\n")
	}
	fmt.Fprintf(&b, "## A strong answer\n\n%s\n", strings.TrimSpace(q.Outline))
	if q.Why != "" {
		fmt.Fprintf(&b, "\n**Why ask it:** %s\n", strings.TrimSpace(q.Why))
	}
	return b.String()
}
