package resume

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/coach-tui/coach/coach/words"
)

// Knock-out requirements are what an applicant tracking system filters on
// before anyone reads a resume: years of experience, a degree, a
// certification or licence, a clearance, the right to work, the location.
// Each is checked on its own and shown as met, not found or can't tell;
// a hard one (in the requirements, or said with "must") that the resume
// does not meet caps the score at KnockoutCap.

// Requirement statuses.
const (
	Met      = "met"
	NotFound = "not found"
	CantTell = "can't tell"
)

// KnockoutCap is the highest score a resume missing a hard requirement
// can have: an ATS knock-out question would screen it out whatever its
// keywords, so it cannot read as a fit.
const KnockoutCap = 60

// Requirement is one knock-out requirement of the posting.
type Requirement struct {
	// Kind is years, degree, certification, licence, clearance,
	// work_authorisation or location.
	Kind string `json:"kind"`
	// Text is the posting's line that asks for it.
	Text string `json:"text"`
	Line int    `json:"line"`
	// Hard requirements are in the requirements or said with "must",
	// and are not softened by "or equivalent experience".
	Hard   bool   `json:"hard"`
	Status string `json:"status"` // met, not found or can't tell
	// Detail says what the resume shows.
	Detail string `json:"detail"`
}

var (
	yearsAsked     = lazyRegexp(`(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*(?:or more\s+)?years?\b(?:\s+of)?`)
	degreeAsked    = lazyRegexp(`\b(?:B\.S\.|B\.A\.|M\.S\.|Ph\.\s?D\.?)|\b(?:[Bb]achelor'?s?|[Mm]aster'?s?|PhD|[Dd]octorate|BSc|BS|BA|MSc|MS|MBA|BSN|MSN|ASN|ADN|[Dd]egree)\b`)
	softDegree     = lazyRegexp(`(?i)or equivalent|equivalent (?:practical |work )?experience|or related experience|or comparable|preferred|a plus|nice to have|bonus`)
	certAsked      = lazyRegexp(`(?i)\bcertifi(?:ed|cation|cations|cate)\b`)
	licenceAsked   = lazyRegexp(`(?i)\blicen[cs](?:e|ed|ure)\b`)
	clearanceAsked = lazyRegexp(`(?i)\b(?:security clearance|clearance|TS/SCI|top secret|public trust)\b`)
	authAsked      = lazyRegexp(`(?i)authori[sz]ed to work|work authori[sz]ation|right to work|eligible to work|(?:visa )?sponsorship|sponsor (?:work )?visas?`)
	locationAsked  = lazyRegexp(`(?i)\bon-?site\b|\bin[- ]office\b|\bhybrid\b|\brelocat|\bcommut|must (?:live|reside|be located|be based)|located in|based in`)
	mustWord       = lazyRegexp(`(?i)\b(?:must|required|requirement|mandatory|minimum|at least)\b`)
	certName       = lazyRegexp(`\b(?:[A-Z]{2,6}[+]?|Security\+|Network\+|AWS Certified [A-Z][\w -]+?|Certified [A-Z][\w ]+?)(?:\s*\([A-Z]{2,6}\))?\b`)
)

// knockoutLine: lines about location, pay or the right to work are not
// read for keywords.
func knockoutLine(l string) bool {
	return authAsked().MatchString(l) || locationAsked().MatchString(l) ||
		strings.Contains(strings.ToLower(l), "salary") || strings.Contains(l, "$")
}

var spelledYears = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}

// findRequirements reads the knock-out requirements from the posting's
// lines; lineKind says the section of each.
func findRequirements(lines, lineKind []string, sectioned bool) []Requirement {
	var out []Requirement
	seen := map[string]bool{}
	for i, l := range lines {
		for _, text := range sentences(l) {
			text = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(text), "-*•·"))
			if text == "" || lineKind[i] == PostOther && sectioned && !authAsked().MatchString(text) && !locationAsked().MatchString(text) {
				continue
			}
			preferred := lineKind[i] == PostPreferred || preferredWord().MatchString(text)
			hard := !preferred && (lineKind[i] == PostRequired || mustWord().MatchString(text))
			add := func(kind string, hard bool) {
				key := kind + "|" + text
				if seen[key] {
					return
				}
				seen[key] = true
				out = append(out, Requirement{Kind: kind, Text: truncate(text, 160), Line: i + 1, Hard: hard})
			}
			if m := yearsAsked().FindStringSubmatch(text); m != nil && strings.Contains(strings.ToLower(text[strings.Index(text, m[0]):]), "experience") ||
				m != nil && yearsContext().MatchString(text) {
				add("years", hard)
			}
			if degreeAsked().MatchString(text) && !strings.Contains(strings.ToLower(text), "degree of") {
				add("degree", hard && !softDegree().MatchString(text))
			}
			if licenceAsked().MatchString(text) {
				add("licence", hard)
			} else if certAsked().MatchString(text) || knownCert(text) != "" {
				add("certification", hard)
			}
			if clearanceAsked().MatchString(text) {
				add("clearance", hard)
			}
			if authAsked().MatchString(text) {
				add("work_authorisation", false)
			}
			if locationAsked().MatchString(text) {
				add("location", false)
			}
		}
	}
	return out
}

// sentences splits a line into its sentences: a posting written as prose
// asks for years, a degree and the right to work in one paragraph.
func sentences(line string) []string {
	var out []string
	start := 0
	rs := []rune(line)
	pos := 0 // byte offset of rs[i]
	for i, r := range rs {
		next := pos + len(string(r))
		if (r == '.' || r == '!' || r == '?') && i+2 < len(rs) && rs[i+1] == ' ' && unicode.IsUpper(rs[i+2]) {
			out = append(out, line[start:next])
			start = next + 1
		}
		pos = next
	}
	return append(out, line[start:])
}

// knownCerts are certifications postings name by acronym alone.
var knownCerts = set(`CISSP OSCP OSCE OSWE CISM CISA CEH GIAC GCIH GCIA GPEN CCNA CCNP CCIE CKA CKAD CKS PMP CSM
CSPO CPA CFA PE BLS ACLS PALS NRP TNCC CCRN CMSRN CEN RHCE RHCSA LPIC ITIL CompTIA Security+ Network+ CASP+`)

// knownCert is the first known certification the line names, or "".
func knownCert(text string) string {
	for _, w := range wordPattern().FindAllString(text, -1) {
		if knownCerts[w] {
			return w
		}
	}
	return ""
}

// checkRequirements says, for each requirement, what the resume shows.
func checkRequirements(reqs []Requirement, p *parsedResume, now time.Time) []Requirement {
	years, dated := experienceYears(p, now)
	for i := range reqs {
		r := &reqs[i]
		switch r.Kind {
		case "years":
			asked := yearsIn(r.Text)
			switch {
			case !dated:
				r.Status, r.Detail = CantTell, "The resume's roles have no dates to count years from."
			case years+0.05 >= float64(asked):
				r.Status, r.Detail = Met, fmt.Sprintf("The dated roles span %.1f years, against %d asked.", years, asked)
			default:
				r.Status, r.Detail = NotFound, fmt.Sprintf("The dated roles span %.1f years, against %d asked.", years, asked)
			}
		case "degree":
			asked, have := degreeLevel(r.Text), highestDegree(p)
			switch {
			case have == 0:
				r.Status, r.Detail = NotFound, "No degree found in the resume."
			case have >= asked:
				r.Status, r.Detail = Met, "The resume names a "+degreeNames[have]+"."
			default:
				r.Status, r.Detail = NotFound, "The resume names a "+degreeNames[have]+"; the posting asks for a "+degreeNames[asked]+"."
			}
		case "certification", "licence", "clearance":
			r.Status, r.Detail = credential(r, p)
		case "work_authorisation":
			if authStated().MatchString(p.plain) {
				r.Status, r.Detail = Met, "The resume states the right to work."
			} else {
				r.Status, r.Detail = CantTell, "Resumes rarely say; be ready to answer it on the application form."
			}
		case "location":
			r.Status, r.Detail = CantTell, "Check it against where you live; an ATS asks it as a question."
			for _, place := range places(r.Text) {
				if containsWord(strings.ToLower(p.head()), strings.ToLower(place)) {
					r.Status, r.Detail = Met, "The resume's contact lines name "+place+"."
				}
			}
		}
	}
	return reqs
}

// Patterns of the checks below, compiled on first use.
var (
	preferredWord = lazyRegexp(`(?i)preferred|a plus|nice to have|bonus|ideally`)
	yearsContext  = lazyRegexp(`(?i)years?\s+(?:of\s+)?(?:professional|industry|hands-on|relevant|production|experience|in|as|building|working|developing)`)
	eitherWord    = lazyRegexp(`(?i)\bor\b|/`)
	bachelorAsked = lazyRegexp(`bachelor|\bb\.?s\.?c?\b|\bb\.?a\.?\b|bsn|\basn\b|\badn\b|associate|\bdegree\b`)
	masterFirst   = lazyRegexp(`^\W*(?:master|m\.?s\.?c?\b|phd|ph\.d)`)
	masterAsked   = lazyRegexp(`master|\bm\.?s\.?c?\b|mba|msn`)
	doctorAsked   = lazyRegexp(`ph\.?\s?d|doctorate`)
	doctorHeld    = lazyRegexp(`Ph\.?\s?D|Doctor of|Doctorate`)
	masterHeld    = lazyRegexp(`\b(?:M\.S\.|M\.A\.|M\.Eng)|\b(?:MSc|MS|MBA|MSN|MEng|MA)\b|[Mm]aster'?s?\b|Master of`)
	bachelorHeld  = lazyRegexp(`\b(?:B\.S\.|B\.A\.|B\.Eng|B\.Tech)|\b(?:BSc|BS|BA|BSN|BEng|BTech|ASN|ADN|AAS)\b|[Bb]achelor'?s?\b|Associate of|Associate Degree`)
	toPresent     = lazyRegexp(`(?i)present|current|now|today`)
)

var authStated = lazyRegexp(`(?i)authori[sz]ed to work|citizen|permanent resident|green card|work permit|right to work|no sponsorship`)

// places are the capitalised names in a location line (Austin, Denver).
func places(text string) []string {
	var out []string
	for _, w := range wordPattern().FindAllString(text, -1) {
		if r := []rune(w); len(r) > 2 && r[0] >= 'A' && r[0] <= 'Z' && !everydayCapitals[w] && !stopwords[strings.ToLower(w)] &&
			!strings.EqualFold(w, "on-site") && !strings.EqualFold(w, "onsite") {
			out = append(out, w)
		}
	}
	return out
}

// credential checks a certification, licence or clearance: its names
// (acronyms such as ACLS or RN, "AWS Certified …") must be in the resume.
func credential(r *Requirement, p *parsedResume) (string, string) {
	var names []string
	for _, n := range certName().FindAllString(r.Text, -1) {
		n = strings.TrimSpace(n)
		if commonAcronyms[n] || stateCodes[n] || n == "AND" || n == "OR" {
			continue
		}
		names = append(names, n)
	}
	if len(names) == 0 {
		word := map[string]string{"certification": "certif", "licence": "licen", "clearance": "clearance"}[r.Kind]
		if strings.Contains(strings.ToLower(p.plain), word) {
			return CantTell, "The resume mentions a " + r.Kind + "; check it is the one asked for."
		}
		return NotFound, "The resume mentions no " + r.Kind + "."
	}
	// "CISSP or OSCP" is met by either; "BLS and ACLS" needs both.
	either := eitherWord().MatchString(r.Text)
	var found, missing []string
	for _, n := range names {
		// a whole word, as written: CKAD is not CKA, and RN is not the
		// "rn" of "learn"
		if containsWord(p.plain, n) {
			found = append(found, n)
		} else {
			missing = append(missing, n)
		}
	}
	switch {
	case len(missing) == 0 || either && len(found) > 0:
		return Met, "The resume names " + words.And(found) + "."
	case either:
		return NotFound, "The resume names none of " + strings.Join(missing, ", ") + "."
	case len(found) > 0:
		return NotFound, "The resume names " + words.And(found) + " but not " + words.And(missing) + "."
	default:
		return NotFound, "The resume does not name " + words.And(missing) + "."
	}
}

func yearsIn(text string) int {
	m := yearsAsked().FindStringSubmatch(text)
	if m == nil {
		return 0
	}
	if n, ok := spelledYears[strings.ToLower(m[1])]; ok {
		return n
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

var degreeNames = map[int]string{1: "bachelor's degree or lower", 2: "master's degree", 3: "doctorate"}

// degreeLevel is the lowest degree the line accepts: 1 bachelor's (or an
// associate or any degree), 2 master's, 3 doctorate.
func degreeLevel(text string) int {
	low := strings.ToLower(text)
	switch {
	case bachelorAsked().MatchString(low) &&
		!masterFirst().MatchString(low):
		return 1
	case masterAsked().MatchString(low):
		return 2
	case doctorAsked().MatchString(low):
		return 3
	}
	return 1
}

// highestDegree is the highest degree the resume names, 0 for none.
func highestDegree(p *parsedResume) int {
	best := 0
	for _, l := range p.lines {
		t := l.text
		switch {
		case doctorHeld().MatchString(t):
			best = max(best, 3)
		case masterHeld().MatchString(t):
			best = max(best, 2)
		case bachelorHeld().MatchString(t):
			best = max(best, 1)
		}
	}
	return best
}

// experienceYears adds up the resume's dated roles, overlaps counted
// once; dated is false when no role has dates.
func experienceYears(p *parsedResume, now time.Time) (float64, bool) {
	type span struct{ from, to int } // months since year 0
	var spans []span
	lines := p.lines
	hasExperience := false
	for _, l := range lines {
		if l.section == SecExperience {
			hasExperience = true
			break
		}
	}
	for _, l := range lines {
		if hasExperience && l.section != SecExperience {
			continue
		}
		for _, m := range dateRange().FindAllStringSubmatch(l.text, -1) {
			from, ok1 := monthOf(m[1], m[2], false)
			to, ok2 := 0, false
			if toPresent().MatchString(m[3]) {
				to, ok2 = now.Year()*12+int(now.Month())-1, true
			} else {
				to, ok2 = monthOf(m[4], m[5], true)
			}
			if ok1 && ok2 && to >= from && to-from < 12*50 {
				spans = append(spans, span{from, to + 1})
			}
		}
	}
	if len(spans) == 0 {
		return 0, false
	}
	// union of the spans
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].from < spans[j-1].from; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	total, cur := 0, spans[0]
	for _, s := range spans[1:] {
		if s.from <= cur.to {
			cur.to = max(cur.to, s.to)
			continue
		}
		total += cur.to - cur.from
		cur = s
	}
	total += cur.to - cur.from
	return float64(total) / 12, true
}

// dateRange finds "Mar 2019 – Present", "2016–2019", "03/2018 - 06/2020",
// "2021-06 – present" (the month of the last is not read).
var dateRange = lazyRegexp(`(?i)\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\d{1,2}/)?\s*((?:19|20)\d{2})(?:-[01]\d)?\s*(?:-|–|—|to|until)\s*(present|current|now|today|((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\d{1,2}/)?\s*((?:19|20)\d{2})(?:-[01]\d)?)`)

var monthNames = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
	"aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// monthOf turns a month (a name, "03/" or none) and a year into months
// since year 0; a year alone starts in January or ends in December.
func monthOf(month, year string, end bool) (int, bool) {
	y, err := strconv.Atoi(year)
	if err != nil {
		return 0, false
	}
	mo := 1
	if end {
		mo = 12
	}
	month = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(month), "."))
	switch {
	case month == "":
	case strings.HasSuffix(month, "/"):
		n, err := strconv.Atoi(strings.TrimSuffix(month, "/"))
		if err != nil || n < 1 || n > 12 {
			return 0, false
		}
		mo = n
	default:
		n, ok := monthNames[month[:min(3, len(month))]]
		if !ok {
			return 0, false
		}
		mo = n
	}
	return y*12 + mo - 1, true
}

// head is the resume's first lines, where the name and contact details
// (and so the city) are.
func (p *parsedResume) head() string {
	var b strings.Builder
	n := 0
	for _, l := range p.lines {
		if l.text == "" {
			continue
		}
		b.WriteString(l.text + "\n")
		if n++; n == 5 {
			break
		}
	}
	return b.String()
}
