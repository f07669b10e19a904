package feedback

import (
	"strings"

	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/questions"
)

// KeyPoint says whether the answer covered one of the question's key
// points, and by which words.
type KeyPoint struct {
	Point   string `json:"point"`
	Covered bool   `json:"covered"`
	Matched string `json:"matched,omitempty"` // the term found in the answer
}

// synonyms expands a key point's terms with the taxonomy's aliases: a term
// that names a skill (postgresql) also accepts the skill's other spellings
// (postgres, psql). Related terms are neighbours, not spellings: "EC2" says
// nothing about "RDS", so they never widen a term.
type synonyms struct {
	groups map[string][]string // stemmed name or alias -> every name and alias of that skill
}

func newSynonyms(cat *skills.Catalogue) *synonyms {
	s := &synonyms{groups: map[string][]string{}}
	if cat == nil {
		return s
	}
	for _, sk := range cat.Skills {
		names := sk.Spellings()
		for _, n := range names {
			key := strings.Join(stems(n), " ")
			if key != "" {
				s.groups[key] = names
			}
		}
	}
	return s
}

func (s *synonyms) expand(term string) []string {
	if g, ok := s.groups[strings.Join(stems(term), " ")]; ok {
		return append([]string{term}, g...)
	}
	return []string{term}
}

// codeForm is what an answer must contain, as written, to use a code term
// (.result, --check, __next__, lock()): its punctuation is what makes it
// code, so it is not matched as words. A call may be written with its
// arguments, so lock() asks for "lock(".
func codeForm(term string) (string, bool) {
	t := strings.ToLower(strings.TrimSpace(term))
	if !(strings.HasPrefix(t, ".") || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "_") ||
		strings.Contains(t, "()") || strings.Contains(t, "__")) {
		return "", false
	}
	return strings.TrimSuffix(t, ")"), true
}

// coverKeyPoints checks each key point against the answer. A term the
// question itself says counts only when the answer uses it more often than
// the question does: reading the question back is not covering a point.
func coverKeyPoints(q *questions.Question, ix *index, syn *synonyms) []KeyPoint {
	out := make([]KeyPoint, len(q.KeyPoints))
	asked := newIndex(q.Text)
	for i, kp := range q.KeyPoints {
		out[i].Point = kp.Point
		for _, term := range kp.Terms {
			for _, variant := range syn.expand(term) {
				if code, ok := codeForm(variant); ok {
					// Words would make .result the everyday "result": a
					// code term must be written as code.
					if strings.Count(ix.lower, code) > strings.Count(strings.ToLower(q.Text), code) {
						out[i].Covered, out[i].Matched = true, variant
						break
					}
					continue
				}
				p := stems(variant)
				if ix.count(p) > asked.count(p) {
					out[i].Covered, out[i].Matched = true, variant
					break
				}
			}
			if out[i].Covered {
				break
			}
		}
	}
	return out
}
