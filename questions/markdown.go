package questions

import (
	"fmt"
	"strings"
)

// Markdown renders a question for reading: the question, its facts, the
// key points with their terms, the follow-ups and the outline.
func (q *Question) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", q.Text)
	roles := make([]string, len(q.Roles))
	for i, r := range q.Roles {
		roles[i] = string(r)
	}
	fmt.Fprintf(&b, "`%s` · %s · %s · %s · %s\n\n", q.ID, q.Kind, q.Category, q.DifficultyName(), FormatTime(q.Time))
	fmt.Fprintf(&b, "Roles: %s\n\n", strings.Join(roles, ", "))
	if len(q.Tags) > 0 {
		fmt.Fprintf(&b, "Skills: %s\n\n", strings.Join(q.Tags, ", "))
	}
	if q.Why != "" {
		fmt.Fprintf(&b, "## Why ask it\n\n%s\n\n", q.Why)
	}
	b.WriteString("## Key points\n\n")
	for _, kp := range q.KeyPoints {
		fmt.Fprintf(&b, "- %s  \n  *listen for: %s*\n", kp.Point, strings.Join(kp.Terms, ", "))
	}
	b.WriteString("\n## Follow-up questions\n\n")
	for _, f := range q.FollowUps {
		fmt.Fprintf(&b, "- %s\n", f.Text)
		for _, kp := range f.KeyPoints {
			fmt.Fprintf(&b, "  - %s  \n    *listen for: %s*\n", kp.Point, strings.Join(kp.Terms, ", "))
		}
	}
	fmt.Fprintf(&b, "\n## A strong answer\n\n%s\n", strings.TrimSpace(q.Outline))
	if q.Source.User {
		fmt.Fprintf(&b, "\n*From your bank %s:%d*\n", q.Source.File, q.Source.Line)
	}
	return b.String()
}

// FormatTime writes a question's time the way people say it: 90s, 3m,
// 2m30s.
func FormatTime(d interface{ Seconds() float64 }) string {
	s := int(d.Seconds())
	switch {
	case s >= 3600 && s%60 == 0:
		if s%3600 == 0 {
			return fmt.Sprintf("%dh", s/3600)
		}
		return fmt.Sprintf("%dh%02dm", s/3600, s%3600/60)
	case s < 60:
		return fmt.Sprintf("%ds", s)
	case s%60 == 0:
		return fmt.Sprintf("%dm", s/60)
	case s < 120:
		return fmt.Sprintf("%ds", s)
	default:
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	}
}
