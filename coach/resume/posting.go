package resume

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/coach-tui/coach/coach/skills"

	"github.com/coach-tui/coach/questions"
)

// Posting is what a job posting asks for.
type Posting struct {
	// Title is the posting's first line.
	Title string `json:"title"`
	// Company is the employer the posting names, "" when it names none
	// (an agency's "our client").
	Company string `json:"company,omitempty"`
	// Role is the coach role the title names (backend, senior-backend,
	// full-stack, devops, cloud-architect, sre, platform), or "".
	Role string `json:"role,omitempty"`
	// Level is junior, mid or senior, from the title.
	Level string `json:"level"`
	// Sections are the headings recognised, in order.
	Sections []PostingSection `json:"sections"`
	// Keywords are the taxonomy skills it mentions, heaviest first.
	Keywords []Keyword `json:"keywords"`
	// OtherTerms are frequent words that are not keywords.
	OtherTerms []Term `json:"other_terms"`
	Words      int    `json:"words"`

	// requirements are the knock-out requirements, unchecked; the review
	// reports them checked against the resume.
	requirements []Requirement

	// own finds the posting's own terms in a resume.
	own *Matcher
	// duties are the responsibilities that open with a verb, for a
	// letter (see duty).
	duties []string
}

// Where a keyword comes from.
const (
	SourceSkills  = "skills"  // a skill in coach's list, by its name or an alias
	SourceRelated = "related" // a tool or part coach lists under a skill (EC2 under AWS)
	SourcePosting = "posting" // the posting's own words (PyTorch, ACLS, patient care)
)

// QuestionRole is the bank's role the posting names, and false when its
// title names none coach prepares for.
func (p *Posting) QuestionRole() (questions.Role, bool) {
	if p == nil {
		return "", false
	}
	r := questions.Role(p.Role)
	return r, slices.Contains(questions.Roles, r)
}

// PostingSection is one recognised heading of a posting.
type PostingSection struct {
	// Kind is required, preferred, responsibilities or other.
	Kind    string `json:"kind"`
	Heading string `json:"heading"`
	// Line is 1-based.
	Line int `json:"line"`
}

// Keyword is a taxonomy skill the posting mentions; the review fills in
// where the resume names it, or where it would belong.
type Keyword struct {
	Skill string `json:"skill"` // skill id
	Name  string `json:"name"`
	Group string `json:"group"` // technical, hard or soft
	Area  string `json:"area"`  // where it sits in a Skills section
	// Section is the strongest posting section it appears in: required,
	// preferred, responsibilities or other.
	Section  string   `json:"section"`
	Mentions int      `json:"mentions"`
	Weight   float64  `json:"weight"`
	As       []string `json:"as"` // spellings used in the posting
	// Source is skills, related or posting (see the Source constants).
	Source string `json:"source"`
	// Under is the skill a related term sits under.
	Under string `json:"under,omitempty"`
	// Alternatives are the keywords of one requirement the posting lets
	// any of meet ("Go or Java", "GitHub Actions/CircleCI", "such as
	// Terraform, Pulumi"); Name joins them with "or".
	Alternatives []string `json:"alternatives,omitempty"`
	// MatchedAs is the alternative the resume names.
	MatchedAs string   `json:"matched_as,omitempty"`
	keys      []string // the alternatives' keys, Skill's first
	skillIDs  []string // the taxonomy skill behind each of keys ("" for none), for bank questions

	// Matched keywords: the resume sections that name it, and how often.
	FoundIn        []string `json:"found_in,omitempty"`
	ResumeMentions int      `json:"resume_mentions,omitempty"`
	// Missing keywords: where it would belong (skills or experience) and
	// how to add it.
	Belongs string `json:"belongs,omitempty"`
	Advice  string `json:"advice,omitempty"`
}

// Term is a frequent posting word outside the taxonomy.
type Term struct {
	Term     string `json:"term"`
	Count    int    `json:"count"`
	InResume bool   `json:"in_resume"`
}

// sectionWeight is what a mention in each posting section is worth.
var sectionWeight = map[string]float64{
	PostRequired: 3, PostPreferred: 2, PostResponsibilities: 1, PostOther: 1, "": 1,
}

// frequencyFactor: 1 for one mention, 0.5 more for each further one, at
// most 2.
func frequencyFactor(n int) float64 { return math.Min(2, 1+0.5*float64(n-1)) }

// groupFactor: soft skills weigh half.
func groupFactor(g skills.Group) float64 {
	if g == skills.Soft {
		return 0.5
	}
	return 1
}

var (
	mdHeading    = lazyRegexp(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	inlineLabel  = lazyRegexp(`^\s*(?:[-*•]\s*)?(?:\*\*|__)?([^:*_]{2,40}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(\S.*)?$`)
	emphasis     = lazyRegexp(`\*\*|__|` + "`")
	wordPattern  = lazyRegexp(`[\p{L}][\p{L}\p{N}]*(?:[.'’+#-][\p{L}\p{N}]+)*[+#]*`)
	titleCleaner = lazyRegexp(`^[#\s*_]+|[*_\s]+$`)
)

// headingKind says which posting section a heading opens; ok is false
// when none of the known phrases is in it.
func headingKind(h string) (string, bool) {
	h = strings.ToLower(h)
	h = strings.ReplaceAll(h, "’", "'")
	h = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' {
			return r
		}
		return ' '
	}, h)
	h = " " + strings.Join(strings.Fields(h), " ") + " "
	for _, g := range postingHeadings {
		for _, p := range g.phrases {
			if strings.Contains(h, " "+strings.ReplaceAll(p, "-", " ")+" ") {
				return g.kind, true
			}
		}
	}
	return "", false
}

// postingLine classifies one line: a heading (with the section it opens),
// or content. rest is content that follows an inline label ("Nice to
// have: Kafka").
func postingLine(line string) (heading, kind string, isHeading bool) {
	t := strings.TrimSpace(line)
	if t == "" {
		return "", "", false
	}
	if m := mdHeading().FindStringSubmatch(t); m != nil {
		h := strings.TrimSpace(emphasis().ReplaceAllString(m[2], ""))
		k, ok := headingKind(h)
		if !ok {
			k = PostOther
		}
		return h, k, true
	}
	plain := strings.TrimSpace(emphasis().ReplaceAllString(t, ""))
	if strings.HasPrefix(plain, "- ") || strings.HasPrefix(plain, "* ") || strings.HasPrefix(plain, "• ") {
		// a bullet is content unless it is only a label: "- Nice to have:"
		if !strings.HasSuffix(plain, ":") {
			return "", "", false
		}
		plain = strings.TrimSpace(plain[2:])
	}
	words := len(strings.Fields(plain))
	if words == 0 || len(plain) > 60 || words > 9 {
		return "", "", false
	}
	k, known := headingKind(plain)
	endsColon := strings.HasSuffix(plain, ":")
	allCaps := strings.ToUpper(plain) == plain && strings.ToLower(plain) != plain && words <= 6
	wholeBold := strings.HasPrefix(t, "**") && strings.HasSuffix(strings.TrimSuffix(t, ":"), "**")
	terminal := strings.HasSuffix(plain, ".") || strings.HasSuffix(plain, "!") || strings.HasSuffix(plain, "?")
	switch {
	case known && !terminal && (endsColon || allCaps || wholeBold || words <= 5):
		return strings.TrimSuffix(plain, ":"), k, true
	case endsColon || allCaps || wholeBold:
		return strings.TrimSuffix(plain, ":"), PostOther, true
	}
	return "", "", false
}

// isLabel reports whether the text before a colon names a posting section.
func isLabel(s string) bool {
	_, ok := headingKind(s)
	return ok && len(strings.Fields(s)) <= 6
}

func mustKind(s string) string {
	k, _ := headingKind(s)
	return k
}

// AnalyzePosting finds a posting's sections, keywords and frequent terms.
func (m *Matcher) AnalyzePosting(text string) *Posting {
	text = cleanText(text)
	p := &Posting{Level: "mid", Sections: []PostingSection{}, Keywords: []Keyword{}}
	lines := strings.Split(text, "\n")

	// the section each line belongs to
	// the section each line belongs to; a list section ends at the first
	// paragraph of prose after its bullets ("We offer..." after the
	// nice-to-haves is not a nice-to-have)
	lineKind := make([]string, len(lines))
	current, listed := "", false
	titled := false
	for i, l := range lines {
		if !titled && strings.TrimSpace(l) != "" {
			titled = true
			if _, k, ok := postingLine(l); !ok || k == PostOther {
				continue // the title, not a section
			}
		}
		if h, k, ok := postingLine(l); ok {
			current, listed = k, false
			p.Sections = append(p.Sections, PostingSection{Kind: k, Heading: h, Line: i + 1})
		} else if mm := inlineLabel().FindStringSubmatch(l); mm != nil && mm[2] != "" && isLabel(mm[1]) {
			current, listed = mustKind(mm[1]), false
			p.Sections = append(p.Sections, PostingSection{Kind: current, Heading: strings.TrimSpace(mm[1]), Line: i + 1})
		} else if bulletMarker().MatchString(l) {
			listed = true
		} else if listed && len(strings.Fields(l)) >= 12 {
			current, listed = PostOther, false
		}
		lineKind[i] = current
	}
	for _, l := range lines {
		if t := strings.TrimSpace(titleCleaner().ReplaceAllString(l, "")); t != "" {
			p.Title = truncate(t, 100)
			break
		}
	}
	p.Role, p.Level = roleAndLevel(p.Title, lines)
	p.Company = companyOf(p.Title, lines)
	p.duties = dutiesOf(lines, lineKind)

	starts := lineStarts(text)
	blanked := make([]string, len(lines))
	for i, l := range lines {
		blanked[i] = blankKnockouts(l)
	}
	matches := m.Find(strings.Join(blanked, "\n"))
	sectioned := false
	for _, s := range p.Sections {
		sectioned = sectioned || s.Kind != PostOther
	}
	own := postingOwnTerms(text, lines, ownTermLines(lines, lineKind, sectioned), matches)
	p.own = NewMatcher(ownTermCatalogue(own))
	ownMatches := p.own.Find(text)
	all := append(append([]Match{}, matches...), ownMatches...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	type acc struct {
		k       *Keyword
		spelled map[string]bool
	}
	bySkill := map[string]*acc{}
	var order []string
	for _, mt := range all {
		line := lineOf(starts, mt.Start)
		kind := lineKind[line]
		a := bySkill[mt.Key]
		if a == nil {
			k := &Keyword{Skill: mt.Key, Name: mt.Skill.Name, Group: string(mt.Skill.Group),
				Area: mt.Skill.Area, Source: SourceSkills}
			k.skillIDs = []string{mt.Skill.ID}
			switch {
			case isOwnTerm(mt.Key):
				k.Source, k.skillIDs = SourcePosting, []string{""}
			case mt.Key != mt.Skill.ID:
				k.Source, k.Name, k.Under = SourceRelated, strings.Join(strings.Fields(mt.Text), " "), mt.Skill.Name
			}
			a = &acc{k: k, spelled: map[string]bool{}}
			bySkill[mt.Key] = a
			order = append(order, mt.Key)
		}
		a.k.Mentions++
		if kind == "" {
			kind = PostOther
		}
		if a.k.Section == "" || sectionWeight[kind] > sectionWeight[a.k.Section] {
			a.k.Section = kind
		}
		sp := strings.Join(strings.Fields(mt.Text), " ")
		if !a.spelled[strings.ToLower(sp)] {
			a.spelled[strings.ToLower(sp)] = true
			a.k.As = append(a.k.As, sp)
		}
	}
	for _, id := range order {
		a := bySkill[id]
		a.k.Weight = round1(sectionWeight[a.k.Section] * frequencyFactor(a.k.Mentions) * groupFactor(skills.Group(a.k.Group)))
		p.Keywords = append(p.Keywords, *a.k)
	}
	p.Keywords = groupAlternatives(p.Keywords, alternativeLinks(text, all))
	sortKeywords(p.Keywords)
	p.requirements = findRequirements(lines, lineKind, sectioned)

	p.OtherTerms, p.Words = otherTerms(text, all)
	if p.OtherTerms == nil {
		p.OtherTerms = []Term{}
	}
	return p
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// lineStarts are the byte offsets where each line of text begins.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf is the 0-based line holding byte offset off.
func lineOf(starts []int, off int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
}

var rolePatterns = []struct {
	role string
	re   *regexp.Regexp
}{
	{"sre", regexp.MustCompile(`(?i)site reliability|\bsre\b|reliability engineer`)},
	{"platform", regexp.MustCompile(`(?i)platform engineer|developer platform|platform team`)},
	{"devops", regexp.MustCompile(`(?i)dev\s?ops|build and release|release engineer`)},
	{"cloud-architect", regexp.MustCompile(`(?i)cloud (?:solutions? )?architect|solutions? architect|cloud architecture`)},
	{"full-stack", regexp.MustCompile(`(?i)full[\s-]?stack`)},
	{"backend", regexp.MustCompile(`(?i)back[\s-]?end|server[\s-]side|api engineer|software engineer|software developer`)},
}

var (
	seniorTitle = lazyRegexp(`(?i)\b(?:senior|sr\.?|staff|principal|lead)\b`)
	juniorTitle = lazyRegexp(`(?i)\b(?:junior|jr\.?|graduate|entry[\s-]level|intern|internship|apprentice)\b`)
)

// roleAndLevel reads the role and seniority from the title, or failing
// that from the first lines.
func roleAndLevel(title string, lines []string) (role, level string) {
	head := title
	for i := 0; i < len(lines) && i < 6; i++ {
		head += "\n" + lines[i]
	}
	level = "mid"
	switch {
	case seniorTitle().MatchString(title):
		level = "senior"
	case juniorTitle().MatchString(title):
		level = "junior"
	}
	for _, text := range []string{title, head} {
		for _, rp := range rolePatterns {
			if rp.re.MatchString(text) {
				role = rp.role
				if role == "backend" && level == "senior" {
					role = "senior-backend"
				}
				return role, level
			}
		}
	}
	return "", level
}

// otherTerms counts the posting's words outside skill mentions, stopwords
// and numbers, folding plurals; those used at least twice are returned,
// most frequent first (at most 15). It also returns the word count.
func otherTerms(text string, matches []Match) ([]Term, int) {
	for _, loc := range masked().FindAllStringIndex(text, -1) {
		text = text[:loc[0]] + strings.Repeat(" ", loc[1]-loc[0]) + text[loc[1]:]
	}
	inMatch := func(start, end int) bool {
		// matches are in start order and short, so a scan from the first
		// that ends after start is enough
		for i := sort.Search(len(matches), func(i int) bool { return matches[i].Start >= start-60 }); i < len(matches) && matches[i].Start < end; i++ {
			if matches[i].End > start {
				return true
			}
		}
		return false
	}
	type count struct {
		n     int
		forms map[string]int
	}
	counts := map[string]*count{}
	words := 0
	for _, loc := range wordPattern().FindAllStringIndex(text, -1) {
		words++
		w := strings.ReplaceAll(text[loc[0]:loc[1]], "’", "'")
		low := strings.ToLower(w)
		low = strings.TrimSuffix(strings.TrimSuffix(low, "'s"), "'")
		if inMatch(loc[0], loc[1]) || stopwords[low] || stopwords[strings.TrimSuffix(low, "s")] {
			continue
		}
		runes := []rune(w)
		if len(runes) < 3 && !(len(runes) == 2 && strings.ToUpper(w) == w) {
			continue
		}
		c := counts[low]
		if c == nil {
			c = &count{forms: map[string]int{}}
			counts[low] = c
		}
		c.n++
		c.forms[w]++
	}
	// fold plurals into their singular
	for k, c := range counts {
		if s := strings.TrimSuffix(k, "s"); s != k {
			if single, ok := counts[s]; ok {
				single.n += c.n
				delete(counts, k)
			}
		}
	}
	var out []Term
	for k, c := range counts {
		if c.n < 2 {
			continue
		}
		// the spelling used most, lower case when there is a tie
		best, bestN := k, 0
		for f, n := range c.forms {
			if n > bestN || n == bestN && f > best {
				best, bestN = f, n
			}
		}
		out = append(out, Term{Term: best, Count: c.n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return strings.ToLower(out[i].Term) < strings.ToLower(out[j].Term)
	})
	if len(out) > 15 {
		out = out[:15]
	}
	return out, words
}
