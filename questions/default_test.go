package questions

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The default bank is the product's substance; these tests hold it to the
// counts and shape the project promises.

func loadDefault(t *testing.T) *Bank {
	t.Helper()
	b, err := Default()
	if err != nil {
		t.Fatalf("embedded bank:\n%v", err)
	}
	return b
}

func TestDefaultBankCounts(t *testing.T) {
	b := loadDefault(t)
	byKind := map[Kind]int{}
	byRole := map[Role]int{}
	for _, q := range b.Questions() {
		byKind[q.Kind]++
		for _, r := range q.Roles {
			byRole[r]++
		}
	}
	t.Logf("%d questions; by kind %v; by role %v", b.Len(), byKind, byRole)
	if b.Len() < 650 {
		t.Errorf("%d questions, want at least 650", b.Len())
	}
	min := map[Kind]int{Behavioral: 140, Technical: 300, SystemDesign: 55, Situational: 45, AskInterviewer: 90}
	for k, n := range min {
		if byKind[k] < n {
			t.Errorf("%s: %d questions, want at least %d", k, byKind[k], n)
		}
	}
	for _, r := range Roles {
		if byRole[r] < 250 {
			t.Errorf("role %s: %d questions, want at least 250", r, byRole[r])
		}
	}
}

func TestDefaultBankCoversTopics(t *testing.T) {
	b := loadDefault(t)
	cats := map[string]bool{}
	for _, q := range b.Questions() {
		cats[q.Category] = true
	}
	for _, c := range []string{
		// behavioural themes
		"motivation", "ownership", "ambiguity", "perseverance", "conflict", "empathy",
		"growth", "communication", "leadership", "failure", "prioritisation", "teamwork", "introduction",
		// technical areas
		"databases", "apis", "distributed-systems", "caching", "cloud", "containers", "ci-cd",
		"observability", "security", "performance", "testing", "concurrency", "languages/go",
		"languages/python", "languages/java", "data-pipelines", "architecture", "reliability",
		"networking", "frontend", "infrastructure-as-code",
	} {
		if !cats[c] {
			t.Errorf("no question in category %q", c)
		}
	}
	if _, ok := b.Get("beh-teamwork-tough-project"); !ok {
		t.Error("the tough team project question is missing")
	}
}

func TestDefaultBankQuestionShape(t *testing.T) {
	b := loadDefault(t)
	headings := []string{"requirements", "api", "data model", "scaling", "trade-offs"}
	for _, q := range b.Questions() {
		if (q.Kind == Technical || q.Kind == SystemDesign) && len(q.KeyPoints) < 3 {
			t.Errorf("%s: %d key points, want at least 3", q.ID, len(q.KeyPoints))
		}
		if len(q.FollowUps) == 0 {
			t.Errorf("%s: no follow-up", q.ID)
		}
		if len(strings.TrimSpace(q.Outline)) < 40 {
			t.Errorf("%s: outline too short to guide an answer", q.ID)
		}
		if len(q.Tags) == 0 {
			t.Errorf("%s: no skill tags", q.ID)
		}
		if q.Kind == SystemDesign {
			outline := strings.ToLower(q.Outline)
			at := 0
			for _, h := range headings {
				i := strings.Index(outline[at:], h)
				if i < 0 {
					t.Errorf("%s: outline does not walk %s in order", q.ID, strings.Join(headings, " → "))
					break
				}
				at += i + len(h)
			}
		}
		for _, kp := range q.KeyPoints {
			for _, term := range kp.Terms {
				if genericTerms[strings.ToLower(term)] {
					t.Errorf("%s: key point %q has the generic term %q, which every answer contains", q.ID, kp.Point, term)
				}
			}
		}
	}
}

// genericTerms would mark a key point covered by almost any answer.
var genericTerms = map[string]bool{
	"the": true, "a": true, "i": true, "we": true, "it": true, "and": true, "data": true,
	"system": true, "use": true, "work": true, "team": false, "good": true, "thing": true,
}

func TestNoNearDuplicateQuestions(t *testing.T) {
	b := loadDefault(t)
	qs := b.Questions()
	sets := make([]map[string]bool, len(qs))
	for i, q := range qs {
		sets[i] = tokenSet(q.Text)
	}
	var dups []string
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			if s := jaccard(sets[i], sets[j]); s >= nearDuplicate {
				dups = append(dups, qs[i].ID+" ~ "+qs[j].ID)
			}
		}
	}
	sort.Strings(dups)
	for _, d := range dups {
		t.Errorf("near-duplicate questions: %s", d)
	}
}

// nearDuplicate is the token-set similarity at which two question texts
// are taken to ask the same thing in other words.
const nearDuplicate = 0.6

func TestNearDuplicateDetector(t *testing.T) {
	same := jaccard(tokenSet("Tell me about a time you disagreed with your manager."),
		tokenSet("Describe a time when you disagreed with your manager?"))
	diff := jaccard(tokenSet("Tell me about a time you disagreed with your manager."),
		tokenSet("How does a B-tree index speed up a lookup?"))
	if same < nearDuplicate || diff >= nearDuplicate {
		t.Fatalf("detector: paraphrase %.2f, unrelated %.2f", same, diff)
	}
}

var wordPattern = regexp.MustCompile(`[a-z0-9+#]+`)

var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or of to in on for with you your is are was were be it
		that this what how why when which do did does have has had i me my we our they their there as at
		by from about can could would should will into tell time describe walk through`) {
		stopWords[w] = true
	}
}

func tokenSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range wordPattern.FindAllString(strings.ToLower(s), -1) {
		if !stopWords[w] {
			set[w] = true
		}
	}
	return set
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// Every question's first follow-up, apart from the questions to ask the
// interviewer, has key points of its own, so its answer is scored on what
// it asks rather than on its parent's points.
func TestDefaultBankFirstFollowUpsHaveKeyPoints(t *testing.T) {
	for _, q := range loadDefault(t).Questions() {
		if q.Kind != AskInterviewer && len(q.FollowUps[0].KeyPoints) < 2 {
			t.Errorf("%s:%d: %s: the first follow-up has %d key points, want at least 2", q.Source.File, q.Source.Line, q.ID, len(q.FollowUps[0].KeyPoints))
		}
	}
}
