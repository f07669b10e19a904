package prompts

import (
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/coach-tui/coach/questions"
)

// blockTags are the delimiters user text is wrapped in.
var blockTags = []string{"answer", "resume", "posting", "question", "earlier"}

// tagLike matches an opening or closing delimiter, with any spacing or
// case, so user text cannot end its own block and speak as the prompt.
var tagLike = lazyRegexp(`(?i)<\s*/?\s*(?:` + strings.Join(blockTags, "|") + `)\s*>`)

var funcs = template.FuncMap{
	"data": dataBlock,
	"dur":  func(d time.Duration) string { return questions.FormatTime(d) },
	"join": strings.Join,
	"add":  func(a, b int) int { return a + b },
}

// dataBlock wraps untrusted text in <tag>…</tag>; empty text is said to be
// empty, so the model does not read a blank block as a formatting slip.
func dataBlock(tag, s string) string {
	s = strings.TrimSpace(tagLike.get().ReplaceAllStringFunc(s, func(m string) string {
		return "(" + strings.Trim(m, "<>/ \t") + ")"
	}))
	if s == "" {
		s = "(empty)"
	}
	return "<" + tag + ">\n" + s + "\n</" + tag + ">"
}

// thinkBlock is the reasoning some local models (DeepSeek-R1, Qwen3) print
// before the reply; an unclosed one runs to the end.
var thinkBlock = lazyRegexp(`(?is)<think>.*?(?:</think>|$)`)

func stripThinking(s string) string {
	return thinkBlock.get().ReplaceAllString(s, "")
}

// collapse joins runs of whitespace into single spaces.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// stopWords are too common in questions to show that a key point was
// covered.
var stopWords = toSet(`a about above after again all also an and any are as at be because been
before being between both but by can could describe design did do does doing during each
example explain for from give had has have how i if in into is it its just me more most my
no not of on one or other our out over own same should so some such tell than that the their
them then there these they this those through time to too under until up very walk was way we
were what when where which while who why will with would you your yours ensure using use make`)

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// significantWords are the distinct content words of s, lower-cased, in
// order, at most max: a fallback for terms when a model gave none.
func significantWords(s string, max int) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}) {
		w = strings.Trim(w, "-")
		if len([]rune(w)) < 3 || stopWords[w] || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
		if len(out) == max {
			break
		}
	}
	return out
}

// roleName is how a prompt names the job.
func roleName(r questions.Role) string {
	switch r {
	case questions.CloudArchitect:
		return "cloud solutions architect"
	case questions.SRE:
		return "site reliability engineer (SRE)"
	case questions.DevOps:
		return "DevOps engineer"
	case "":
		return "software engineer"
	}
	return strings.ReplaceAll(string(r), "-", " ") + " engineer"
}
