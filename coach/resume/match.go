package resume

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/coach-tui/coach/coach/skills"
)

// termKind says how strictly a term must be written to count.
type termKind uint8

const (
	plainTerm   termKind = iota // any case
	caseTerm                    // an everyday word too: needs a capital letter
	contextTerm                 // an everyday word too: needs a technical neighbour
)

// caseSensitiveTerms are skill terms that are also ordinary words ("go",
// "rest", "react", "express", "spring", "helm"); they count only when
// written with a capital letter, not followed by a year ("Spring 2021")
// and not used as a verb ("Go above and beyond", "React to alerts").
var caseSensitiveTerms = map[string]bool{
	"go": true, "rest": true, "react": true, "node": true, "spring": true, "express": true,
	"elastic": true, "dynamo": true, "vault": true, "lambda": true, "spark": true,
	"helm": true, "rust": true, "flux": true, "envoy": true, "elk": true, "flask": true,
	"backstage": true,
}

// contextTerms are everyday words that name a tool or practice only among
// other technical terms: "pastry chef" is not Ansible's Chef, "build
// consensus" is not distributed consensus, "sales metrics" is not
// monitoring. They count when another technical or hard skill shares
// their sentence.
var contextTerms = map[string]bool{
	"chef": true, "puppet": true, "consensus": true, "metrics": true, "dashboards": true,
	"containers": true, "async": true, "dr": true,
}

// verbFollowers are words after which a capitalised term is a verb: "Go
// above and beyond", "Express your ideas", "React to change".
var verbFollowers = map[string]bool{
	"your": true, "yourself": true, "the": true, "a": true, "an": true, "our": true,
	"their": true, "above": true, "beyond": true, "to": true, "assured": true,
	"through": true, "out": true, "ahead": true, "live": true, "quickly": true,
	"calmly": true, "back": true, "into": true, "up": true, "forward": true, "on": true,
}

// term is one spelling of a skill, lower-cased, with any run of spaces or
// hyphens written as one space.
type term struct {
	skill  *skills.Skill
	key    string // the skill's id, or for a related term the term itself
	runes  []rune
	kind   termKind
	plural bool
}

// Matcher finds the taxonomy's skills in text.
type Matcher struct {
	cat     *skills.Catalogue
	byFirst map[rune][]*term
}

// noBaseForm are verb stems too common to stand for their skill:
// "network" is not networking, "present" (as in 2022 – Present) is not
// presenting.
var noBaseForm = map[string]bool{
	"network": true, "present": true, "engineer": true, "think": true, "listen": true,
	"learn": true, "plan": true, "design": true, "build": true, "process": true,
}

// inflections are the other forms of a term ending in -ing, as resumes
// write them: "mentoring" is also "mentored" and "mentor(s)", "load
// testing" also "load tested" and "load test(s)", "debugging" also
// "debugged" and "debug".
func inflections(norm string) []string {
	words := strings.Fields(norm)
	last := words[len(words)-1]
	if len(last) < 6 || !strings.HasSuffix(last, "ing") {
		return nil
	}
	stem := strings.TrimSuffix(last, "ing")
	prefix := strings.Join(words[:len(words)-1], " ")
	join := func(w string) string { return strings.TrimSpace(prefix + " " + w) }
	out := []string{join(stem + "ed")}
	base := stem
	if n := len(base); n >= 2 && base[n-1] == base[n-2] && !strings.ContainsRune("aeiouls", rune(base[n-1])) {
		base = base[:n-1] // debugg -> debug, plann -> plan
	}
	if len(base) >= 3 && !noBaseForm[base] && !strings.ContainsRune("aeiou", rune(base[len(base)-1])) {
		out = append(out, join(base))
	}
	return out
}

// NewMatcher compiles every skill's name, id, aliases, related terms and the
// other forms of those ending in -ing.
func NewMatcher(cat *skills.Catalogue) *Matcher {
	m := &Matcher{cat: cat, byFirst: map[rune][]*term{}}
	written := map[string]bool{}
	for _, sk := range cat.Skills {
		for _, spelling := range sk.Terms() {
			written[normTerm(spelling)] = true
		}
	}
	for i := range cat.Skills {
		sk := &cat.Skills[i]
		seen := map[string]bool{}
		var spellings, keys []string
		terms := sk.Terms()
		for i, spelling := range terms {
			norm := normTerm(spelling)
			// A related term (EC2 under AWS) is a keyword of its own: a
			// posting asking for EC2 is not met by "AWS", nor AWS by "EC2".
			key := sk.ID
			if i >= len(terms)-len(sk.Related) {
				key = relatedKey(norm)
			}
			for _, v := range append([]string{norm}, inflections(norm)...) {
				if v == norm || !written[v] {
					spellings, keys = append(spellings, v), append(keys, key)
				}
			}
		}
		for i, norm := range spellings {
			if norm == "" || seen[norm] {
				continue
			}
			seen[norm] = true
			t := &term{skill: sk, key: keys[i], runes: []rune(norm)}
			switch {
			case caseSensitiveTerms[norm]:
				t.kind = caseTerm
			case contextTerms[norm]:
				t.kind = contextTerm
			}
			last := t.runes[len(t.runes)-1]
			t.plural = len(t.runes) >= 3 && unicode.IsLetter(last) && last != 's'
			m.byFirst[t.runes[0]] = append(m.byFirst[t.runes[0]], t)
		}
	}
	for _, ts := range m.byFirst {
		sort.SliceStable(ts, func(i, j int) bool { return len(ts[i].runes) > len(ts[j].runes) })
	}
	return m
}

var (
	defaultOnce    sync.Once
	defaultMatcher *Matcher
	defaultErr     error
)

// DefaultMatcher is the matcher for the embedded taxonomy, built once.
func DefaultMatcher() (*Matcher, error) {
	defaultOnce.Do(func() {
		cat, err := skills.Load()
		if err != nil {
			defaultErr = err
			return
		}
		defaultMatcher = NewMatcher(cat)
	})
	return defaultMatcher, defaultErr
}

// Catalogue is the taxonomy the matcher was built from.
func (m *Matcher) Catalogue() *skills.Catalogue { return m.cat }

func normTerm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.Map(func(r rune) rune {
		if r == '-' || unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// relatedKey is the keyword key of a skill's related term.
func relatedKey(norm string) string { return "related:" + norm }

// Match is one mention of a skill.
type Match struct {
	Skill *skills.Skill
	// Key names the keyword the mention counts for: the skill's id for
	// its name or an alias, the term itself for a related term.
	Key string
	// Start and End are byte offsets of the mention in the text.
	Start, End int
	// Text is the mention as written.
	Text string
}

// masked hides web addresses and email addresses from matching: the
// "github" in github.com/you is not a claim of knowing Git.
var masked = lazyRegexp(`(?i)\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?://\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|org|net|me|co|app)/\S*`)

// Find returns every skill mention in text, in order.
func (m *Matcher) Find(text string) []Match {
	for _, loc := range masked().FindAllStringIndex(text, -1) {
		text = text[:loc[0]] + strings.Repeat(" ", loc[1]-loc[0]) + text[loc[1]:]
	}
	n := utf8.RuneCountInString(text)
	orig := make([]rune, 0, n)
	offs := make([]int, 0, n+1)
	for i, r := range text {
		orig = append(orig, r)
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	low := make([]rune, len(orig))
	for i, r := range orig {
		low[i] = unicode.ToLower(r)
	}
	clause := clauses(orig)

	type cand struct {
		t          *term
		start, end int // rune indexes
	}
	var cands []cand
	for i := 0; i < len(low); i++ {
		if !boundaryBefore(orig, i) {
			continue
		}
		for _, t := range m.byFirst[low[i]] {
			end, ok := matchAt(low, i, t)
			if !ok {
				continue
			}
			if t.kind == caseTerm && !capitalisedUse(orig, i, end) {
				continue
			}
			cands = append(cands, cand{t, i, end})
		}
	}

	// context terms need a technical neighbour in their clause
	technical := map[int]bool{}
	for _, c := range cands {
		if c.t.kind != contextTerm && c.t.skill.Group != skills.Soft {
			technical[clause[c.start]] = true
		}
	}
	kept := cands[:0]
	for _, c := range cands {
		if c.t.kind == contextTerm && !technical[clause[c.start]] {
			continue
		}
		kept = append(kept, c)
	}
	cands = kept

	// the longest term wins: a term inside a longer one is not counted
	// again ("GitHub Actions" is not also Git, "Node.js" not also "node");
	// terms that only overlap both count ("RESTful API design" names REST
	// APIs and API design)
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].start != cands[j].start {
			return cands[i].start < cands[j].start
		}
		return cands[i].end > cands[j].end
	})
	lastEnd := map[*skills.Skill]int{}
	maxEnd := -1
	out := make([]Match, 0, len(cands))
	for _, c := range cands {
		if c.end <= maxEnd {
			continue
		}
		if e, ok := lastEnd[c.t.skill]; ok && c.start < e {
			continue
		}
		lastEnd[c.t.skill] = c.end
		maxEnd = c.end
		out = append(out, Match{Skill: c.t.skill, Key: c.t.key, Start: offs[c.start], End: offs[c.end],
			Text: string(orig[c.start:c.end])})
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// boundaryBefore: a term may start at i when nothing word-like runs into
// it: not inside "JavaScript", not the ".net" of "asp.net", not the "js"
// of "node.js".
func boundaryBefore(s []rune, i int) bool {
	if i == 0 {
		return true
	}
	p := s[i-1]
	if isWordRune(p) || p == '+' || p == '#' || p == '@' {
		return false
	}
	if p == '.' && i >= 2 && isWordRune(s[i-2]) && isWordRune(s[i]) {
		return false
	}
	return true
}

// boundaryAfter: a term may end at j when no word continues it: "Java"
// is not the start of "JavaScript", "node" not of "node.js", "C" not of
// "C++"; a full stop that ends a sentence is fine.
func boundaryAfter(s []rune, j int) bool {
	if j >= len(s) {
		return true
	}
	r := s[j]
	if isWordRune(r) || r == '+' || r == '#' {
		return false
	}
	if r == '.' && j+1 < len(s) && isWordRune(s[j+1]) {
		return false
	}
	return true
}

// sibilant terms take -es in the plural.
func sibilant(t []rune) bool {
	n := len(t)
	return t[n-1] == 'x' || t[n-1] == 'z' || n >= 2 && (t[n-1] == 'h' && (t[n-2] == 'c' || t[n-2] == 's'))
}

func isSeparator(r rune) bool { return r == '-' || r == ' ' || r == '\t' || r == '\n' || r == '\u00a0' }

// matchAt reports whether t is written at low[i:], returning where it ends.
func matchAt(low []rune, i int, t *term) (int, bool) {
	j := i
	for _, r := range t.runes {
		if r == ' ' {
			k := j
			for k < len(low) && isSeparator(low[k]) {
				k++
			}
			if k == j {
				return 0, false
			}
			j = k
			continue
		}
		if j >= len(low) || low[j] != r {
			return 0, false
		}
		j++
	}
	if boundaryAfter(low, j) {
		return j, true
	}
	if t.plural && j < len(low) && low[j] == 's' && boundaryAfter(low, j+1) {
		return j + 1, true
	}
	if t.plural && j+1 < len(low) && low[j] == 'e' && low[j+1] == 's' && sibilant(t.runes) && boundaryAfter(low, j+2) {
		return j + 2, true // indexes, caches, patches
	}
	return 0, false
}

// capitalisedUse checks a case-sensitive term: written with a capital,
// not a verb, not a season before a year.
func capitalisedUse(orig []rune, start, end int) bool {
	if !unicode.IsUpper(orig[start]) {
		return false
	}
	k := end
	for k < len(orig) && (orig[k] == ' ' || orig[k] == '\t') {
		k++
	}
	w := k
	for w < len(orig) && unicode.IsLetter(orig[w]) || w < len(orig) && unicode.IsDigit(orig[w]) {
		w++
	}
	next := strings.ToLower(string(orig[k:w]))
	if verbFollowers[next] {
		return false
	}
	if len(next) == 4 && (strings.HasPrefix(next, "19") || strings.HasPrefix(next, "20")) && isDigits(next) {
		return false
	}
	return true
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// clauses numbers each rune by its clause: a line, or a sentence within a
// line.
func clauses(s []rune) []int {
	out := make([]int, len(s))
	c := 0
	for i, r := range s {
		out[i] = c
		switch r {
		case '\n', ';', '!', '?':
			c++
		case '.':
			if i+1 >= len(s) || unicode.IsSpace(s[i+1]) {
				c++
			}
		}
	}
	return out
}
