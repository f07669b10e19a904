package resume

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/coach-tui/coach/coach/skills"
)

// The posting's own words: coach's skill list cannot know every tool of
// every field (PyTorch, Snowflake, Epic, ACLS, Cortex-M), so the review
// also reads the posting itself the way Jobscan-style tools do, by rules:
//
//   - a word shaped like a name: capitals inside it (PyTorch, MLflow,
//     iOS), letters and digits together (S3, HL7, Cortex-M4), or an
//     acronym (RN, ACLS, SIEM), unless it is one of the acronyms every
//     posting uses (US, PTO, EOE);
//   - a capitalised word or run of them in the middle of a sentence
//     (Snowflake, Jetpack Compose, Apache Airflow), unless it is an
//     everyday word, a month or a day, or a name from the posting's
//     first lines (the company, its location);
//   - a two-word phrase the posting repeats (patient care, feature store)
//     made of words that are not everyday ones.
//
// Only the posting's requirements, nice-to-haves and responsibilities are
// read (its whole text when it has no such headings), and never a line
// about location, pay or work authorisation: those are knock-out
// requirements, checked on their own.

// ownTerm is a term the posting uses that coach's skill list lacks.
type ownTerm struct {
	display string // as the posting writes it most
	norm    string // lower case, runs of space or hyphen as one space
	phrase  bool   // a repeated phrase rather than a name
}

// commonAcronyms are capitals every posting uses that are not skills.
var commonAcronyms = set(`US USA UK EU EEA EMEA APAC NA LATAM CA NYC SF LA DC PTO EOE EEO HR CEO CTO CFO
COO CPO VP SVP EVP FAQ ETA ET EST EDT PT PST PDT CET GMT UTC AM PM OK LLC INC LTD GMBH IPO ADA
AA DEI LGBTQ FTE HQ OTE WFH RSU RSUS ESPP FSA HSA US-based I II III IV V IT`)

// stateCodes are US states and Canadian provinces, written in locations.
var stateCodes = set(`AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM
NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY ON QC BC AB`)

// everydayCapitals are words written with a capital mid-sentence that
// name no skill.
var everydayCapitals = set(`I We You Our Your The This That They He She It Monday Tuesday Wednesday Thursday
Friday Saturday Sunday January February March April May June July August September October
November December Eastern Pacific Central Mountain Time English Spanish French German Bachelor
Bachelors Master Masters Degree Senior Junior Staff Principal Lead Engineer Engineers Manager
Director Team Teams Company Inc Remote Hybrid Office Equal Opportunity Employer United States
Canada America American Europe European North South East West Program Project Product Services
Service Platform Data Experience Required Preferred Plus Bonus Benefits Level Mid New Please
Apply Day Days Week Weeks Year Years Hours Hour Center Medical Hospital Health University College
Top Best First Last Next Full Part Time Key Core
Details State States County City Street Avenue Campus Headquarters Alabama Alaska Arizona Arkansas
California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas
Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana
Nebraska Nevada Hampshire Jersey Mexico York Carolina Dakota Ohio Oklahoma Oregon Pennsylvania
Rhode Island Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming Ontario Quebec
British Columbia Alberta London Berlin Toronto Vancouver`)

// isAcronym: two to six capitals, perhaps with digits or a plus (SIEM,
// HL7, CCNA, Security+ is handled as a name).
func isAcronym(w string) bool {
	n, caps := 0, 0
	for _, r := range w {
		n++
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsDigit(r) || r == '+' || r == '/':
		default:
			return false
		}
	}
	return n >= 2 && n <= 7 && caps >= 2
}

// nameShaped: capitals after the first letter (PyTorch, iOS, MLflow) or
// letters and digits together (S3, EC2, Cortex-M4).
func nameShaped(w string) bool {
	rs := []rune(w)
	letters, digits, innerCap := 0, 0, false
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r):
			letters++
			if i > 0 && unicode.IsUpper(r) && unicode.IsLetter(rs[i-1]) {
				innerCap = true
			}
		case unicode.IsDigit(r):
			digits++
		}
	}
	return letters > 0 && (innerCap || digits > 0 && letters+digits >= 2)
}

// ownTermLines are the lines the posting's own terms are read from, with
// their knock-out sentences blanked; a line not read is "".
func ownTermLines(lines, lineKind []string, sectioned bool) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		if _, _, heading := postingLine(l); heading || shouted(l) {
			continue // "NICE TO HAVE" names no tool
		}
		switch lineKind[i] {
		case PostRequired, PostPreferred, PostResponsibilities:
		default:
			if sectioned {
				continue
			}
		}
		out[i] = blankKnockouts(l)
	}
	return out
}

// postingOwnTerms finds the posting's own terms. known are the byte
// ranges already matched to coach's skills; a term inside one is left to
// the skill. head holds the posting's first lines, whose names (the
// company, its city) are not skills.
func postingOwnTerms(text string, lines []string, use []string, known []Match) []ownTerm {
	// the lines under the title name the company and where it is
	headNames := map[string]bool{}
	for i, l := range lines {
		if i == 0 || strings.TrimSpace(lines[0]) == "" {
			continue
		}
		if i >= 3 {
			break
		}
		for _, w := range wordPattern().FindAllString(l, -1) {
			headNames[w] = true
		}
	}
	starts := lineStarts(text)
	inKnown := func(start, end int) bool {
		i := sort.Search(len(known), func(i int) bool { return known[i].End > start })
		return i < len(known) && known[i].Start < end
	}
	counts := map[string]map[string]int{} // norm -> spelling -> mentions
	phraseOf := map[string]bool{}
	add := func(display string, phrase bool) {
		norm := normTerm(display)
		if counts[norm] == nil {
			counts[norm] = map[string]int{}
		}
		counts[norm][display]++
		phraseOf[norm] = phrase
	}
	pairs := map[string]int{}
	pairSpelling := map[string]string{}
	for i := range lines {
		l := use[i]
		if strings.TrimSpace(l) == "" {
			continue
		}
		locs := wordPattern().FindAllStringIndex(l, -1)
		// a run of capitalised words mid-sentence, or a name and the
		// capitalised words after it (SnowPro Core, Jetpack Compose)
		var run []string
		flush := func() {
			if len(run) > 0 && len(run) <= 4 {
				add(strings.Join(run, " "), false)
			}
			run = run[:0]
		}
		prevWord := ""
		for j, loc := range locs {
			w := l[loc[0]:loc[1]]
			start := starts[i] + loc[0]
			gap := ""
			if j > 0 {
				gap = l[locs[j-1][1]:loc[0]]
			}
			if j > 0 && strings.TrimSpace(gap) != "" {
				flush() // punctuation ends a run
			}
			if inKnown(start, start+len(w)) {
				// a qualifier before a known skill is part of it: the
				// "Apache" of Apache Airflow, the "Amazon" of Amazon S3
				if strings.TrimSpace(gap) == "" {
					run = run[:0]
				}
				flush()
				prevWord = ""
				continue
			}
			sentenceStart := j == 0 || strings.ContainsAny(strings.TrimSpace(gap), ".:;!?•*-–—(")
			trimmed := strings.TrimRight(w, "+#")
			capital := unicode.IsUpper([]rune(w)[0]) && !everydayCapitals[w] && !stopwords[strings.ToLower(w)] && len(w) > 2
			switch {
			case strings.HasPrefix(gap, "&") || strings.HasPrefix(l[loc[1]:], "&"):
				flush() // AT&T, ATT&CK: not two acronyms
			case isAcronym(trimmed) && !commonAcronyms[trimmed] && !stateCodes[trimmed] && !headNames[w] && !stopwords[strings.ToLower(w)]:
				flush()
				run = append(run, w)
			case nameShaped(w) && !headNames[w] && !isOrdinal(w):
				flush()
				run = append(run, w)
			case capital && !headNames[w] && (!sentenceStart || len(run) > 0):
				run = append(run, w)
			default:
				flush()
			}
			// repeated two-word phrases of uncommon lower-case words
			low := strings.ToLower(w)
			if prevWord != "" && !sentenceStart && !stopwords[low] && !postingFiller[low] && len(low) > 3 {
				key := prevWord + " " + low
				pairs[key]++
				if pairSpelling[key] == "" {
					pairSpelling[key] = key
				}
			}
			if stopwords[low] || postingFiller[low] || len(low) <= 3 || !isLowerWord(w) {
				prevWord = ""
			} else {
				prevWord = low
			}
		}
		flush()
	}
	for key, n := range pairs {
		if n >= 2 {
			for range n {
				add(pairSpelling[key], true)
			}
		}
	}
	var out []ownTerm
	for norm, spellings := range counts {
		total := 0
		for _, n := range spellings {
			total += n
		}
		if len([]rune(norm)) <= 2 && total < 2 && len(wholeWord(norm).FindAllStringIndex(strings.ToLower(text), 2)) < 2 {
			continue // a lone "SP" or "CK" is noise; RN is said again and again
		}
		best, bestN := "", 0
		for s, n := range spellings {
			if n > bestN || n == bestN && s < best {
				best, bestN = s, n
			}
		}
		out = append(out, ownTerm{display: best, norm: norm, phrase: phraseOf[norm]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].norm < out[j].norm })
	return out
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// isOrdinal: 1st, 2nd, 24/7, 401k are not names.
func isOrdinal(w string) bool {
	lw := strings.ToLower(w)
	for _, suf := range []string{"st", "nd", "rd", "th", "k", "s", "am", "pm", "x"} {
		if p := strings.TrimSuffix(lw, suf); p != lw && isDigits(p) {
			return true
		}
	}
	return false
}

// postingFiller are words postings use for anything, which make no
// phrase of their own: "strong communication", "proven experience".
var postingFiller = set(`strong proven excellent solid deep hands-on demonstrated working
ability able track record passion passionate comfortable familiarity understanding knowledge
experience years year plus preferred required including ideally great good best fast high
highly closely across other multiple various new current based level levels skills skill
within world class driven detail oriented self motivated responsible environment environments
team teams company customers customer product products business cross functional stakeholders
partner partners`)

// ownTermCatalogue makes the posting's own terms into skills a Matcher can
// find: a name is technical, a repeated phrase a practice (hard).
func ownTermCatalogue(terms []ownTerm) *skills.Catalogue {
	cat := &skills.Catalogue{}
	for _, t := range terms {
		g := skills.Technical
		if t.phrase {
			g = skills.Hard
		}
		cat.Skills = append(cat.Skills, skills.Skill{ID: ownTermID(t.norm), Name: t.display, Group: g})
	}
	return cat
}

// ownTermPrefix marks a keyword that comes from the posting's own words
// in its skill field.
const ownTermPrefix = "posting:"

func ownTermID(norm string) string { return ownTermPrefix + norm }

// isOwnTerm reports whether a keyword came from the posting's own words.
func isOwnTerm(id string) bool { return strings.HasPrefix(id, ownTermPrefix) }

// blankKnockouts blanks the sentences of a posting line about location,
// pay, the right to work, a degree or a clearance, keeping the line's
// length so offsets still point into the posting: "TS/SCI" is not
// TypeScript, a degree "in Information Systems" is not a skill.
func blankKnockouts(l string) string {
	var b strings.Builder
	at := 0
	for _, sent := range sentences(l) {
		at = strings.Index(l[at:], sent) + at
		for b.Len() < at {
			b.WriteByte(' ')
		}
		if knockoutLine(sent) || degreeAsked().MatchString(sent) || clearanceAsked().MatchString(sent) {
			b.WriteString(strings.Repeat(" ", len(sent)))
		} else {
			b.WriteString(sent)
		}
		at += len(sent)
	}
	for b.Len() < len(l) {
		b.WriteByte(' ')
	}
	return b.String()
}

func wholeWord(w string) *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\pL\pN])` + regexp.QuoteMeta(w) + `(?:$|[^\pL\pN])`)
}

// shouted: a line of three or more words with no lower-case letter, a
// heading written in capitals.
func shouted(l string) bool {
	return len(strings.Fields(l)) >= 3 && strings.IndexFunc(l, unicode.IsLower) < 0 && strings.IndexFunc(l, unicode.IsUpper) >= 0
}
