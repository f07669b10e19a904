package resume

import (
	"encoding/json"
	"fmt"
	"strings"
)

// JSON is the report as indented JSON, the shape documented on Report.
func (r *Report) JSON() ([]byte, error) { return json.MarshalIndent(r, "", "  ") }

// cell makes text safe inside a markdown table cell.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, `\`, `\\`)
	return strings.ReplaceAll(s, "|", `\|`)
}

// inline makes user text safe in running markdown: no emphasis, links or
// html from the resume or posting.
func inline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '|':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fence is a code fence longer than any backtick run in text.
func fence(text string) string {
	longest, run := 0, 0
	for _, r := range text {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

var sectionTitles = map[string]string{
	PostRequired: "required", PostPreferred: "nice to have", PostResponsibilities: "responsibilities", PostOther: "elsewhere",
}

// SectionTitle is how a report names a posting section: "required",
// "nice to have", "responsibilities" or "elsewhere".
func SectionTitle(kind string) string {
	if t, ok := sectionTitles[kind]; ok {
		return t
	}
	return sectionTitles[PostOther]
}

// StatusMark is a requirement's status as a checklist mark.
func StatusMark(status string) string {
	switch status {
	case Met:
		return "✓"
	case NotFound:
		return "✗"
	}
	return "?"
}

// KindTitle names a requirement kind for people.
func KindTitle(kind string) string {
	switch kind {
	case "years":
		return "Years of experience"
	case "work_authorisation":
		return "Work authorisation"
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

// SourceNote says where the keywords came from when few are in coach's
// skill list, or "".
func (r *Report) SourceNote() string {
	own, all := 0, len(r.Keywords.Matched)+len(r.Keywords.Missing)
	for _, ks := range [][]Keyword{r.Keywords.Matched, r.Keywords.Missing} {
		for _, k := range ks {
			if k.Source == SourcePosting {
				own++
			}
		}
	}
	if all == 0 || own*2 < all {
		return ""
	}
	return fmt.Sprintf("%d of the %d keywords come from the posting's own words (names, acronyms and repeated phrases), not from coach's skill list: coach knows little of this field, so check them against the posting.", own, all)
}

// maxAdvice is how many missing keywords get their advice spelled out.
const maxAdvice = 8

// Markdown is the report for people: score and breakdown, what to change,
// keywords, the resume checks, the plain text and likely questions.
func (r *Report) Markdown() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	title := r.Posting.Title
	if title == "" {
		title = "the job posting"
	}
	w("# Resume review: %s\n\n", inline(r.Resume.File))
	w("Against **%s**", inline(title))
	if r.Posting.Role != "" {
		w(" (%s, %s level)", r.Posting.Role, r.Posting.Level)
	}
	w(".\n\n## Score: %d/100\n\n", r.Score)
	w("| part | score | weight | points |\n|---|--:|--:|--:|\n")
	for _, p := range r.Breakdown {
		w("| %s | %d | %d | %.1f |\n", p.Name, p.Score, p.Weight, p.Points)
	}
	w("\n")
	for _, p := range r.Breakdown {
		w("- **%s**: %s\n", p.Name, inline(p.Detail))
	}
	w("\n")
	if r.Relevance < 1 {
		w("The resume names %d%% of the posting's technical keywords (by weight), so the last four parts count at %d%% (nothing below %d%%, in full from %d%%).\n\n",
			pct(r.Keywords.TechnicalCoverage), pct(r.Relevance), pct(NoRelevanceCoverage), pct(FullRelevanceCoverage))
	}

	if r.Capped {
		w("**Capped at %d**: the posting has a hard requirement the resume does not show (✗ below). An ATS that asks it as a knock-out question screens the application out whatever its keywords.\n\n", KnockoutCap)
	}
	if len(r.Requirements) > 0 {
		w("## Requirements\n\n")
		for _, q := range r.Requirements {
			hard := ""
			if q.Hard {
				hard = " (hard)"
			}
			w("- %s **%s**%s: %s *Posting line %d: “%s”*\n", StatusMark(q.Status), KindTitle(q.Kind), hard, inline(q.Detail), q.Line, inline(truncate(q.Text, 120)))
		}
		w("\n✓ met · ✗ not found · ? can't tell from a resume\n\n")
	}
	if r.Search.Detail != "" {
		w("## Recruiter search\n\n%s\n\n", inline(r.Search.Detail))
	}

	if len(r.Findings) > 0 {
		w("## What to change\n\n")
		for i, f := range r.Findings {
			w("%d. %s\n", i+1, inline(f.Text))
		}
		w("\n")
	}

	w("## Keywords\n\n")
	w("Coverage: %d%% of the posting's keyword weight. Weight is the posting section (required 3, nice to have 2, elsewhere 1) times mentions (1 + 0.5 for each further one, at most 2); soft skills count half. Keywords joined by “or” are one requirement, met by any of them.\n\n", pct(r.Keywords.Coverage))
	if note := r.SourceNote(); note != "" {
		w("%s\n\n", inline(note))
	}
	if len(r.Keywords.Missing) > 0 {
		w("### Missing, by weight\n\n| keyword | weight | in the posting | belongs in |\n|---|--:|---|---|\n")
		for _, k := range r.Keywords.Missing {
			w("| %s | %.1f | %s ×%d | %s |\n", cell(k.Name), k.Weight, SectionTitle(k.Section), k.Mentions, k.Belongs)
		}
		w("\nHow to add them, heaviest first:\n\n")
		for i, k := range r.Keywords.Missing {
			if i == maxAdvice {
				w("- …and %d more in the table above.\n", len(r.Keywords.Missing)-maxAdvice)
				break
			}
			w("- **%s**: %s\n", inline(k.Name), inline(k.Advice))
		}
		w("\n")
	}
	if len(r.Keywords.Matched) > 0 {
		w("### Matched\n\n| keyword | weight | in the posting | found in your resume |\n|---|--:|---|---|\n")
		for _, k := range r.Keywords.Matched {
			name := k.Name
			if k.MatchedAs != "" {
				name = k.MatchedAs + " (of " + k.Name + ")"
			}
			w("| %s | %.1f | %s ×%d | %s (×%d) |\n", cell(name), k.Weight, SectionTitle(k.Section), k.Mentions, strings.Join(k.FoundIn, ", "), k.ResumeMentions)
		}
		w("\n")
	}
	if len(r.Keywords.OtherTerms) > 0 {
		w("### Other frequent words in the posting\n\nNot keywords; worth using if they describe your work.\n\n| word | times | in your resume |\n|---|--:|---|\n")
		for _, t := range r.Keywords.OtherTerms {
			w("| %s | %d | %s |\n", cell(t.Term), t.Count, yesNo(t.InResume))
		}
		w("\n")
	}

	w("## Sections\n\n")
	for _, f := range r.Sections.Found {
		mark := "missing"
		if f.Present {
			mark = "found"
			if f.Heading != "" {
				mark += " (“" + inline(f.Heading) + "”)"
			}
		}
		if f.Kind == SecContact {
			c := r.Sections.Contact
			mark = fmt.Sprintf("email %s, phone %s, LinkedIn or GitHub %s", yesNo(c.Email), yesNo(c.Phone), yesNo(c.Profile))
		}
		w("- **%s** (%d/%d): %s\n", f.Kind, f.Points, f.Weight, mark)
	}
	if len(r.Sections.Others) > 0 {
		w("- also: %s\n", strings.Join(r.Sections.Others, ", "))
	}
	w("\n")

	w("## Bullets\n\n")
	if r.Bullets.Count == 0 {
		w("No experience bullets found.\n\n")
	} else {
		w("%s. Each bullet scores action verb 30, number or outcome 35, %d–%d characters 20, no first person 15.\n\n",
			capitalise(bulletDetail(r.Bullets)), MinBulletChars, MaxBulletChars)
		for _, bl := range r.Bullets.Items {
			w("- **%d** “%s”\n", bl.Score, inline(truncate(bl.Text, 140)))
			for _, a := range bl.Advice {
				w("  - %s\n", inline(a))
			}
		}
		w("\n")
	}

	w("## Length\n\n%s\n\n", inline(r.Length.Note))

	w("## Plain-text test\n\n")
	if len(r.PlainText.Lost) == 0 && len(r.PlainText.Merged) == 0 {
		w("Nothing lost or merged: an ATS reads the text below.\n\n")
	}
	for _, f := range r.PlainText.Lost {
		w("- line %d: %s: “%s”\n", f.Line, f.Issue, inline(truncate(f.Text, 100)))
	}
	for _, f := range r.PlainText.Merged {
		w("- line %d: %s: “%s”\n", f.Line, f.Issue, inline(truncate(f.Text, 100)))
	}
	if len(r.PlainText.Lost)+len(r.PlainText.Merged) > 0 {
		w("\n")
	}
	f := fence(r.PlainText.Text)
	w("What an ATS extracts:\n\n%stext\n%s\n%s\n\n", f, strings.Trim(r.PlainText.Text, "\n"), f)

	if len(r.Questions) > 0 {
		w("## Likely interview questions\n\n")
		for _, src := range []string{"bank", "resume"} {
			first := true
			for _, q := range r.Questions {
				if q.Source != src {
					continue
				}
				if first {
					if src == "bank" {
						w("On the skills the posting wants:\n\n")
					} else {
						w("From your own bullets:\n\n")
					}
					first = false
				}
				w("- %s *(%s", inline(q.Text), q.Kind)
				if q.Skill != "" {
					w(", %s", inline(q.Skill))
				}
				if src == "bank" {
					w(", coach bank show %s", q.ID)
				}
				w(")*\n")
			}
			if !first {
				w("\n")
			}
		}
	}
	return b.String()
}

func pct(f float64) int { return int(f*100 + 0.5) }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
