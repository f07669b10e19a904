package feedback

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// levels are the kinds of answer in the independent set, best first; the
// question read back is added as the last, weakest one.
var (
	goodLevels = []string{"strong", "good"}
	weakLevels = []string{"vague", "rambling", "stuffed", "wrong", "read back"}
)

type levelled struct {
	Question string `yaml:"question"`
	Strong   string `yaml:"strong"`
	Good     string `yaml:"good"`
	Vague    string `yaml:"vague"`
	Rambling string `yaml:"rambling"`
	Stuffed  string `yaml:"stuffed"`
	Wrong    string `yaml:"wrong"`
}

// loadIndependent reads the answers a helper wrote from the question texts
// alone, never seeing the scorer or its terms.
func loadIndependent(t *testing.T) []levelled {
	t.Helper()
	files, _ := filepath.Glob("testdata/independent-*.yaml")
	if len(files) == 0 {
		t.Fatal("no independent answer set in testdata")
	}
	var all []levelled
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct{ Answers []levelled }
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		all = append(all, doc.Answers...)
	}
	return all
}

// TestIndependentAnswersAreOrdered measures the share of ordered pairs
// over the independent set: strong above good, and each of them above
// every weak kind. The README reports the figures it logs.
func TestIndependentAnswersAreOrdered(t *testing.T) {
	a, bank := testAnalyzer(t)
	set := loadIndependent(t)
	ordered, pairs := 0, 0
	byKind := map[string][2]int{}
	readBackLow := 0
	for _, e := range set {
		q, ok := bank.Get(e.Question)
		if !ok {
			t.Fatalf("the set answers %q, which is not in the bank", e.Question)
		}
		score := map[string]int{
			"strong": a.Analyze(q, e.Strong).Overall, "good": a.Analyze(q, e.Good).Overall,
			"vague": a.Analyze(q, e.Vague).Overall, "rambling": a.Analyze(q, e.Rambling).Overall,
			"stuffed": a.Analyze(q, e.Stuffed).Overall, "wrong": a.Analyze(q, e.Wrong).Overall,
			"read back": a.Analyze(q, q.Text).Overall,
		}
		if score["read back"] <= echoScore {
			readBackLow++
		}
		compare := func(hi, lo string) {
			pairs++
			k := hi + " > " + lo
			c := byKind[k]
			c[1]++
			if score[hi] > score[lo] {
				ordered++
				c[0]++
			} else if testing.Verbose() {
				t.Logf("%s: %s %d, %s %d", e.Question, hi, score[hi], lo, score[lo])
			}
			byKind[k] = c
		}
		compare("strong", "good")
		for _, hi := range goodLevels {
			for _, lo := range weakLevels {
				compare(hi, lo)
			}
		}
	}
	var lines []string
	for k, c := range byKind {
		lines = append(lines, fmt.Sprintf("%-22s %3d of %3d", k, c[0], c[1]))
	}
	sort.Strings(lines)
	share := float64(ordered) * 100 / float64(pairs)
	t.Logf("%d questions, %d ordered pairs of %d (%.1f%%); the question read back scores at most %d in %d of %d\n%s",
		len(set), ordered, pairs, share, echoScore, readBackLow, len(set), strings.Join(lines, "\n"))
	if len(set) < 30 {
		t.Errorf("the set covers %d questions; it should cover at least 30", len(set))
	}
	if share < minOrderedShare {
		t.Errorf("%.1f%% of pairs ordered, below the %.0f%% this scorer reached when the set was added", share, minOrderedShare)
	}
	if readBackLow != len(set) {
		t.Errorf("the question read back scored above %d for %d questions", echoScore, len(set)-readBackLow)
	}
}

// minOrderedShare is the share of ordered pairs this scorer reached when
// the set was added (96.1%, the aim being 96%): the test fails if
// a change to the scorer or the bank makes it order fewer.
const minOrderedShare = 96.0
