package questions

import (
	"math/rand/v2"
	"sort"
	"strings"
	"time"
)

// Filter narrows the bank; zero fields match everything. Within a field
// any value matches (roles: backend OR sre); across fields all must match.
type Filter struct {
	Roles        []Role
	Kinds        []Kind
	Categories   []string // a category matches itself and its children: languages matches languages/go
	Difficulties []int
	Tags         []string
	Company      string
	Search       string // words that must all appear in the id, text, category or tags
}

// Match reports whether q passes the filter.
func (f Filter) Match(q *Question) bool {
	if len(f.Roles) > 0 && !anyOf(f.Roles, q.HasRole) {
		return false
	}
	if len(f.Kinds) > 0 && !contains(f.Kinds, q.Kind) {
		return false
	}
	if len(f.Categories) > 0 && !anyOf(f.Categories, func(c string) bool {
		return q.Category == c || strings.HasPrefix(q.Category, c+"/")
	}) {
		return false
	}
	if len(f.Difficulties) > 0 && !contains(f.Difficulties, q.Difficulty) {
		return false
	}
	if len(f.Tags) > 0 && !anyOf(f.Tags, q.HasTag) {
		return false
	}
	if f.Company != "" && !strings.EqualFold(f.Company, q.Company) {
		return false
	}
	if f.Search != "" {
		text := q.searchText()
		for _, w := range strings.Fields(strings.ToLower(f.Search)) {
			if !strings.Contains(text, w) {
				return false
			}
		}
	}
	return true
}

func anyOf[T any](vals []T, ok func(T) bool) bool {
	for _, v := range vals {
		if ok(v) {
			return true
		}
	}
	return false
}

// Filter returns the questions that pass f, in bank order.
func (b *Bank) Filter(f Filter) []*Question {
	var out []*Question
	for _, q := range b.questions {
		if f.Match(q) {
			out = append(out, q)
		}
	}
	return out
}

// Shuffle returns qs in a random order fixed by seed; the input is unchanged.
func Shuffle(qs []*Question, seed uint64) []*Question {
	out := append([]*Question(nil), qs...)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// Pick chooses n questions from qs, preferring those never asked, then
// those asked longest ago; ties are broken in the seeded random order.
// lastAsked maps a question id to when it was last practised.
func Pick(qs []*Question, n int, seed uint64, lastAsked map[string]time.Time) []*Question {
	out := Shuffle(qs, seed)
	sort.SliceStable(out, func(i, j int) bool {
		ti, iAsked := lastAsked[out[i].ID]
		tj, jAsked := lastAsked[out[j].ID]
		if iAsked != jAsked {
			return !iAsked
		}
		return ti.Before(tj)
	})
	if n < len(out) {
		out = out[:n]
	}
	return out
}

// Balanced draws n questions spread across kinds as evenly as the pool
// allows: each kind in turn gives its next least-recently-asked question,
// and a kind with none left yields its turn to the others. The result
// keeps the order of kinds given, which is the order an interview runs in.
func Balanced(qs []*Question, kinds []Kind, n int, seed uint64, lastAsked map[string]time.Time) []*Question {
	byKind := map[Kind][]*Question{}
	for _, q := range Pick(qs, len(qs), seed, lastAsked) {
		byKind[q.Kind] = append(byKind[q.Kind], q)
	}
	taken := map[Kind]int{}
	for total := 0; total < n; {
		progressed := false
		for _, k := range kinds {
			if total < n && taken[k] < len(byKind[k]) {
				taken[k]++
				total++
				progressed = true
			}
		}
		if !progressed {
			break
		}
	}
	var out []*Question
	for _, k := range kinds {
		out = append(out, byKind[k][:taken[k]]...)
	}
	return out
}
