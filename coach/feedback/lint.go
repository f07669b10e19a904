package feedback

import (
	"fmt"

	"github.com/coach-tui/coach/questions"
)

// genericWords are words nearly every answer uses, so a key point whose
// term is one of them alone is covered by anything. A phrase holding one
// ("learned that", "changed the alert") is fine: it is the phrase that
// must appear.
var genericWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range words(`
		a an the and or but so i we you they it this that he she my our their
		from to of in on at by for with about into after before then because
		also just very really still only
		is are was were be been being have has had do did done make made get got
		take took use used using work worked working go went keep kept start started
		change changed changes fix fixed fixes fixing test tested try tried
		learn learned learnt learning lesson lessons think thought know knew
		need needed want wanted help helped ask asked said told give gave
		example examples thing things way ways time times timing day days
		minute minutes hour hours second seconds week weeks month months year years
		people person team teams user users customer customers
		problem problems issue issues question questions answer answers
		good better best great bad important specific personal general
		system systems data code service services feature features project projects
		first next last new old other different same some many more most
		owned own share shared missing supported support stopped deleted accepted
		leaving written wrote between option options mattered decide decided
		result results outcome impact`) {
		m[stem(w)] = true
	}
	return m
}()

// Lint lists what in q breaks the term rules the feedback relies on: a
// key point whose term is a word every answer uses, and a key point that
// the question's own model outline does not cover (if the outline, the
// best answer coach knows, misses it, a real answer will too). The
// default bank has none; a user's bank gets them as warnings.
//
// A follow-up's key points are held to the first rule; a follow-up has no
// outline of its own.
func (a *Analyzer) Lint(q *questions.Question) []string {
	out := genericTerms("", q.KeyPoints)
	for i, f := range q.FollowUps {
		out = append(out, genericTerms(fmt.Sprintf("follow-up %d: ", i+1), f.KeyPoints)...)
	}
	if q.Outline == "" {
		return out
	}
	covered := coverKeyPoints(q, newIndex(q.Outline), a.syn)
	for i, kp := range covered {
		if !kp.Covered {
			out = append(out, fmt.Sprintf("key point %d (%q): the model outline does not cover it; add a term the outline uses, or say it in the outline", i+1, kp.Point))
		}
	}
	return out
}

// genericTerms lists the key points' terms that are words nearly every
// answer uses; where prefixes each message.
func genericTerms(where string, kps []questions.KeyPoint) []string {
	var out []string
	for i, kp := range kps {
		for _, term := range kp.Terms {
			if _, code := codeForm(term); code {
				continue // matched as written, so __next__ is not "next"
			}
			if s := stems(term); len(s) == 1 && genericWords[s[0]] {
				out = append(out, fmt.Sprintf("%skey point %d (%q): term %q is a word almost every answer uses; use a phrase only a covering answer would say", where, i+1, kp.Point, term))
			}
		}
	}
	return out
}
