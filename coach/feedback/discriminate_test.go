package feedback

import (
	"fmt"
	"os"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/questions"
)

type pair struct {
	Question string `yaml:"question"`
	Strong   string `yaml:"strong"`
	Weak     string `yaml:"weak"`
}

func testAnalyzer(t testing.TB) (*Analyzer, *questions.Bank) {
	t.Helper()
	cat, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return NewAnalyzer(cat), bank
}

func loadPairs(t testing.TB) []pair {
	t.Helper()
	data, err := os.ReadFile("testdata/pairs.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Pairs []pair }
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Pairs
}

// TestStrongAnswersScoreHigher is the proof that the offline feedback
// discriminates: on answers written for this test, the strong answer to a
// question must beat the weak one in at least 90% of pairs.
func TestStrongAnswersScoreHigher(t *testing.T) {
	a, bank := testAnalyzer(t)
	pairs := loadPairs(t)
	if len(pairs) < 30 {
		t.Fatalf("%d pairs; the test needs at least 30", len(pairs))
	}
	kinds := map[questions.Kind]int{}
	wins := 0
	for _, p := range pairs {
		q, ok := bank.Get(p.Question)
		if !ok {
			t.Fatalf("pair for unknown question %q", p.Question)
		}
		kinds[q.Kind]++
		strong := a.Analyze(q, p.Strong)
		weak := a.Analyze(q, p.Weak)
		if strong.Overall > weak.Overall {
			wins++
		} else {
			t.Logf("%s (%s): strong %d, weak %d", q.ID, q.Kind, strong.Overall, weak.Overall)
		}
		t.Logf("%-45s strong %3d  weak %3d", q.ID, strong.Overall, weak.Overall)
	}
	rate := float64(wins) / float64(len(pairs))
	t.Logf("strong answer scored higher in %d of %d pairs (%.0f%%); kinds %v", wins, len(pairs), rate*100, kinds)
	if len(kinds) < 4 {
		t.Errorf("pairs cover %d kinds; want the behavioural, technical, system-design and situational kinds at least", len(kinds))
	}
	if rate < 0.9 {
		t.Fatalf("discrimination rate %.0f%%, want at least 90%%", rate*100)
	}
}

// Over the whole bank, the question read back as the answer covers no key
// point and scores at most 5.
func TestNoQuestionIsAnsweredByItsOwnText(t *testing.T) {
	a, bank := testAnalyzer(t)
	points, worst := 0, 0
	var all []*questions.Question
	for _, q := range bank.Questions() {
		all = append(all, q)
		for i, f := range q.FollowUps {
			if len(f.KeyPoints) > 0 {
				fu := *q
				fu.ID, fu.Text, fu.KeyPoints, fu.FollowUps, fu.Outline = fmt.Sprintf("%s#%d", q.ID, i+1), f.Text, f.KeyPoints, nil, ""
				all = append(all, &fu)
			}
		}
	}
	for _, q := range all {
		r := a.Analyze(q, q.Text)
		for _, kp := range r.KeyPoints {
			if kp.Covered {
				points++
				t.Errorf("%s: its own text covers %q (by %q)", q.ID, kp.Point, kp.Matched)
			}
		}
		if r.Overall > echoScore {
			t.Errorf("%s: its own text scores %d", q.ID, r.Overall)
		}
		worst = max(worst, r.Overall)
	}
	t.Logf("%d questions and follow-ups with key points: %d key points covered by the question's own text, highest score %d", len(all), points, worst)
}

// Every question in the default bank follows the term rules Lint checks:
// no key point rests on a word every answer uses, and the question's own
// outline covers every key point.
func TestDefaultBankFollowsTermRules(t *testing.T) {
	a, bank := testAnalyzer(t)
	n := 0
	for _, q := range bank.Questions() {
		for _, w := range a.Lint(q) {
			n++
			t.Errorf("%s:%d: %s: %s", q.Source.File, q.Source.Line, q.ID, w)
		}
	}
	t.Logf("%d questions, %d term-rule problems", bank.Len(), n)
}
