package feedback

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	count "github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/questions"
)

var (
	numberPattern    = regexp.MustCompile(`\b\d[\d,.]*\s*(%|percent|x|ms|k|m|gb|tb|mb|million|billion|thousand|hours?|minutes?|seconds?|days?|weeks?|months?|years?|users?|requests?|rps|qps)?\b|\$\d`)
	timeFramePattern = regexp.MustCompile(`\b(\d+\s*(hours?|days?|weeks?|months?|years?|quarters?|sprints?)|last (week|month|quarter|year)|q[1-4]|within|by the end of|deadline)\b`)
	metricWords      = sync.OnceValue(func() [][]string {
		return phrases("latency", "p99", "p95", "p50", "throughput", "uptime", "error rate", "users",
			"requests", "cost", "revenue", "incidents", "conversion", "availability", "response time", "load time")
	})
)

// specificity rewards numbers, metrics, time frames and named technologies:
// evidence an interviewer can probe rather than general claims.
func specificity(text string, ix *index, tech []string) Dimension {
	lower := strings.ToLower(text)
	nums := len(numberPattern.FindAllString(lower, -1))
	frames := len(timeFramePattern.FindAllString(lower, -1))
	metrics := ix.countOf(metricWords())
	score := min(nums, 4)*12 + min(len(tech), 4)*8 + min(frames, 2)*6 + min(metrics, 3)*4
	d := Dimension{Name: "Specificity", Score: min(score, 100)}
	d.Finding = fmt.Sprintf("%s, %s, %s named.", plural(nums, "number"), plural(metrics, "metric"), plural(len(tech), "technology", "technologies"))
	switch {
	case nums == 0:
		d.Next = "Add one number that proves the point: a percentage, a latency, a count of users or a time saved."
	case len(tech) == 0:
		d.Next = "Name the actual tools and systems you used instead of describing them."
	case frames == 0:
		d.Next = "Give a time frame: how long it took, or how long the result has held."
	default:
		d.Next = "Be ready to say how each number was measured; interviewers ask."
	}
	return d
}

// plural is words.Count, under the name this package's sentences use.
var plural = count.Count

// ownership compares "I" with "we" in stories about your own work.
func ownership(ws []string) Dimension {
	var mine, ours int
	for _, w := range ws {
		switch w {
		case "i", "my", "me", "myself":
			mine++
		case "we", "our", "us", "ourselves":
			ours++
		}
	}
	d := Dimension{Name: "Ownership"}
	share := 0.0
	if mine+ours > 0 {
		share = float64(mine) / float64(mine+ours)
	}
	switch {
	case mine+ours == 0:
		d.Score = 30
	case share >= 0.6:
		d.Score = 100
	case share >= 0.4:
		d.Score = 75
	case share >= 0.2:
		d.Score = 45
	default:
		d.Score = 20
	}
	d.Finding = fmt.Sprintf("\"I\" %s, \"we\" %s.", plural(mine, "time"), plural(ours, "time"))
	if d.Score >= 75 {
		d.Next = "Keep crediting the team, and make your own part unmistakable."
	} else {
		d.Next = "Say \"I\" for what you did yourself; interviewers are hiring you, not the team."
	}
	return d
}

// spokenWordsPerMinute is the pace the question times assume.
const spokenWordsPerMinute = 130

// longestMonologue is the most a length target assumes one person talks.
// A design round's 45 minutes are a conversation (questions, drawing, the
// interviewer steering), and the candidate's own walk-through of the
// design rarely runs past ten of them, so a written answer is held to that.
const longestMonologue = 10 * time.Minute

// length compares the answer with what a good spoken answer holds in the
// question's time: under 30% is thin, over 130% rambles.
func length(n int, limit time.Duration) Dimension {
	talk := min(limit, longestMonologue)
	want := int(talk.Minutes() * spokenWordsPerMinute)
	ratio := float64(n) / float64(max(want, 1))
	span := article(questions.FormatTime(limit)) + " answer"
	if talk < limit {
		span = fmt.Sprintf("the %s walk-through of %s round", questions.FormatTime(talk), article(questions.FormatTime(limit)))
	}
	d := Dimension{Name: "Length"}
	switch {
	case ratio < 0.12:
		d.Score, d.Finding = 10, fmt.Sprintf("%s: far too short for %s.", wordCount(n), span)
		d.Next = fmt.Sprintf("Aim for %d–%d words: enough for each part of the outline.", want*3/10, want)
	case ratio < 0.3:
		d.Score, d.Finding = 45, fmt.Sprintf("%s: short for %s.", wordCount(n), span)
		d.Next = fmt.Sprintf("Add detail to reach about %d words: the specifics carry the answer.", want/2)
	case ratio <= 1.3:
		d.Score, d.Finding = 100, fmt.Sprintf("%s: the right length for %s.", wordCount(n), span)
		d.Next = "Keep this length; cut anything that does not support your point."
	case ratio <= 1.8:
		d.Score, d.Finding = 65, fmt.Sprintf("%s: longer than %s allows.", wordCount(n), span)
		d.Next = fmt.Sprintf("Trim to about %d words: lead with the point, drop the background.", want)
	default:
		d.Score, d.Finding = 35, fmt.Sprintf("%s: rambling for %s.", wordCount(n), span)
		d.Next = fmt.Sprintf("Cut to about %d words: one story, one result.", want)
	}
	return d
}

// article puts "a" or "an" before a duration as it is said aloud: an 8m,
// an 11m, an 18m, a 3m.
func article(d string) string {
	if strings.HasPrefix(d, "8") || strings.HasPrefix(d, "11") || strings.HasPrefix(d, "18") {
		return "an " + d
	}
	return "a " + d
}

func wordCount(n int) string { return plural(n, "word") }

// fillerWords are said to fill a pause; hedges weaken a claim.
var fillerWords = []string{"um", "uh", "erm", "basically", "actually", "literally", "you know", "kind of", "sort of",
	"i mean", "so yeah", "stuff", "things like that", "whatever", "like i said", "and so on",
	"i think", "i guess", "maybe", "probably", "not sure", "perhaps", "i believe", "hopefully",
	"might have", "somewhat", "more or less", "i suppose"}

// fillerStems are stemmed on first use: stemming at start-up would delay
// the first frame.
var fillerStems = sync.OnceValue(func() [][]string { return phrases(fillerWords...) })

// filler counts filler and hedging per hundred words.
func filler(ix *index, n int) (Dimension, []string) {
	var found []string
	total := 0
	for i, p := range fillerStems() {
		if c := ix.count(p); c > 0 {
			total += c
			found = append(found, fmt.Sprintf("%q ×%d", fillerWords[i], c))
		}
	}
	rate := float64(total) * 100 / float64(max(n, 1))
	d := Dimension{Name: "Filler and hedging", Score: max(100-int(rate*12), 0)}
	if total == 0 {
		d.Finding = "No filler or hedging words."
		d.Next = "Keep stating things plainly."
	} else {
		d.Finding = fmt.Sprintf("%s (%.1f per 100 words): %s.", plural(total, "filler or hedging word"), rate, strings.Join(found, ", "))
		d.Next = "Replace \"I think\" and \"maybe\" with what you know and how you know it; pause instead of filling."
	}
	return d, found
}

var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but of to in on for with at by from as is are was were be been being it its this that
		these those i me my we our us you your he she they them their there here what which who whom when where why how
		do did does done have has had not no so if then than too very can could would should will just also into over
		about up out more most some any all each other such only own same s t m ll re ve d don didn doesn isn wasn
		one two get got make made like really well yeah um uh`) {
		stopWords[w] = true
	}
}

// WordCount is a word and how often the answer used it.
type WordCount struct {
	Word  string `json:"word"`
	Count int    `json:"count"`
}

// topWords lists the most used content words (used at least twice).
func topWords(ws []string, n int) []WordCount {
	counts := map[string]int{}
	for _, w := range ws {
		if len(w) > 2 && !stopWords[w] {
			counts[w]++
		}
	}
	var out []WordCount
	for w, c := range counts {
		if c >= 2 {
			out = append(out, WordCount{w, c})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Word < out[j].Word
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
