package resume

import (
	"strings"
	"unicode"
)

// Profile is what a resume says about its author, for a cover letter or a
// headline. Every field is text taken from the resume as written, never
// computed: a letter that says "6 years" says it because the resume does.
type Profile struct {
	// Name is the first line when it reads as a person's name.
	Name string `json:"name,omitempty"`
	// Headline is the title line under the name ("Backend Engineer"),
	// when there is one.
	Headline string `json:"headline,omitempty"`
	Email    string `json:"email,omitempty"`
	Phone    string `json:"phone,omitempty"`
	Link     string `json:"link,omitempty"` // LinkedIn or GitHub
	// Years is the experience the summary or the headline claims, as
	// written ("6 years", "7+ years").
	Years string `json:"years,omitempty"`
	// Summary is the summary section's first sentence, as written.
	Summary string `json:"summary,omitempty"`
	// Jobs are the experience section's roles, most recent first as
	// resumes list them.
	Jobs []Job `json:"jobs"`
	// Role is the coach role the headline or the latest job title names
	// (backend, sre…), "" for none.
	Role string `json:"role,omitempty"`
}

// Job is one role in the experience section.
type Job struct {
	Title    string `json:"title"`
	Employer string `json:"employer,omitempty"`
	Dates    string `json:"dates,omitempty"`
	// Line is 1-based in the plain text.
	Line int `json:"line"`
}

var (
	titleWord  = lazyRegexp(`(?i)\b(?:engineer|developer|programmer|architect|administrator|admin|sre|devops|manager|lead|head|director|analyst|scientist|consultant|specialist|designer|intern|apprentice|technician|officer|nurse|teacher|tutor|instructor|lecturer|accountant|coordinator|assistant|associate|founder|co-founder|cto|ceo|owner|contractor|freelancer?|researcher|tester|qa|support|operator|student|fellow|chef|clerk|representative|agent|advisor|adviser|executive|principal|staff)\b`)
	yearsClaim = lazyRegexp(`(?i)\b(?:(?:over|more than|nearly|almost|about|around) )?(?:\d{1,2}\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-five|thirty)\s*(?:\+\s*)?years?\b`)
	jobSplit   = lazyRegexp(`\s{2,}|\s+(?:[—–|·•@-]|at)\s+|\s*[|·•—–]\s*|,\s+|\s*\(\s*|\s*\)\s*`)
	nameWord   = lazyRegexp(`^\p{Lu}[\p{L}'’.-]*$`)
)

// ProfileOf reads the author's facts from a resume.
func ProfileOf(doc Document) Profile {
	return profileOf(parseResume(doc))
}

func profileOf(p *parsedResume) Profile {
	pr := Profile{Jobs: []Job{}}
	var head []resumeLine
	for _, l := range p.lines {
		if l.section != SecContact && len(head) > 0 {
			break
		}
		if l.text != "" && !l.heading {
			head = append(head, l)
		}
	}
	for i, l := range head {
		switch {
		case i == 0 && isName(nameOnly(l.text)):
			pr.Name = nameOnly(l.text)
		case pr.Headline == "" && i <= 2 && !strings.Contains(l.text, "@"):
			// "Senior Data Engineer · Chicago, IL": the part naming a role
			for _, part := range jobSplit().Split(l.text, -1) {
				if titleWord().MatchString(part) && len(strings.Fields(part)) <= 8 {
					pr.Headline = strings.Trim(part, " .")
					break
				}
			}
		}
	}
	headText := p.head()
	pr.Email = emailRe().FindString(headText)
	pr.Phone = strings.TrimSpace(phoneRe().FindString(headText))
	if m := profileRe().FindString(headText); strings.Contains(m, ".com/") {
		pr.Link = strings.TrimRight(m, ").,")
	}
	for _, l := range p.lines {
		if l.section == SecSummary || l.section == SecContact {
			if m := yearsClaim().FindString(l.text); m != "" {
				pr.Years = strings.TrimSpace(m)
				break
			}
		}
	}
	// the summary's first paragraph, joined when the file wraps its lines
	var para []string
	for _, l := range p.lines {
		inSummary := l.section == SecSummary && !l.heading && !l.bullet
		if len(para) > 0 && (!inSummary || l.text == "") {
			break
		}
		if inSummary && l.text != "" {
			para = append(para, l.text)
		}
	}
	pr.Summary = firstSentence(strings.TrimPrefix(strings.Join(para, " "), "Summary."))
	pr.Jobs = jobsOf(p)
	for _, t := range append([]string{pr.Headline}, jobTitles(pr.Jobs)...) {
		if t == "" {
			continue
		}
		if role, _ := roleAndLevel(t, nil); role != "" {
			pr.Role = role
			break
		}
	}
	return pr
}

func jobTitles(jobs []Job) []string {
	var out []string
	for _, j := range jobs {
		out = append(out, j.Title)
	}
	return out
}

// nameOnly drops the letters after a name ("Rachel Dunmore, BSN, RN")
// and writes a name set in capitals as a name is written.
func nameOnly(s string) string {
	s, _, _ = strings.Cut(s, ",")
	s = strings.TrimSpace(s)
	if strings.ToUpper(s) == s && strings.ToLower(s) != s {
		r := []rune(strings.ToLower(s))
		for i := range r {
			if i == 0 || strings.ContainsRune(" -'’", r[i-1]) {
				r[i] = unicode.ToUpper(r[i])
			}
		}
		s = string(r)
	}
	return s
}

// isName: two to four capitalised words, nothing else.
func isName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if !nameWord().MatchString(w) {
			return false
		}
	}
	return !titleWord().MatchString(s) && !strings.EqualFold(s, "curriculum vitae")
}

// jobsOf finds each role in the experience section: the lines above a run
// of bullets, read as title, employer and dates in whatever order and
// with whatever separators the resume uses.
func jobsOf(p *parsedResume) []Job {
	jobs := []Job{}
	var block []string
	blockLine := 0
	for i, l := range p.lines {
		if l.section != SecExperience || l.heading && l.mdLevel <= 2 && l.mdLevel > 0 {
			block = nil
			continue
		}
		if _, _, ok := headingOf(l.text); ok {
			block = nil
			continue
		}
		switch {
		case strings.HasPrefix(l.text, "|"):
			// a table of roles: one row each
			if j, ok := tableJob(l.text); ok {
				j.Line = i + 1
				jobs = append(jobs, j)
			}
			block = nil
		case l.bullet:
			if len(block) > 0 {
				if j, ok := readJob(block); ok {
					j.Line = blockLine
					jobs = append(jobs, j)
				} else if k := employerNamed(jobs, block); k >= 0 {
					// "Acme" above its bullets, the role in a table
					jobs[k].Line = blockLine
				}
				block = nil
			}
		case l.text == "" || ruleLine().MatchString(l.text):
		case len(block) < 4 && len(l.text) <= 140:
			if len(block) == 0 {
				blockLine = i + 1
			}
			block = append(block, l.text)
		default:
			block = nil // prose, not a role's heading
		}
	}
	return jobs
}

var (
	ruleLine  = lazyRegexp(`^[-=_*~]{3,}$`)
	jobLabel  = lazyRegexp(`(?i)^\s*(role|title|job title|position|employer|company|organi[sz]ation|period|dates)\s*:\s*(.+)$`)
	tableRule = lazyRegexp(`^[|:\-\s]+$`)
)

// tableJob reads a row of a markdown table of roles.
func tableJob(row string) (Job, bool) {
	if tableRule().MatchString(row) {
		return Job{}, false
	}
	var cells []string
	for _, c := range strings.Split(strings.Trim(row, "| "), "|") {
		cells = append(cells, strings.TrimSpace(c))
	}
	j, ok := readJob([]string{strings.Join(cells, " | ")})
	if strings.EqualFold(j.Title, "title") || strings.EqualFold(j.Title, "role") {
		return Job{}, false // the header row
	}
	return j, ok
}

// employerNamed is the job whose employer the block names, or -1.
func employerNamed(jobs []Job, block []string) int {
	text := strings.Join(block, " ")
	for k, j := range jobs {
		if j.Employer != "" && strings.Contains(text, j.Employer) {
			return k
		}
	}
	return -1
}

// readJob reads "Senior Engineer — Acme (2021 – Present)", "Acme |
// Engineer | 2019 - 2021" and the same split over two or three lines. When
// the title's line says more ("Nurse, Surgical Unit") and another line
// names a place of work, the other line's is the employer.
func readJob(block []string) (Job, bool) {
	var j Job
	titleLine := -1
	others := make([][]string, len(block))
	var before []string // the parts of the title's line ahead of it
	for i, text := range block {
		// "Role: Architect", "Employer: Acme plc, London"
		if m := jobLabel().FindStringSubmatch(text); m != nil {
			switch v := strings.TrimSpace(m[2]); strings.ToLower(m[1])[0] {
			case 'r', 't', 'j', 'p':
				if strings.HasPrefix(strings.ToLower(m[1]), "period") {
					j.Dates = v
				} else if j.Title == "" {
					j.Title, titleLine = v, i
				}
			case 'e', 'c', 'o':
				name, _, _ := strings.Cut(v, ",")
				j.Employer = strings.TrimSpace(name)
			case 'd':
				j.Dates = v
			}
			continue
		}
		if m := dateRange().FindStringIndex(text); m != nil && j.Dates == "" {
			j.Dates = strings.TrimSpace(text[m[0]:m[1]])
			text = text[:m[0]] + " | " + text[m[1]:]
		}
		for _, part := range jobSplit().Split(text, -1) {
			part = strings.Trim(part, " *_,.;:[]()")
			if part == "" || dateish().MatchString(part) && !hasLetters(part, 4) {
				continue
			}
			if j.Title == "" && titleWord().MatchString(part) {
				j.Title, titleLine = part, i
				before, others[i] = others[i], nil
				continue
			}
			others[i] = append(others[i], part)
		}
	}
	if j.Title == "" {
		return Job{}, false
	}
	if j.Employer != "" || titleLine < 0 {
		return j, true
	}
	// "Acme — Engineer": a name before the title is the employer; after
	// it ("Nurse, Surgical Unit") another line's first name comes first
	var candidates []string
	candidates = append(candidates, before...)
	for i := range block {
		if i != titleLine && len(others[i]) > 0 {
			candidates = append(candidates, others[i][0])
		}
	}
	candidates = append(candidates, others[titleLine]...)
	for _, c := range candidates {
		if looksLikeEmployer(c) {
			j.Employer = c
			break
		}
	}
	return j, true
}

// looksLikeEmployer: a capitalised name of up to six words with no date
// or sentence in it.
func looksLikeEmployer(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 || dateish().MatchString(s) {
		return false
	}
	first := []rune(words[0])[0]
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

func hasLetters(s string, n int) bool {
	c := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			c++
		}
	}
	return c >= n
}

// firstSentence is text up to its first full stop followed by a space,
// and nothing when that is too short or too long to quote.
func firstSentence(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.Index(text, ". "); i > 0 {
		text = text[:i+1]
	}
	if n := len(strings.Fields(text)); n < 6 || n > 45 {
		return ""
	}
	return text
}
