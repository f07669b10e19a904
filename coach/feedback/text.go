package feedback

import (
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// tokenPattern finds words the way engineers write them: c++, c#, node.js,
// ci/cd, tcp/ip, http/2, p99, 99.9. Hyphens split words, so "fail-open"
// and "fail open" read the same.
var tokenPattern = regexp.MustCompile(`[a-z0-9]+(?:[./][a-z0-9]+)*[+#]*`)

// irregular plurals the stemmer leaves apart from their singular.
var irregular = map[string]string{
	"indices": "index", "vertices": "vertex", "matrices": "matrix",
	"analyses": "analysis", "criteria": "criterion", "schemata": "schema",
	"hypotheses": "hypothesis", "appendices": "appendix",
}

var (
	stemMu    sync.Mutex
	stemCache = map[string]string{}
)

// stem reduces a lower-case word to its stem, so indexes, indexing and
// indexed all read as index, and British and American spellings as one.
func stem(w string) string {
	if s, ok := irregular[w]; ok {
		w = s
	}
	if len(w) <= 3 || !isAlpha(w) {
		return w
	}
	stemMu.Lock()
	defer stemMu.Unlock()
	if s, ok := stemCache[w]; ok {
		return s
	}
	s, ok := familyOf[americanSpelling(w)]
	if !ok {
		s = english.Stem(americanSpelling(w), true)
	}
	stemCache[w] = s
	return s
}

func isAlpha(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// CountWords is the number of words in text as a reader counts them: each
// run of non-space characters holding a letter or a digit ("I'm", "p99",
// "gRPC"), not a lone dash or bullet. The answer box, the feedback and
// History all show this count.
func CountWords(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// words splits text into lower-case words, keeping apostrophes inside
// words out (i'm becomes i, m), which the pronoun counts allow for.
func words(text string) []string {
	return tokenPattern.FindAllString(strings.ToLower(text), -1)
}

// stems is words, stemmed.
func stems(text string) []string {
	ws := words(text)
	for i, w := range ws {
		ws[i] = stem(w)
	}
	return ws
}

// index finds stemmed phrases in an answer quickly: the positions of each
// stem.
type index struct {
	stems []string
	at    map[string][]int
	lower string // the text as written, lower-cased, for code terms
}

func newIndex(text string) *index {
	ix := &index{stems: stems(text), at: map[string][]int{}, lower: strings.ToLower(text)}
	for i, s := range ix.stems {
		ix.at[s] = append(ix.at[s], i)
	}
	return ix
}

// find returns the position of the first occurrence of phrase (already
// stemmed), or -1.
func (ix *index) find(phrase []string) int {
	if len(phrase) == 0 {
		return -1
	}
	for _, p := range ix.at[phrase[0]] {
		if ix.matchAt(phrase, p) {
			return p
		}
	}
	return -1
}

// count returns how many times phrase occurs.
func (ix *index) count(phrase []string) int {
	n := 0
	if len(phrase) == 0 {
		return 0
	}
	for _, p := range ix.at[phrase[0]] {
		if ix.matchAt(phrase, p) {
			n++
		}
	}
	return n
}

// phrases stems each cue phrase once.
func phrases(list ...string) [][]string {
	out := make([][]string, len(list))
	for i, p := range list {
		out[i] = stems(p)
	}
	return out
}

// firstOf returns the earliest position of any phrase, or -1.
func (ix *index) firstOf(ps [][]string) int {
	best := -1
	for _, p := range ps {
		if at := ix.find(p); at >= 0 && (best < 0 || at < best) {
			best = at
		}
	}
	return best
}

// firstAfter returns the earliest position after pos at which any phrase
// occurs, or -1.
func (ix *index) firstAfter(ps [][]string, pos int) int {
	best := -1
	for _, p := range ps {
		if len(p) == 0 {
			continue
		}
		for _, at := range ix.at[p[0]] {
			if at <= pos || (best >= 0 && at >= best) {
				continue
			}
			if ix.matchAt(p, at) {
				best = at
				break
			}
		}
	}
	return best
}

func (ix *index) matchAt(phrase []string, p int) bool {
	if p+len(phrase) > len(ix.stems) {
		return false
	}
	for j := range phrase {
		if ix.stems[p+j] != phrase[j] {
			return false
		}
	}
	return true
}

// countOf sums the occurrences of every phrase.
func (ix *index) countOf(ps [][]string) int {
	n := 0
	for _, p := range ps {
		n += ix.count(p)
	}
	return n
}
