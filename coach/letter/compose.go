package letter

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coach-tui/coach/coach/resume"
	"github.com/coach-tui/coach/coach/words"
)

// What a letter leaves for the candidate to write.
const (
	hiringManager = "[Hiring manager's name]"
	companyBlank  = "[Company]"
	yourName      = "[Your name]"
)

// draft is a letter being fitted to length: the same facts, shown more
// or fewer at a time.
type draft struct {
	f       *resume.Facts
	ach     []resume.Achievement // the candidates, best first
	company string
	role    string // the job as the letter names it
	nAch    int    // achievements shown
	nDuties int    // duties named
	more    bool   // the further skills sentence
	summary bool   // the resume's summary, quoted
	offer   bool   // the offer to go through the work in detail
}

func newDraft(f *resume.Facts) *draft {
	d := &draft{f: f, company: f.Posting.Company, role: roleName(f.Posting.Title, f.Posting.Company)}
	if d.company == "" {
		d.company = companyBlank
	}
	// results that answer the posting first, one per keyword where the
	// resume allows, then results with a figure
	seen := map[string]bool{}
	var rest []resume.Achievement
	for _, a := range f.Achievements {
		switch {
		case len(a.Keywords) > 0 && !seen[a.Keywords[0]]:
			seen[a.Keywords[0]] = true
			d.ach = append(d.ach, a)
		case len(a.Keywords) > 0 || a.Figure != "":
			rest = append(rest, a)
		}
	}
	d.ach = append(d.ach, rest...)
	if len(d.ach) > 5 {
		d.ach = d.ach[:5]
	}
	d.nAch, d.nDuties = min(3, len(d.ach)), min(2, len(f.Posting.Duties))
	return d
}

// fit renders the letter, then shows more or fewer facts until it is
// between MinWords and MaxWords, or nothing is left to change.
func (d *draft) fit(render func() string) string {
	text := render()
	for CountWords(text) < MinWords && d.grow() {
		text = render()
	}
	for CountWords(text) > MaxWords && d.shrink() {
		text = render()
	}
	return text
}

func (d *draft) grow() bool {
	switch {
	case !d.more && len(d.moreSkills()) > 0:
		d.more = true
	case d.nAch < min(4, len(d.ach)):
		d.nAch++
	case !d.summary && d.f.Profile.Summary != "":
		d.summary = true
	case d.nDuties < min(3, len(d.f.Posting.Duties)):
		d.nDuties++
	case d.nAch < len(d.ach):
		d.nAch++
	case !d.offer:
		d.offer = true
	default:
		return false
	}
	return true
}

func (d *draft) shrink() bool {
	switch {
	case d.offer:
		d.offer = false
	case d.summary:
		d.summary = false
	case d.more:
		d.more = false
	case d.nAch > 2:
		d.nAch--
	case d.nDuties > 1:
		d.nDuties--
	default:
		return false
	}
	return true
}

func (d *draft) used() Used {
	u := Used{Name: d.f.Profile.Name, Role: d.role, Company: d.f.Posting.Company, Years: d.f.Profile.Years,
		Achievements: append([]resume.Achievement{}, d.ach[:d.nAch]...), Skills: d.skills(), Duties: d.duties()}
	if d.more {
		u.Skills = append(u.Skills, d.moreSkills()...)
	}
	return u
}

func (d *draft) skills() []string { return first(d.f.Skills, 3) }

// moreSkills are the posting's keywords the resume shows that the letter
// has not named yet.
func (d *draft) moreSkills() []string {
	named := map[string]bool{}
	for _, s := range d.skills() {
		named[s] = true
	}
	for _, a := range d.ach[:d.nAch] {
		for _, k := range a.Keywords {
			named[k] = true
		}
	}
	var out []string
	for _, s := range d.f.Skills {
		if !named[s] && len(out) < 5 {
			out = append(out, s)
		}
	}
	return out
}

// summaryLine quotes the resume's summary, whose words are the
// candidate's own.
func (d *draft) summaryLine() string {
	if !d.summary {
		return ""
	}
	return "My resume sums up my work this way: “" + strings.TrimSuffix(d.f.Profile.Summary, ".") + ".”"
}

func (d *draft) duties() []string { return first(d.f.Posting.Duties, d.nDuties) }

func first(list []string, n int) []string { return append([]string{}, list[:min(n, len(list))]...) }

func (d *draft) render(t Template) string {
	var paras []string
	switch t {
	case Achievement:
		paras = d.achievementLed()
	case CareerChange:
		paras = d.careerChange()
	default:
		paras = d.classic()
	}
	var out []string
	out = append(out, "Dear "+hiringManager+",")
	for _, p := range paras {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	out = append(out, "Kind regards,\n"+d.signature())
	return strings.Join(out, "\n\n") + "\n"
}

func (d *draft) classic() []string {
	return []string{
		d.opening() + " " + d.background(true) + " " + d.summaryLine(),
		d.resultsParagraph("A few results from my work bear directly on this role."),
		d.whyParagraph(),
		d.moreParagraph(),
		d.offerLine() + stop("I would welcome the chance to talk about how I could help "+d.company) + " Thank you for your time and consideration.",
	}
}

func (d *draft) achievementLed() []string {
	var list []string
	for _, a := range d.ach[:d.nAch] {
		line := "- "
		if len(a.Keywords) > 0 {
			line += "**" + upperFirst(a.Keywords[0]) + "**: "
		}
		if a.Employer != "" {
			line += endSentence(strings.TrimRight(strings.TrimSpace(a.Text), ".") + " (" + a.Employer + ")")
		} else {
			line += endSentence(a.Text)
		}
		list = append(list, line)
	}
	var labels []string
	for _, a := range d.ach[:d.nAch] {
		if len(a.Keywords) > 0 && !slices.Contains(labels, a.Keywords[0]) {
			labels = append(labels, a.Keywords[0])
		}
	}
	intro := "Your posting for the " + d.role + " role at " + d.company + " asks for " + words.And(first(labels, 4)) + ". Here is where my work shows " + eachOf(labels) + ":"
	if len(labels) == 0 {
		intro = d.opening() + " Here is some of the work behind my application:"
	}
	return []string{
		intro,
		strings.Join(list, "\n"),
		d.background(false) + " " + d.summaryLine(),
		d.whyParagraph(),
		d.moreParagraph(),
		d.offerLine() + "I would welcome the chance to talk through any of these in more depth. Thank you for your time and consideration.",
	}
}

func (d *draft) careerChange() []string {
	from := d.fromRole()
	open := d.opening()
	if from != "" {
		open += " I come to it from work as " + article(from) + " " + from
		if j := d.latest(); j != nil && j.Employer != "" {
			open += ", most recently at " + j.Employer
		}
		if y := d.f.Profile.Years; y != "" {
			open += ", with " + y + " of experience"
		}
		if len(d.skills()) > 0 {
			open += ", and I am moving into this field with skills that carry over."
		} else {
			open += ", and I am moving into this field."
		}
	}
	// with none of the posting's keywords on the resume, no claim that they carry over
	carry := "Here is some of what I have done so far."
	if s := d.skills(); len(s) > 0 {
		carry = "Your posting asks for " + words.And(s) + ", and my resume shows " + eachOf(s) + "."
	}
	return []string{
		open + " " + d.summaryLine(),
		"[Say in a sentence or two why you are changing career, and what you have done to prepare: a course, a project, a certification.]",
		d.resultsParagraph(carry),
		d.whyParagraph(),
		d.moreParagraph(),
		d.offerLine() + stop("My path to this role is not the usual one, and I would welcome the chance to show how what I have done carries over to "+d.company) + " Thank you for your time and consideration.",
	}
}

func (d *draft) opening() string {
	return stop("I am writing to apply for the " + d.role + " role at " + d.company)
}

// offerLine is said when a letter is short of facts to fill it.
func (d *draft) offerLine() string {
	if !d.offer {
		return ""
	}
	return "I would be glad to walk you through any of this work: the problem, the trade-offs I weighed and what I would do differently today. "
}

// stop ends a sentence with one full stop, also after "Acme Co.".
func stop(s string) string {
	if strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// background says who the candidate is, in the resume's words: the years
// the summary claims and the latest job, never the headline's goal ("…
// moving into software") as if it were held. With asks it adds the
// posting's top keywords, which the results below answer.
func (d *draft) background(asks bool) string {
	p := d.f.Profile
	var s string
	j := d.latest()
	switch {
	case j != nil && j.Employer != "" && present(j.Dates):
		s = "I am currently " + j.Title + " at " + j.Employer
	case j != nil && j.Employer != "":
		s = "Most recently I worked as " + j.Title + " at " + j.Employer
	case j != nil:
		s = "Most recently I worked as " + article(j.Title) + " " + j.Title
	case p.Headline != "":
		s = "I am " + article(p.Headline) + " " + p.Headline
	}
	years := p.Years
	if d.summary && strings.Contains(p.Summary, years) {
		years = "" // the quoted summary says it
	}
	switch {
	case s != "" && years != "":
		s = "I bring " + years + " of experience, and " + lowerI(strings.TrimPrefix(s, "I ")) + "."
		s = strings.Replace(s, ", and am currently", ", and I am currently", 1)
	case s != "":
		s += "."
	case years != "":
		s = "I bring " + years + " of experience."
	}
	if sk := d.skills(); len(sk) > 0 && asks {
		s += " Your posting asks for " + words.And(sk) + ", and my work below shows " + eachOf(sk) + "."
	}
	return strings.TrimSpace(s)
}

// resultsParagraph tells the chosen results as sentences of the letter.
func (d *draft) resultsParagraph(lead string) string {
	if d.nAch == 0 {
		return ""
	}
	// told in the resume's order, so each employer is named once
	shown := append([]resume.Achievement{}, d.ach[:d.nAch]...)
	sort.SliceStable(shown, func(i, j int) bool { return shown[i].Line < shown[j].Line })
	parts := []string{lead}
	last, again := "", 0
	for i, a := range shown {
		s := asSentence(a.Text)
		switch {
		case a.Employer != "" && a.Employer != last:
			s, again = "At "+a.Employer+", "+lowerI(s), 0
		case a.Employer == "" && a.Section == "projects" && last != "projects":
			s, again = "In my own projects, "+lowerI(s), 0
			a.Employer = "projects"
		case i > 0 && strings.HasPrefix(s, "I "):
			s = []string{"I also ", "There, I ", "I "}[min(again, 2)] + s[2:]
			again++
		}
		last = a.Employer
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// whyParagraph says why this team, in the posting's own words.
func (d *draft) whyParagraph() string {
	var b strings.Builder
	if ds := d.duties(); len(ds) > 0 {
		b.WriteString("What draws me to this role is the work your posting describes: " + words.And(ds) + ". ")
	}
	b.WriteString("[Add a sentence on why " + d.company + " in particular: a product you use, something the team has built or written, or someone you know there.]")
	return b.String()
}

func (d *draft) moreParagraph() string {
	if !d.more {
		return ""
	}
	if m := d.moreSkills(); len(m) > 0 {
		return "Beyond these, my resume also shows " + words.And(m) + ", which your posting names too."
	}
	return ""
}

func (d *draft) signature() string {
	p := d.f.Profile
	name := p.Name
	if name == "" {
		name = yourName
	}
	var contact []string
	for _, c := range []string{p.Email, p.Phone, p.Link} {
		if c != "" {
			contact = append(contact, c)
		}
	}
	if len(contact) == 0 {
		return name
	}
	return name + "\n" + strings.Join(contact, " · ")
}

func (d *draft) latest() *resume.Job {
	if len(d.f.Profile.Jobs) == 0 {
		return nil
	}
	return &d.f.Profile.Jobs[0]
}

func (d *draft) fromRole() string {
	if j := d.latest(); j != nil {
		return j.Title
	}
	return d.f.Profile.Headline
}

// roleName is the job as a letter names it: the posting's title without
// the employer it may carry ("Backend Engineer at Acme").
func roleName(title, company string) string {
	t := strings.TrimSpace(title)
	if company != "" {
		for _, cut := range []string{" at " + company, " — " + company, " – " + company, " - " + company, " | " + company, ", " + company} {
			t = strings.TrimSuffix(t, cut)
		}
		for _, cut := range []string{company + " — ", company + " – ", company + " - ", company + " | ", company + ": "} {
			t = strings.TrimPrefix(t, cut)
		}
	}
	// "Developer (Remote, EU time zones)": the terms of work are not the
	// job's name
	t = strings.TrimSpace(workTerms.ReplaceAllString(t, ""))
	// "Backend Engineer (Go) - Logistics APIs": the part naming the job
	for _, sep := range []string{" - ", " — ", " – ", " | "} {
		if head, _, ok := strings.Cut(t, sep); ok && jobWord.MatchString(head) {
			t = head
		}
	}
	if t == "" {
		return "[Job title]"
	}
	return t
}

var workTerms = regexp.MustCompile(`(?i)\s*\([^()]*\b(?:remote|hybrid|on-?site|full-time|part-time|nights|days|contract|time zones?|relocation)\b[^()]*\)`)

var jobWord = regexp.MustCompile(`(?i)engineer|developer|architect|administrator|analyst|manager|nurse|accountant|designer|scientist|specialist|consultant|lead|sre|devops`)

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// asSentence turns a resume bullet into a sentence of the letter: "Cut
// costs by 40%" becomes "I cut costs by 40%." A bullet that does not open
// with an action verb is given after "Among my results:", its words
// unchanged.
func asSentence(text string) string {
	text = strings.TrimSpace(text)
	if strings.HasPrefix(text, "I ") {
		return endSentence(text)
	}
	first, _, _ := strings.Cut(text, " ")
	if isVerbLike(first) {
		return "I " + lowerFirst(endSentence(text))
	}
	if !isAcronym(first) {
		text = lowerFirst(text)
	}
	return "Among my results: " + endSentence(text)
}

func isAcronym(w string) bool {
	r := []rune(w)
	return len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsUpper(r[1])
}

// isVerbLike: a capitalised past-tense or present word that is not an
// acronym or a name (AWS, Kubernetes).
func isVerbLike(w string) bool {
	if len(w) < 2 || strings.ToUpper(w) == w {
		return false
	}
	lw := strings.ToLower(w)
	return strings.HasSuffix(lw, "ed") || pastTense[lw]
}

var pastTense = map[string]bool{
	"built": true, "led": true, "ran": true, "wrote": true, "cut": true, "set": true, "made": true,
	"drove": true, "grew": true, "won": true, "took": true, "brought": true, "began": true, "kept": true,
	"rebuilt": true, "rewrote": true, "taught": true, "held": true, "found": true, "gave": true, "sped": true,
	"shipped": true, "spun": true, "put": true, "split": true, "shut": true, "oversaw": true, "undertook": true,
	"met": true, "rose": true, "sold": true, "spent": true, "sent": true, "bought": true, "chose": true,
	"drew": true, "became": true, "broke": true, "spoke": true, "saw": true, "threw": true, "forecast": true,
	"beat": true, "overcame": true, "withdrew": true, "upheld": true, "stood": true, "thought": true,
}

func endSentence(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, " ;,")
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// lowerI writes "I built…" after "At Acme, ", and any other opening as is.
func lowerI(s string) string {
	if strings.HasPrefix(s, "I ") {
		return s
	}
	return lowerFirst(s)
}

func present(dates string) bool {
	l := strings.ToLower(dates)
	return strings.Contains(l, "present") || strings.Contains(l, "current") || strings.Contains(l, "now") || strings.Contains(l, "today")
}

func article(s string) string {
	w := strings.ToLower(s)
	for _, p := range []string{"a", "e", "i", "o", "u", "sre", "hr", "mba", "mri", "rn"} {
		if strings.HasPrefix(w, p) {
			if p == "u" && (strings.HasPrefix(w, "uni") || strings.HasPrefix(w, "use") || strings.HasPrefix(w, "ux")) {
				return "a"
			}
			return "an"
		}
	}
	return "a"
}

func eachOf(list []string) string {
	if len(list) == 1 {
		return "it"
	}
	return "each of them"
}
