package resume

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coach-tui/coach/questions"
)

// LikelyQuestion is a question an interviewer is likely to ask: from the
// bank, on a skill the posting wants and the resume claims, or built from
// one of the resume's own bullets.
type LikelyQuestion struct {
	Text string         `json:"text"`
	Kind questions.Kind `json:"kind"`
	// Source is "bank" or "resume".
	Source string `json:"source"`
	// ID is the bank question's id (bank) or a generated one (resume).
	ID string `json:"id"`
	// Skill is the skill a bank question practises.
	Skill string `json:"skill,omitempty"`
	// Bullet and Line are the resume bullet a question comes from.
	Bullet string `json:"bullet,omitempty"`
	Line   int    `json:"line,omitempty"`
	Why    string `json:"why"`

	q *questions.Question
}

// Question is the question as a bank question, ready for a practice
// session: the bank's own, or one built with key points to check the
// answer against.
func (l LikelyQuestion) Question() *questions.Question { return l.q }

// PracticeQuestions are the likely questions as bank questions, in order.
func (r *Report) PracticeQuestions() []*questions.Question {
	out := make([]*questions.Question, 0, len(r.Questions))
	for _, l := range r.Questions {
		if l.q != nil {
			out = append(out, l.q)
		}
	}
	return out
}

func likelyQuestions(r *Report, bank *questions.Bank, doc Document, opt Options) []LikelyQuestion {
	out := bankQuestions(r, bank, opt.BankQuestions)
	out = append(out, bulletQuestions(r, doc, opt.ResumeQuestions)...)
	return out
}

func hash(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// bankQuestions picks up to n bank questions on the skills the posting
// wants and the resume claims (heaviest first, one skill each while skills
// last), varying the kind, preferring the posting's role and level. When
// the resume claims too few, the posting's other skills fill in: the
// interviewer will ask about them anyway.
func bankQuestions(r *Report, bank *questions.Bank, n int) []LikelyQuestion {
	out := []LikelyQuestion{}
	skillsInOrder := append(append([]Keyword{}, r.Keywords.Matched...), r.Keywords.Missing...)
	if len(skillsInOrder) == 0 || n <= 0 {
		return out
	}
	level := map[string]int{"junior": 1, "mid": 2, "senior": 3}[r.Posting.Level]
	seed := r.Posting.Title
	picked := map[string]bool{}
	kinds := map[questions.Kind]int{}
	for pass := 0; pass < 2 && len(out) < n; pass++ {
		for _, k := range skillsInOrder {
			if len(out) >= n {
				break
			}
			var best *questions.Question
			bestScore := 0.0
			var bestHash uint64
			tags := slices.DeleteFunc(slices.Clone(k.skillIDs), func(id string) bool { return id == "" })
			if len(tags) == 0 {
				continue // the posting's own words tag no bank question
			}
			for _, q := range bank.Filter(questions.Filter{Tags: tags}) {
				if picked[q.ID] || q.Kind == questions.AskInterviewer {
					continue
				}
				s := -1.5 * float64(kinds[q.Kind])
				if r.Posting.Role != "" && q.HasRole(questions.Role(r.Posting.Role)) {
					s += 2
				}
				if d := q.Difficulty - level; d < 0 {
					s += float64(d)
				} else {
					s -= float64(d)
				}
				h := hash(seed, q.ID)
				if best == nil || s > bestScore || s == bestScore && h < bestHash {
					best, bestScore, bestHash = q, s, h
				}
			}
			if best == nil {
				continue
			}
			picked[best.ID] = true
			kinds[best.Kind]++
			why := fmt.Sprintf("The posting asks for %s (%s) and your resume names it in %s.", k.Name, k.Section, joinOr(k.FoundIn, ""))
			if len(k.FoundIn) == 0 {
				why = fmt.Sprintf("The posting asks for %s (%s); your resume does not name it, so be ready to say what you know.", k.Name, k.Section)
			}
			out = append(out, LikelyQuestion{Text: oneLine(best.Text), Kind: best.Kind, Source: "bank", ID: best.ID,
				Skill: k.Name, Why: why, q: best})
		}
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// A template turns a bullet into a question.
type template struct {
	name   string
	kind   questions.Kind
	ask    func(b Bullet) string
	why    string
	follow string
	points []questions.KeyPoint
}

var (
	// scale is a number of things that load a system: 2M+ daily active
	// users, 10TB+ of data, 5K requests a second
	scale = lazyRegexp(`(?i)\d[\d,.]*\s?(?:[kmb]|bn|million|billion|thousand)?\+?\s?(?:tb|gb|pb)\b|\d[\d,.]*\s?(?:[kmb]|bn|million|billion|thousand)?\+?\s+(?:\S+\s+){0,2}?(?:users?|customers?|requests?|rps|qps|events?|messages?|transactions?|orders?|records?|rows|viewers?|visitors?|tenants?|merchants?)\b`)
	// outcomeMetric is a number that measures a change: a percentage, money
	// or time
	outcomeMetric = lazyRegexp(`(?i)\d[\d,.]*\s?(?:%|percent)|[$£€]\s?\d|\b\d+\s?(?:hours?|minutes?|seconds?|ms|days?|weeks?)\b`)
	ownershipVerb = set(`led spearheaded owned architected designed established introduced drove founded initiated pioneered championed headed launched rearchitected re-architected redesigned proposed`)
	peopleVerb    = set(`coached mentored partnered collaborated trained hired onboarded taught guided supervised`)
)

var templates = []template{
	{
		name: "scale", kind: questions.Technical,
		ask: func(b Bullet) string {
			return fmt.Sprintf("Your resume says “%s”. What broke first as that load grew, and how did you find out?", excerpt(b.Text, scale()))
		},
		why:    "It states a scale; interviewers probe what happens at that scale.",
		follow: "What would you change first if the load grew ten times?",
		points: []questions.KeyPoint{
			{Point: "Names the bottleneck that appeared", Terms: []string{"bottleneck", "limit", "saturated", "latency", "contention", "queue", "database", "memory", "cpu", "connections"}},
			{Point: "Explains how it was found", Terms: []string{"metrics", "dashboard", "alert", "profiling", "tracing", "logs", "load test"}},
			{Point: "Describes the fix and its trade-off", Terms: []string{"trade-off", "sharding", "caching", "replica", "partition", "scaled", "queue", "cost"}},
		},
	},
	{
		name: "measure", kind: questions.Behavioral,
		ask: func(b Bullet) string {
			focus := metricRe()
			if outcomeMetric().MatchString(b.Text) {
				focus = outcomeMetric()
			}
			return fmt.Sprintf("You wrote “%s”. How did you measure that, and what did you change to get there?", excerpt(b.Text, focus))
		},
		why:    "It carries a number; interviewers check how numbers were measured.",
		follow: "What was the baseline, and how sure are you the change caused the result?",
		points: []questions.KeyPoint{
			{Point: "Says how the number was measured and against what baseline", Terms: []string{"measured", "baseline", "before", "after", "compared", "dashboard", "percentile", "p95", "p99", "median"}},
			{Point: "Names the change you made", Terms: []string{"changed", "added", "replaced", "removed", "introduced", "rewrote", "built", "moved"}},
			{Point: "Says what you learnt or would do next", Terms: []string{"learned", "learnt", "next time", "would", "differently", "follow-up"}},
		},
	},
	{
		name: "ownership", kind: questions.Behavioral,
		ask: func(b Bullet) string {
			return fmt.Sprintf("You “%s”. What was your own part, what did others do, and what would you do differently?", lowerFirst(excerpt(b.Text, nil)))
		},
		why:    "It claims ownership; interviewers separate your part from the team's.",
		follow: "Who disagreed with the approach, and how did you settle it?",
		points: []questions.KeyPoint{
			{Point: "Separates your own part from the team's", Terms: []string{"my part", "i decided", "i proposed", "i wrote", "i led", "i owned", "myself"}},
			{Point: "Credits what others did", Terms: []string{"team", "colleague", "colleagues", "others", "together", "partnered"}},
			{Point: "Reflects on what to do differently", Terms: []string{"differently", "next time", "learned", "learnt", "mistake", "would"}},
		},
	},
	{
		name: "people", kind: questions.Behavioral,
		ask: func(b Bullet) string {
			return fmt.Sprintf("You wrote “%s”. Pick one person in that story: where did they start, what did you do, and where did they get to?", excerpt(b.Text, nil))
		},
		why:    "It is about working with people; expect a behavioural question with one concrete story.",
		follow: "What did you do when it was not working?",
		points: []questions.KeyPoint{
			{Point: "Describes where the person or team started", Terms: []string{"started", "struggled", "new", "junior", "first", "at first"}},
			{Point: "Says what you did, concretely", Terms: []string{"paired", "reviewed", "feedback", "weekly", "taught", "showed", "agreed"}},
			{Point: "Gives the outcome for them", Terms: []string{"now", "promoted", "owns", "independently", "result", "confident"}},
		},
	},
	{
		name: "result", kind: questions.Behavioral,
		ask: func(b Bullet) string {
			return fmt.Sprintf("What changed because of “%s”, and how would you put a number on it?", excerpt(b.Text, nil))
		},
		why:    "It has no result; an interviewer will ask for one.",
		follow: "Who noticed the difference, and how?",
		points: []questions.KeyPoint{
			{Point: "States the result", Terms: []string{"result", "reduced", "increased", "faster", "saved", "fewer", "improved"}},
			{Point: "Puts a number on it", Terms: []string{"percent", "%", "hours", "minutes", "users", "requests", "times"}},
			{Point: "Says how it was known", Terms: []string{"measured", "dashboard", "survey", "metrics", "feedback"}},
		},
	},
}

// excerpt quotes a bullet briefly: the words around the first match of
// focus (or its opening words), with ellipses where it was cut.
func excerpt(text string, focus *regexp.Regexp) string {
	words := strings.Fields(strings.TrimRight(text, "."))
	center := 0
	if focus != nil {
		if loc := focus.FindStringIndex(text); loc != nil {
			center = len(strings.Fields(text[:loc[0]]))
		}
	}
	from, to := max(0, center-6), min(len(words), center+4)
	if focus == nil || center < 6 {
		from, to = 0, min(len(words), 10)
	}
	s := strings.Join(words[from:to], " ")
	s = strings.TrimRight(s, ",;:")
	if from > 0 {
		s = "…" + s
	}
	if to < len(words) {
		s += "…"
	}
	return s
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && r[0] >= 'A' && r[0] <= 'Z' && !(r[1] >= 'A' && r[1] <= 'Z') {
		r[0] += 'a' - 'A'
	}
	return string(r)
}

// templatesFor lists the templates that fit a bullet, best first.
func templatesFor(b Bullet) []*template {
	var out []*template
	verb := strings.ToLower(b.Verb)
	byName := func(n string) *template {
		for i := range templates {
			if templates[i].name == n {
				return &templates[i]
			}
		}
		return nil
	}
	if peopleVerb[verb] {
		out = append(out, byName("people"))
	}
	if scale().MatchString(b.Text) {
		out = append(out, byName("scale"))
	}
	if b.Metric {
		out = append(out, byName("measure"))
	}
	if ownershipVerb[verb] {
		out = append(out, byName("ownership"))
	}
	if b.Result == "" {
		out = append(out, byName("result"))
	}
	return out
}

// bulletQuestions builds up to n questions from the resume's bullets, in
// resume order, one per bullet and at most two of each template, so the
// set mixes numbers, scale, ownership and people.
func bulletQuestions(r *Report, doc Document, n int) []LikelyQuestion {
	out := []LikelyQuestion{}
	used := map[string]int{}
	roles := questions.Roles
	if r.Posting.Role != "" {
		roles = []questions.Role{questions.Role(r.Posting.Role)}
	}
	type choice struct {
		b Bullet
		t *template
	}
	var chosen []choice
	// first pass: each bullet's best template still available; bullets that
	// carry numbers come first because they draw the sharpest questions
	items := append([]Bullet{}, r.Bullets.Items...)
	sort.SliceStable(items, func(i, j int) bool { return items[i].Metric && !items[j].Metric })
	for _, b := range items {
		if len(chosen) >= n {
			break
		}
		for _, t := range templatesFor(b) {
			if used[t.name] < 2 {
				used[t.name]++
				chosen = append(chosen, choice{b, t})
				break
			}
		}
	}
	sort.SliceStable(chosen, func(i, j int) bool { return chosen[i].b.Line < chosen[j].b.Line })
	for _, c := range chosen {
		id := fmt.Sprintf("resume-line-%d", c.b.Line)
		text := c.t.ask(c.b)
		q := &questions.Question{
			ID: id, Text: text, Kind: c.t.kind, Category: "resume", Roles: roles, Difficulty: 2,
			Time: 2 * time.Minute, KeyPoints: c.t.points, FollowUps: []questions.FollowUp{{Text: c.t.follow}},
			Outline: "1. The situation and your part in it\n2. What you did, concretely\n3. The result, with how it was measured\n",
			Source:  questions.Source{File: doc.Name, Line: c.b.Line, User: true},
		}
		out = append(out, LikelyQuestion{Text: text, Kind: c.t.kind, Source: "resume", ID: id,
			Bullet: c.b.Text, Line: c.b.Line, Why: c.t.why, q: q})
	}
	return out
}
