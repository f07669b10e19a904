package letter

import (
	"slices"
	"strings"

	"github.com/coach-tui/coach/coach/resume"
	"github.com/coach-tui/coach/coach/words"
)

// MaxHeadline is LinkedIn's limit on a headline, in characters.
const MaxHeadline = 220

// Headlines are LinkedIn-style headlines and a short summary, made from
// the same facts as a letter and with the same rule: nothing in them that
// the resume (or the posting) does not say. JSON (schema 1):
//
//	{"schema": 1, "headlines": ["Backend Engineer | Go, PostgreSQL, Kafka", …],
//	 "summary": "…three sentences…", "target": "Site Reliability Engineer"} // target: with --job
type Headlines struct {
	Schema    int      `json:"schema"`
	Headlines []string `json:"headlines"`
	Summary   string   `json:"summary"`
	Target    string   `json:"target,omitempty"`
	Invented  []string `json:"invented"`
}

// WriteHeadlines makes three headlines and a three-sentence summary from
// the role, the top skills and the strongest result. With a posting's
// facts the skills are the posting's that the resume shows, and the
// posting's job is named as the one sought.
func WriteHeadlines(f *resume.Facts) *Headlines {
	h := &Headlines{Schema: SchemaVersion, Invented: []string{}}
	role := currentRole(f.Profile)
	skills := first(f.Skills, 4)
	if f.Posting.Title != "" {
		h.Target = roleName(f.Posting.Title, f.Posting.Company)
	}
	best, bestAt := strongest(f.Achievements)

	var lines []string
	if len(skills) > 0 {
		lines = append(lines, role+" | "+strings.Join(first(skills, 3), ", "))
	} else {
		lines = append(lines, role)
	}
	if best != "" {
		// the job the result was won in, not a headline's goal
		at := role
		if bestAt.JobTitle != "" && bestAt.Employer != "" {
			at = bestAt.JobTitle + " at " + bestAt.Employer
		}
		lines = append(lines, at+" | "+upperFirst(best))
	}
	third := role
	if y := f.Profile.Years; y != "" {
		third += " · " + y + " of experience"
	}
	if len(skills) > 0 {
		third += " · " + words.And(first(skills, 2))
	}
	if h.Target != "" && !strings.EqualFold(h.Target, role) {
		third += " · seeking " + h.Target + " roles"
	}
	lines = append(lines, third)
	for _, l := range lines {
		if l = fitHeadline(l); l != "" && !slices.Contains(h.Headlines, l) {
			h.Headlines = append(h.Headlines, l)
		}
	}

	var sum []string
	s := upperFirst(role)
	switch {
	case f.Profile.Years != "" && len(skills) > 0:
		sum = append(sum, s+" with "+f.Profile.Years+" of experience working with "+words.And(first(skills, 3))+".")
	case f.Profile.Years != "":
		sum = append(sum, s+" with "+f.Profile.Years+" of experience.")
	case len(skills) > 0:
		sum = append(sum, s+" working with "+words.And(first(skills, 3))+".")
	default:
		sum = append(sum, s+".")
	}
	if a, ok := strongestResult(f.Achievements); ok {
		line := asSentence(a.Text)
		if a.Employer != "" && strings.HasPrefix(line, "I ") {
			line = "At " + a.Employer + ", " + line
		}
		sum = append(sum, line)
	}
	switch {
	case h.Target != "":
		sum = append(sum, "I am looking for "+article(h.Target)+" "+h.Target+" role where that experience counts.")
	case len(f.Skills) > 3:
		sum = append(sum, "I also work with "+words.And(first(f.Skills[3:], 4))+".")
	}
	h.Summary = strings.Join(sum, " ")
	return h
}

// currentRole is the headline the resume gives, or its latest job title.
func currentRole(p resume.Profile) string {
	if len(p.Jobs) > 0 && (p.Headline == "" || strings.ToUpper(p.Headline) == p.Headline) {
		return p.Jobs[0].Title
	}
	if p.Headline != "" {
		return p.Headline
	}
	return "[Your job title]"
}

// strongest is the best result's clause with its figure, "cutting p95
// latency from 900 ms to 120 ms", short enough for a headline, and the
// result it came from.
func strongest(as []resume.Achievement) (string, resume.Achievement) {
	for _, a := range as {
		if a.Figure == "" {
			continue
		}
		text := strings.TrimRight(a.Text, ". ")
		for _, part := range splitClauses(text) {
			if strings.Contains(part, a.Figure) && len(part) <= 120 {
				return strings.TrimSpace(part), a
			}
		}
		if len(text) <= 120 {
			return text, a
		}
	}
	return "", resume.Achievement{}
}

// strongestResult is the first result with a figure that opens with a
// verb, for the summary's second sentence.
func strongestResult(as []resume.Achievement) (resume.Achievement, bool) {
	for _, a := range as {
		if a.Figure != "" && a.Verb {
			return a, true
		}
	}
	if len(as) > 0 {
		return as[0], true
	}
	return resume.Achievement{}, false
}

// splitClauses cuts at commas and semicolons outside numbers ("1,200").
func splitClauses(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if (s[i] == ',' || s[i] == ';') && i+1 < len(s) && s[i+1] == ' ' {
			out = append(out, s[start:i])
			start = i + 2
		}
	}
	return append(out, s[start:])
}

// fitHeadline keeps a headline within LinkedIn's limit by dropping its
// last parts; one that cannot fit is left out.
func fitHeadline(l string) string {
	for len([]rune(l)) > MaxHeadline {
		i := max(strings.LastIndex(l, " | "), strings.LastIndex(l, " · "))
		if i <= 0 {
			return ""
		}
		l = l[:i]
	}
	return l
}
