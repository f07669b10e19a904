// Package feedback judges an answer offline, deterministically, on the
// dimensions an interviewer listens for, each with a 0–100 score, what was
// found and one concrete next step.
//
// The overall score is a weighted mean of the dimensions. The weights
// depend on the kind of question:
//
//	                  key points  structure  specificity  ownership  length  filler
//	behavioral             30         20          15          10        15      10
//	situational            30         20          15          10        15      10
//	technical              40         20          15           -        15      10
//	system-design          40         25          15           -        10      10
//	ask-the-interviewer    50         20           -           -        15      15
//
// Key points are matched on word stems, with the skill taxonomy's aliases,
// so "indices" covers "index" and "Postgres" covers "PostgreSQL".
package feedback

import (
	"strconv"
	"strings"
	"time"

	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/questions"
)

// Dimension is one aspect of an answer.
type Dimension struct {
	Name    string `json:"name"`
	Score   int    `json:"score"`   // 0–100
	Weight  int    `json:"weight"`  // share of the overall score, in percent
	Finding string `json:"finding"` // what the answer did
	Next    string `json:"next"`    // one concrete thing to do next time
}

// Report is the feedback on one answer.
type Report struct {
	Overall    int            `json:"overall"`
	Dimensions []Dimension    `json:"dimensions"`
	KeyPoints  []KeyPoint     `json:"key_points"`
	Words      int            `json:"words"`
	TechTerms  []string       `json:"tech_terms,omitempty"` // taxonomy skills the answer named
	TopWords   []WordCount    `json:"top_words,omitempty"`
	Filler     []string       `json:"filler,omitempty"`
	Kind       questions.Kind `json:"kind"`
}

// Improvements are the next steps of the weakest dimensions, weakest
// first: what would raise the score most.
func (r Report) Improvements(n int) []Dimension {
	dims := append([]Dimension(nil), r.Dimensions...)
	// Rank by points lost from the overall score.
	for i := 1; i < len(dims); i++ {
		for j := i; j > 0 && lost(dims[j]) > lost(dims[j-1]); j-- {
			dims[j], dims[j-1] = dims[j-1], dims[j]
		}
	}
	var out []Dimension
	for _, d := range dims {
		if d.Score < 85 && len(out) < n {
			out = append(out, d)
		}
	}
	return out
}

func lost(d Dimension) int { return (100 - d.Score) * d.Weight }

// Missed lists the key points the answer did not cover.
func (r Report) Missed() []string {
	var out []string
	for _, kp := range r.KeyPoints {
		if !kp.Covered {
			out = append(out, kp.Point)
		}
	}
	return out
}

type weights struct{ keyPoints, structure, specificity, ownership, length, filler int }

var kindWeights = map[questions.Kind]weights{
	questions.Behavioral:     {30, 20, 15, 10, 15, 10},
	questions.Situational:    {30, 20, 15, 10, 15, 10},
	questions.Technical:      {40, 20, 15, 0, 15, 10},
	questions.SystemDesign:   {40, 25, 15, 0, 10, 10},
	questions.AskInterviewer: {50, 20, 0, 0, 15, 15},
}

// Analyzer holds what analysis needs beyond the answer: the taxonomy's
// aliases. Build it once; Analyze is safe for concurrent use.
type Analyzer struct {
	syn  *synonyms
	tech [][]string // stemmed skill names, aliases and related tools, for "named technologies"
	name []string   // the display name for each entry of tech
}

// NewAnalyzer prepares an analyzer from the skill catalogue (nil works,
// without aliases).
func NewAnalyzer(cat *skills.Catalogue) *Analyzer {
	a := &Analyzer{syn: newSynonyms(cat)}
	if cat != nil {
		for _, s := range cat.Skills {
			if s.Group != skills.Technical {
				continue
			}
			for _, n := range append(s.Spellings(), s.Related...) {
				a.tech = append(a.tech, stems(n))
				a.name = append(a.name, s.Name)
			}
		}
	}
	return a
}

// Analyze judges answer to q. Its length is judged against the question's
// spoken time, whatever the timer allowed: the typing allowance gives time
// to type, and the answer is still one to be said in q.Time.
func (a *Analyzer) Analyze(q *questions.Question, answer string) Report {
	spoken := q.Time
	if spoken <= 0 {
		spoken = defaultSpokenTime
	}
	ws := words(answer)
	r := Report{Words: CountWords(answer), Kind: q.Kind}
	ix := newIndex(answer)
	r.KeyPoints = coverKeyPoints(q, ix, a.syn)
	r.TechTerms = a.techTerms(ix)
	r.TopWords = topWords(ws, 5)

	w, ok := kindWeights[q.Kind]
	if !ok {
		w = kindWeights[questions.Technical]
	}
	if strings.TrimSpace(answer) == "" {
		r.Dimensions = []Dimension{{Name: "Answer", Score: 0, Weight: 100,
			Finding: "No answer was given.", Next: "Say something, even an outline: a partial answer scores, silence does not."}}
		return r
	}
	if echoesQuestion(q.Text, ws) {
		r.Dimensions = []Dimension{{Name: "Answer", Score: echoScore, Weight: 100,
			Finding: "The answer mostly repeats the question's own words.",
			Next:    "Answer it in your words: what you did or how it works, with one specific detail."}}
		r.Overall = echoScore
		return r
	}
	add := func(d Dimension, weight int) {
		if weight > 0 {
			d.Weight = weight
			r.Dimensions = append(r.Dimensions, d)
		}
	}
	if len(q.KeyPoints) > 0 {
		// A question with none (a follow-up) is judged on the rest: the
		// weights of what is left make up the overall score.
		add(keyPointsDimension(r.KeyPoints), w.keyPoints)
	}
	add(structure(q.Kind, ix), w.structure)
	add(specificity(answer, ix, r.TechTerms), w.specificity)
	add(ownership(ws), w.ownership)
	add(length(r.Words, spoken), w.length)
	f, found := filler(ix, len(ws))
	r.Filler = found
	add(f, w.filler)

	total, sum := 0, 0
	for _, d := range r.Dimensions {
		total += d.Score * d.Weight
		sum += d.Weight
	}
	r.Overall = (total + sum/2) / sum
	return r
}

// echoScore is the most an answer that reads the question back can score.
const echoScore = 5

// echoesQuestion reports whether an answer is the question read back: few
// words beyond the question's length, and most of its content words taken
// from the question.
func echoesQuestion(question string, answer []string) bool {
	asked := map[string]bool{}
	qn := 0
	for _, w := range words(question) {
		if !stopWords[w] {
			asked[stem(w)] = true
			qn++
		}
	}
	content, shared := 0, 0
	for _, w := range answer {
		if stopWords[w] {
			continue
		}
		content++
		if asked[stem(w)] {
			shared++
		}
	}
	return content > 0 && content <= qn*3/2+5 && shared*10 >= content*7
}

// defaultSpokenTime stands in for a question with no time of its own.
const defaultSpokenTime = 2 * time.Minute

func keyPointsDimension(kps []KeyPoint) Dimension {
	covered := 0
	var firstMissed string
	for _, kp := range kps {
		if kp.Covered {
			covered++
		} else if firstMissed == "" {
			firstMissed = kp.Point
		}
	}
	d := Dimension{Name: "Key points"}
	if len(kps) > 0 {
		d.Score = 100 * covered / len(kps)
	}
	d.Finding = itoa(covered) + " of " + plural(len(kps), "key point") + " covered."
	// Next is shown after "Next time:", so it reads as the rest of that
	// sentence rather than a second label.
	if firstMissed == "" {
		d.Next = "Make each key point concrete with an example from your own work."
	} else {
		d.Next = "Also cover “" + strings.TrimSuffix(firstMissed, ".") + "”."
	}
	return d
}

func itoa(n int) string { return strconv.Itoa(n) }

// techTerms lists the technologies the answer named, once each.
func (a *Analyzer) techTerms(ix *index) []string {
	seen := map[string]bool{}
	var out []string
	for i, t := range a.tech {
		if !seen[a.name[i]] && ix.find(t) >= 0 {
			seen[a.name[i]] = true
			out = append(out, a.name[i])
		}
	}
	return out
}
