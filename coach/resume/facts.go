package resume

import (
	"errors"
	"sort"
	"strings"
	"unicode"
)

// Facts are what a cover letter or a headline may say, each as the resume
// or the posting writes it: the author's profile, the resume lines that
// best answer the posting and the posting's own words for the work.
type Facts struct {
	Profile Profile      `json:"profile"`
	Posting PostingFacts `json:"posting"`
	// Achievements are the experience and project bullets, those that
	// name the posting's heaviest keywords and carry a figure first.
	Achievements []Achievement `json:"achievements"`
	// Skills are the posting's keywords the resume shows, heaviest
	// first, spelled as the posting spells them.
	Skills []string `json:"skills"`
	// CareerChange says the resume's roles are in another field than the
	// posting's, with the reason in words.
	CareerChange bool   `json:"career_change"`
	ChangeReason string `json:"change_reason,omitempty"`
	// Report is the review the facts came from.
	Report *Report `json:"-"`
}

// PostingFacts are the posting's words for the job.
type PostingFacts struct {
	Title   string `json:"title"`
	Company string `json:"company,omitempty"`
	Role    string `json:"role,omitempty"`
	// Duties are responsibilities that start with a verb, in the
	// posting's words and order, ready to follow "the work is": "to build
	// and maintain services in Go", or "running your clusters".
	Duties []string `json:"duties"`
	// Terms are the posting's frequent words outside the skill list
	// (shipment, payments), most frequent first.
	Terms []string `json:"terms"`
}

// Achievement is one resume bullet and what it answers in the posting.
type Achievement struct {
	Text     string   `json:"text"`
	Line     int      `json:"line"`
	Section  string   `json:"section"` // experience, projects or other
	JobTitle string   `json:"job_title,omitempty"`
	Employer string   `json:"employer,omitempty"`
	Keywords []string `json:"keywords"` // the posting's keywords it names
	Figure   string   `json:"figure,omitempty"`
	Verb     bool     `json:"starts_with_verb"`
	Weight   float64  `json:"weight"` // of the keywords it names
}

// LetterFacts reviews the resume against the posting and gathers the
// facts a letter may use.
func LetterFacts(doc Document, posting string, opt Options) (*Facts, error) {
	r, err := Review(doc, posting, opt)
	if err != nil {
		return nil, err
	}
	m := opt.Matcher
	if m == nil {
		if m, err = DefaultMatcher(); err != nil {
			return nil, err
		}
	}
	p := parseResume(doc)
	f := &Facts{Profile: profileOf(p), Report: r, Skills: []string{}}
	post := r.Posting
	f.Posting = PostingFacts{Title: post.Title, Company: post.Company, Role: post.Role, Duties: post.duties, Terms: []string{}}
	if f.Posting.Duties == nil {
		f.Posting.Duties = []string{}
	}
	for _, t := range post.OtherTerms {
		if t.Count >= 2 && len(f.Posting.Terms) < 5 {
			f.Posting.Terms = append(f.Posting.Terms, t.Term)
		}
	}
	for _, k := range r.Keywords.Matched {
		if nameable(k) {
			f.Skills = append(f.Skills, spelled(k))
		}
	}
	f.Achievements = achievements(m, r, f.Profile.Jobs)
	f.CareerChange, f.ChangeReason = careerChange(f.Profile, post)
	return f, nil
}

// spelled is a keyword as the posting writes it, or the alternative the
// resume has ("Apache Kafka" of "Kafka, RabbitMQ or SQS"), ready for the
// middle of a sentence.
func spelled(k Keyword) string {
	switch {
	case k.MatchedAs != "":
		return prose(k.MatchedAs, k.Group)
	case len(k.As) > 0 && k.Source != SourceSkills:
		return prose(k.As[0], k.Group)
	}
	return prose(k.Name, k.Group)
}

// nameable: a keyword a letter can name as a skill. The posting's own
// repeated words ("customers") count for the review's coverage but are
// not skills; its own names (PyTorch, HL7) are.
func nameable(k Keyword) bool {
	if k.Source != SourcePosting {
		return true
	}
	return strings.IndexFunc(k.Name, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) >= 0
}

// prose writes a practice's name as a sentence has it ("integration
// testing"); tools and names with capitals of their own keep them (Go,
// REST APIs, GitOps).
func prose(name, group string) string {
	r := []rune(name)
	if group == "technical" || len(r) < 2 || !unicode.IsUpper(r[0]) || strings.IndexFunc(string(r[1:]), unicode.IsUpper) >= 0 {
		return name // a tool, or a name with capitals of its own (GitOps, Argo CD)
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

func achievements(m *Matcher, r *Report, jobs []Job) []Achievement {
	out := []Achievement{}
	for _, b := range r.Bullets.Items {
		if b.Section != SecExperience && b.Section != SecProjects && b.Section != SecOther {
			continue
		}
		a := Achievement{Text: b.Text, Line: b.Line, Section: b.Section, Keywords: []string{}, Verb: b.ActionVerb}
		if b.Metric {
			a.Figure = b.Result
		}
		if b.Section == SecExperience {
			for _, j := range jobs {
				if j.Line <= b.Line {
					a.JobTitle, a.Employer = j.Title, j.Employer
				}
			}
		}
		found := map[string]bool{}
		for _, mt := range m.Find(b.Text) {
			found[mt.Key] = true
		}
		if r.Posting.own != nil {
			for _, mt := range r.Posting.own.Find(b.Text) {
				found[mt.Key] = true
			}
		}
		for _, k := range r.Posting.Keywords {
			if !nameable(k) {
				continue
			}
			keys := k.keys
			if len(keys) == 0 {
				keys = []string{k.Skill}
			}
			for i, key := range keys {
				if found[key] {
					name := prose(k.Name, k.Group)
					if len(k.Alternatives) > i {
						name = prose(k.Alternatives[i], k.Group)
					} else if len(k.As) > 0 && k.Source != SourceSkills {
						name = prose(k.As[0], k.Group)
					}
					a.Keywords = append(a.Keywords, name)
					a.Weight += k.Weight
					break
				}
			}
		}
		out = append(out, a)
	}
	// what the posting weighs most, shown with a figure, first; then the
	// resume's order
	rank := func(a Achievement) float64 {
		s := a.Weight
		if a.Figure != "" {
			s += 2
		}
		if !a.Verb {
			s -= 1
		}
		return s
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) > rank(out[j]) })
	return out
}

// softwareTitle is a job title in software or its operation.
var softwareTitle = lazyRegexp(`(?i)software|back[\s-]?end|front[\s-]?end|full[\s-]?stack|developer|programmer|dev\s?ops|\bsre\b|site reliability|platform|cloud|data engineer|machine learning|\bml\b|web|mobile|ios|android|\bqa\b|test engineer|security engineer|systems engineer|infrastructure|architect|\bit\b|devsecops|firmware|embedded`)

// careerChange compares the field of the resume's roles with the
// posting's: a teacher or a nurse applying for a backend role is changing
// career; a backend engineer applying for an SRE role is not.
func careerChange(pr Profile, post *Posting) (bool, string) {
	// the jobs held, not the headline: "Junior Software Developer (former
	// Mathematics Teacher)" is where a career changer is going
	var titles []string
	for i, j := range pr.Jobs {
		if i < 3 {
			titles = append(titles, j.Title)
		}
	}
	if len(titles) == 0 && pr.Headline != "" {
		titles = append(titles, pr.Headline)
	}
	if len(titles) == 0 {
		return false, ""
	}
	resumeSoftware := false
	for _, t := range titles {
		if softwareTitle().MatchString(t) {
			resumeSoftware = true
			break
		}
	}
	postingSoftware := post.Role != "" || softwareTitle().MatchString(post.Title)
	switch {
	case postingSoftware && !resumeSoftware:
		return true, "your resume's roles (" + strings.Join(unique(titles), ", ") + ") are outside software, and the posting is for a " + post.Title
	case !postingSoftware && resumeSoftware:
		return true, "your resume's roles are in software, and the posting (" + post.Title + ") is in another field"
	}
	return false, ""
}

func unique(list []string) []string {
	var out []string
	for _, s := range list {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// duty reads a responsibility that starts with a verb, for a letter to
// name: "Build and maintain services in Go behind our API" → "to build
// and maintain services in Go behind your API", "Running our clusters" →
// "running your clusters". Anything else gives "".
func duty(line string) string {
	text := strings.TrimSpace(bulletMarker().ReplaceAllString(line, ""))
	text = strings.TrimRight(stripEmphasis(text), " .;")
	words := strings.Fields(text)
	if len(words) < 3 || len(words) > 22 {
		return ""
	}
	w := strings.ToLower(words[0])
	if !dutyVerbs[w] && !dutyVerbs[gerundBase(w)] {
		return ""
	}
	r := []rune(text)
	r[0] = unicode.ToLower(r[0])
	text = string(r)
	if dutyVerbs[w] {
		text = "to " + text // "Running our clusters" reads in a list as it is
	}
	return ourYour().ReplaceAllStringFunc(text, yourFor)
}

// yourFor turns the posting's "our" into the letter's "your".
func yourFor(w string) string {
	switch strings.ToLower(w) {
	case "our":
		return "your"
	case "ours":
		return "yours"
	case "we", "us":
		return "you"
	}
	return w
}

// gerundBase is the verb of "running", "defining", "building", or "" for
// a word that is not one.
func gerundBase(w string) string {
	stem, ok := strings.CutSuffix(w, "ing")
	if !ok || len(stem) < 2 {
		return ""
	}
	n := len(stem)
	for _, c := range []string{stem, stem + "e", stem[:n-1]} {
		if dutyVerbs[c] && (c != stem[:n-1] || stem[n-1] == stem[n-2]) {
			return c
		}
	}
	return ""
}

var ourYour = lazyRegexp(`\b(?:[Oo]urs?|[Ww]e|us)\b`)

func stripEmphasis(s string) string { return mdEmphasis().ReplaceAllString(s, "") }

// dutyVerbs are the verbs a posting's responsibilities open with.
var dutyVerbs = set(`build design develop own lead run write maintain improve work partner collaborate
mentor help drive define create implement operate shape support ship scale automate monitor manage plan
review take keep make deliver contribute architect champion establish evolve grow guide investigate
participate set tune migrate modernise modernize optimise optimize deploy test debug document coach
prototype research analyse analyze integrate communicate respond handle translate troubleshoot provide
ensure identify influence advocate align bring enable secure harden measure instrument model reduce
maintain configure administer engineer develop evaluate assess teach train onboard represent care
prepare reconcile audit advise serve protect`)

// dutiesOf reads the responsibilities' bullets as duties: those that
// open with a verb, or, when none do ("SLOs and error budgets for our
// playback paths"), the things the role owns; a posting without that
// section gives the verb bullets outside its requirements.
func dutiesOf(lines, lineKind []string) []string {
	collect := func(in func(string) bool, read func(string) string) []string {
		var out []string
		for i, l := range lines {
			if len(out) < 6 && in(lineKind[i]) && bulletMarker().MatchString(l) {
				// one form in a list: "to build…, to run…" or "running…"
				if d := read(l); d != "" && (len(out) == 0 || strings.HasPrefix(out[0], "to ") == strings.HasPrefix(d, "to ")) {
					out = append(out, d)
				}
			}
		}
		return out
	}
	resp := func(k string) bool { return k == PostResponsibilities }
	if out := collect(resp, duty); len(out) > 0 {
		return out
	}
	if out := collect(resp, ownedThing); len(out) > 0 {
		return out
	}
	return collect(func(k string) bool { return k != PostRequired && k != PostPreferred }, duty)
}

// ownedThing reads a responsibility written as a noun phrase, up to any
// colon: "Incident response: you'll be…" → "incident response".
func ownedThing(line string) string {
	text := strings.TrimSpace(bulletMarker().ReplaceAllString(line, ""))
	text, _, _ = strings.Cut(stripEmphasis(text), ":")
	text = strings.TrimRight(text, " .;")
	words := strings.Fields(text)
	if len(words) < 2 || len(words) > 16 || strings.ContainsAny(text, ";?") {
		return ""
	}
	if r := []rune(words[0]); len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) {
		text = string(unicode.ToLower(r[0])) + text[len(string(r[0])):]
	}
	return ourYour().ReplaceAllStringFunc(text, yourFor)
}

// ErrEmptyResume is returned for a resume with no text.
var ErrEmptyResume = errors.New("the resume is empty: there is no text to read")

// ResumeFacts gathers what a headline may say from the resume alone: its
// profile, the skills it names most (tools and practices before soft
// skills) and its bullets, those with a figure first.
func ResumeFacts(doc Document, opt Options) (*Facts, error) {
	if err := checkResumeText(doc.Text); err != nil {
		return nil, err
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, ErrEmptyResume
	}
	m := opt.Matcher
	if m == nil {
		var err error
		if m, err = DefaultMatcher(); err != nil {
			return nil, err
		}
	}
	p := parseResume(doc)
	f := &Facts{Profile: profileOf(p), Skills: []string{}, Achievements: []Achievement{},
		Posting: PostingFacts{Duties: []string{}, Terms: []string{}}}
	type count struct {
		name  string
		n     int
		soft  bool
		first int
	}
	counts := map[string]*count{}
	var order []*count
	for i, l := range p.lines {
		for _, mt := range m.Find(l.text) {
			c := counts[mt.Skill.ID]
			if c == nil {
				c = &count{name: prose(mt.Skill.Name, string(mt.Skill.Group)), soft: mt.Skill.Group == "soft", first: i}
				counts[mt.Skill.ID] = c
				order = append(order, c)
			}
			c.n++
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.soft != b.soft {
			return !a.soft
		}
		return a.n > b.n
	})
	for _, c := range order {
		f.Skills = append(f.Skills, c.name)
	}
	bullets := checkBullets(p)
	for _, b := range bullets.Items {
		a := Achievement{Text: b.Text, Line: b.Line, Section: b.Section, Keywords: []string{}, Verb: b.ActionVerb}
		if b.Metric {
			a.Figure = b.Result
		}
		for _, j := range f.Profile.Jobs {
			if b.Section == SecExperience && j.Line <= b.Line {
				a.JobTitle, a.Employer = j.Title, j.Employer
			}
		}
		f.Achievements = append(f.Achievements, a)
	}
	sort.SliceStable(f.Achievements, func(i, j int) bool {
		return (f.Achievements[i].Figure != "" && f.Achievements[i].Verb) && !(f.Achievements[j].Figure != "" && f.Achievements[j].Verb)
	})
	return f, nil
}
