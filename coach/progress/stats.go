package progress

import (
	"sort"
	"strings"
	"time"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
)

// Days is how many days the score series cover.
const Days = 30

// Stats summarise all practice.
type Stats struct {
	Answers  int           `json:"answers"`
	Skipped  int           `json:"skipped"`
	Practice time.Duration `json:"-"`
	// PracticeSeconds is Practice for JSON, where durations are seconds.
	PracticeSeconds float64 `json:"time_practised_seconds"`
	// Streak is the run of days, up to today, with at least one answer;
	// a day without practice yet today does not break it.
	Streak int `json:"streak_days"`
	// Series is each kind's average score per day, oldest first, for the
	// last Days days; -1 marks a day without answers of that kind.
	Series  map[questions.Kind][]int `json:"series"`
	Average map[questions.Kind]int   `json:"average_by_kind"`
	Weakest []CategoryScore          `json:"weakest_categories"`
}

// CategoryScore is a category's average over its answers.
type CategoryScore struct {
	Category string `json:"category"`
	Average  int    `json:"average"`
	Answers  int    `json:"answers"`
}

// ComputeStats works out the statistics from every attempt.
func ComputeStats(attempts []store.Attempt, now time.Time) Stats {
	s := Stats{Series: map[questions.Kind][]int{}, Average: map[questions.Kind]int{}}
	loc := now.Location()
	today := day(now, loc)
	daySum := map[questions.Kind][]int{}
	dayCount := map[questions.Kind][]int{}
	kindSum, kindN := map[questions.Kind]int{}, map[questions.Kind]int{}
	catSum, catN := map[string]int{}, map[string]int{}
	active := map[time.Time]bool{}
	for _, a := range attempts {
		s.Practice += a.Used
		if a.Skipped {
			s.Skipped++
			continue
		}
		s.Answers++
		d := day(a.SubmittedAt, loc)
		active[d] = true
		k := questions.Kind(a.Kind)
		kindSum[k] += a.Overall
		kindN[k]++
		catSum[a.Category] += a.Overall
		catN[a.Category]++
		idx := Days - 1 - int(today.Sub(d).Hours()/24+0.5)
		if idx < 0 || idx >= Days {
			continue
		}
		if daySum[k] == nil {
			daySum[k], dayCount[k] = make([]int, Days), make([]int, Days)
		}
		daySum[k][idx] += a.Overall
		dayCount[k][idx]++
	}
	for k, sums := range daySum {
		series := make([]int, Days)
		for i := range series {
			series[i] = -1
			if dayCount[k][i] > 0 {
				series[i] = (sums[i] + dayCount[k][i]/2) / dayCount[k][i]
			}
		}
		s.Series[k] = series
	}
	for k, n := range kindN {
		s.Average[k] = (kindSum[k] + n/2) / n
	}
	for c, n := range catN {
		if n >= 2 {
			s.Weakest = append(s.Weakest, CategoryScore{c, (catSum[c] + n/2) / n, n})
		}
	}
	sort.Slice(s.Weakest, func(i, j int) bool {
		if s.Weakest[i].Average != s.Weakest[j].Average {
			return s.Weakest[i].Average < s.Weakest[j].Average
		}
		return s.Weakest[i].Category < s.Weakest[j].Category
	})
	if len(s.Weakest) > 5 {
		s.Weakest = s.Weakest[:5]
	}
	d := today
	if !active[d] {
		d = d.AddDate(0, 0, -1)
	}
	for active[d] {
		s.Streak++
		d = d.AddDate(0, 0, -1)
	}
	s.PracticeSeconds = s.Practice.Seconds()
	return s
}

func day(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

var sparks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws scores (0–100) as block characters; -1 is a gap.
func Sparkline(values []int) string {
	var b strings.Builder
	for _, v := range values {
		if v < 0 {
			b.WriteRune('·')
			continue
		}
		i := v * (len(sparks) - 1) / 100
		b.WriteRune(sparks[min(max(i, 0), len(sparks)-1)])
	}
	return b.String()
}
