package feedback

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coach-tui/coach/questions"
)

func techQuestion(terms ...[]string) *questions.Question {
	q := &questions.Question{ID: "t", Kind: questions.Technical, Time: 2 * time.Minute}
	for i, ts := range terms {
		q.KeyPoints = append(q.KeyPoints, questions.KeyPoint{Point: "point " + string(rune('A'+i)), Terms: ts})
	}
	return q
}

func TestKeyPointsMatchStemsAndAliases(t *testing.T) {
	a, _ := testAnalyzer(t)
	q := techQuestion([]string{"index"}, []string{"postgresql"}, []string{"write skew"}, []string{"ci/cd"}, []string{"c++"})
	tests := []struct {
		answer string
		want   []bool
	}{
		{"We added indexes.", []bool{true, false, false, false, false}},
		{"The indices were wrong.", []bool{true, false, false, false, false}},
		{"A B-tree lookup is logarithmic.", []bool{false, false, false, false, false}}, // a neighbour of indexing, not a spelling
		{"We ran Postgres 16.", []bool{false, true, false, false, false}},
		{"Writes skewed the balance.", []bool{false, false, true, false, false}},
		{"Our CI/CD pipeline, written in C++.", []bool{false, false, false, true, true}},
		{"We wrote a skewed query; the ci went c.", []bool{false, false, false, false, false}},
		{"The cicd jobs", []bool{false, false, false, true, false}},
	}
	for _, tt := range tests {
		r := a.Analyze(q, tt.answer)
		for i, kp := range r.KeyPoints {
			if kp.Covered != tt.want[i] {
				t.Errorf("%q: key point %d (%v) covered = %v", tt.answer, i, q.KeyPoints[i].Terms, kp.Covered)
			}
		}
	}
}

// An alias is another spelling of the same thing; the taxonomy's
// neighbours (a skill's related tools and parts) never stand in for a term,
// and neither does a word the stemmer would join to it.
func TestTermsMatchOnlyWhatTheySay(t *testing.T) {
	a, _ := testAnalyzer(t)
	tests := []struct {
		term, answer string
		want         bool
	}{
		{"postgresql", "We ran Postgres 16 for the ledger.", true},
		{"kubernetes", "It runs on k8s.", true},
		{"prioritization", "Prioritisation came first.", true},
		{"rds", "We replatformed onto AWS EC2.", false},
		{"oidc", "Authorization was checked at the gateway.", false},
		{"idempotent", "Retries used exponential backoff.", false},
		{"postmortem", "I was on call that night.", false},
		{"metrics", "We watched the dashboards.", false},
		{"prioritisation", "Every choice was a trade-off.", false},
		{"authentication", "Authorization was checked at the gateway.", false},
		{"continuous delivery", "The CI job failed.", false},
		{"sli", "We agreed an SLO with the team.", false},
		{"production", "The product manager asked for it.", false},
		{"managed", "My manager asked for it.", false},
		{"responsibility", "The response was slow.", false},
		{"production", "It failed in production twice.", true},
	}
	for _, tt := range tests {
		r := a.Analyze(techQuestion([]string{tt.term}), tt.answer)
		if got := r.KeyPoints[0].Covered; got != tt.want {
			t.Errorf("term %q, answer %q: covered = %v, want %v (matched %q)", tt.term, tt.answer, got, tt.want, r.KeyPoints[0].Matched)
		}
	}
}

func dim(r Report, name string) Dimension {
	for _, d := range r.Dimensions {
		if d.Name == name {
			return d
		}
	}
	return Dimension{Score: -1}
}

func TestStructureSTAR(t *testing.T) {
	a, _ := testAnalyzer(t)
	q := &questions.Question{ID: "b", Kind: questions.Behavioral, Time: 2 * time.Minute}
	inOrder := "At my last company our team owned billing. My goal was to cut failed payments. I decided to add retries and I built a dashboard. As a result failures dropped by 30 percent."
	outOfOrder := "As a result failures dropped by 30 percent. I decided to add retries. My goal was to cut failed payments. At my last company our team owned billing."
	noResult := "At my last company our team owned billing. My goal was to cut failed payments. I decided to add retries."
	s1 := dim(a.Analyze(q, inOrder), "Structure")
	s2 := dim(a.Analyze(q, outOfOrder), "Structure")
	s3 := dim(a.Analyze(q, noResult), "Structure")
	if s1.Score != 100 || !(s1.Score > s2.Score && s2.Score > 0) {
		t.Fatalf("in order %d, out of order %d", s1.Score, s2.Score)
	}
	if s3.Score >= s1.Score || !strings.Contains(s3.Finding, "result") || !strings.Contains(s3.Next, "outcome") {
		t.Fatalf("missing result: %+v", s3)
	}
}

func TestStructureTechnicalAndDesign(t *testing.T) {
	a, _ := testAnalyzer(t)
	tech := techQuestion([]string{"x"})
	full := "An index is a sorted structure. It works by keeping keys in a tree, so each lookup reads a few pages. The trade-off is slower writes. For example we used one on orders."
	if d := dim(a.Analyze(tech, full), "Structure"); d.Score != 100 {
		t.Fatalf("technical structure %+v", d)
	}
	design := &questions.Question{ID: "s", Kind: questions.SystemDesign, Time: 30 * time.Minute}
	partial := "I would store links in a database table keyed by code."
	d := dim(a.Analyze(design, partial), "Structure")
	if d.Score >= 70 || !strings.Contains(d.Finding, "requirements") || !strings.Contains(d.Next, "requirements") {
		t.Fatalf("design structure %+v", d)
	}
}

func TestSpecificity(t *testing.T) {
	a, _ := testAnalyzer(t)
	q := techQuestion([]string{"x"})
	vague := dim(a.Analyze(q, "We made the service a lot faster and the users were happy."), "Specificity")
	concrete := dim(a.Analyze(q, "Over 3 weeks we cut p99 latency from 800ms to 120ms on PostgreSQL with Redis, for 2M users."), "Specificity")
	if vague.Score >= 30 || concrete.Score < 80 {
		t.Fatalf("vague %d, concrete %d", vague.Score, concrete.Score)
	}
	if !strings.Contains(vague.Next, "number") {
		t.Fatalf("vague next step: %q", vague.Next)
	}
}

func TestOwnership(t *testing.T) {
	a, _ := testAnalyzer(t)
	q := &questions.Question{ID: "b", Kind: questions.Behavioral, Time: 2 * time.Minute}
	we := dim(a.Analyze(q, "We found the bug and we fixed it and our team shipped it."), "Ownership")
	me := dim(a.Analyze(q, "I found the bug, I fixed it and we shipped it."), "Ownership")
	if we.Score >= me.Score || me.Score != 100 || !strings.Contains(we.Next, "I") {
		t.Fatalf("we %+v, me %+v", we, me)
	}
	if dim(a.Analyze(techQuestion([]string{"x"}), "We did it."), "Ownership").Score != -1 {
		t.Fatal("technical answers are not scored on ownership")
	}
}

func TestLength(t *testing.T) {
	tests := []struct {
		words int
		want  string
	}{{10, "far too short"}, {60, "short"}, {200, "right length"}, {400, "longer than"}, {700, "rambling"}}
	for _, tt := range tests {
		d := length(tt.words, 2*time.Minute)
		if !strings.Contains(d.Finding, tt.want) {
			t.Errorf("%d words in 2m: %q, want %q", tt.words, d.Finding, tt.want)
		}
	}
	if length(200, 2*time.Minute).Score != 100 || length(10, 2*time.Minute).Score >= length(60, 2*time.Minute).Score {
		t.Fatal("length scores out of order")
	}
}

// A design round's time is a conversation: a written design is held to the
// ten minutes of it the candidate talks, not to 45 minutes of speech.
func TestLengthOfADesignRound(t *testing.T) {
	round := 45 * time.Minute
	if d := length(1000, round); d.Score != 100 || d.Finding != "1000 words: the right length for the 10m walk-through of a 45m round." {
		t.Errorf("1000 words for a 45m round: %d %q", d.Score, d.Finding)
	}
	if d := length(300, round); d.Score != 45 || !strings.Contains(d.Next, "650 words") {
		t.Errorf("300 words for a 45m round: %d %q %q", d.Score, d.Finding, d.Next)
	}
	if d := length(1, 8*time.Minute); d.Finding != "1 word: far too short for an 8m answer." {
		t.Errorf("word forms: %q", d.Finding)
	}
}

func TestFiller(t *testing.T) {
	a, _ := testAnalyzer(t)
	q := techQuestion([]string{"x"})
	r := a.Analyze(q, "Um, I think it basically, you know, maybe caches stuff. I guess.")
	d := dim(r, "Filler and hedging")
	if d.Score > 20 || len(r.Filler) < 5 || !strings.Contains(d.Finding, `"basically" ×1`) {
		t.Fatalf("filler %+v %v", d, r.Filler)
	}
	clean := dim(a.Analyze(q, "The cache holds hot keys for five minutes."), "Filler and hedging")
	if clean.Score != 100 {
		t.Fatalf("clean answer filler score %d", clean.Score)
	}
}

func TestEmptyAnswer(t *testing.T) {
	a, _ := testAnalyzer(t)
	r := a.Analyze(techQuestion([]string{"x"}), "   \n")
	if r.Overall != 0 || len(r.Dimensions) != 1 || r.Dimensions[0].Next == "" || len(r.Missed()) != 1 {
		t.Fatalf("empty answer report: %+v", r)
	}
}

func TestWeightsSumTo100(t *testing.T) {
	for k, w := range kindWeights {
		if s := w.keyPoints + w.structure + w.specificity + w.ownership + w.length + w.filler; s != 100 {
			t.Errorf("%s weights sum to %d", k, s)
		}
	}
	for _, k := range questions.Kinds {
		if _, ok := kindWeights[k]; !ok {
			t.Errorf("no weights for %s", k)
		}
	}
}

func TestDeterministicAndExtras(t *testing.T) {
	a, bank := testAnalyzer(t)
	q, _ := bank.Get("db-n-plus-one-queries")
	answer := "The N+1 problem is when the ORM runs one query for the list and one query per row. Query count grows with rows; we fixed it with a join in PostgreSQL and Django select_related. Query count went from 301 to 2."
	r1, r2 := a.Analyze(q, answer), a.Analyze(q, answer)
	if r1.Overall != r2.Overall || len(r1.Dimensions) != len(r2.Dimensions) {
		t.Fatal("analysis is not deterministic")
	}
	if len(r1.TopWords) == 0 || r1.TopWords[0].Word != "query" || r1.TopWords[0].Count < 3 {
		t.Fatalf("top words %v", r1.TopWords)
	}
	found := strings.Join(r1.TechTerms, ",")
	if !strings.Contains(found, "PostgreSQL") || !strings.Contains(found, "Django") {
		t.Fatalf("technologies named: %v", r1.TechTerms)
	}
	imp := r1.Improvements(3)
	for i := 1; i < len(imp); i++ {
		if lost(imp[i]) > lost(imp[i-1]) {
			t.Fatal("improvements are not ordered by points lost")
		}
	}
	for _, d := range r1.Dimensions {
		if d.Finding == "" || d.Next == "" {
			t.Fatalf("dimension without a finding or next step: %+v", d)
		}
	}
}

func BenchmarkAnalyze(b *testing.B) {
	a, bank := testAnalyzer(b)
	q, _ := bank.Get("sd-url-shortener")
	answer := strings.Repeat("I would start with requirements: 100 million links, 10k reads per second. The API is POST /links and GET /{code}. ", 20)
	for b.Loop() {
		a.Analyze(q, answer)
	}
}

// Length is judged against the question's spoken time: the answer is one
// to say in that time, whatever the typing allowance gave.
func TestLengthIsJudgedAgainstTheSpokenTime(t *testing.T) {
	a, _ := testAnalyzer(t)
	q := techQuestion([]string{"x"})
	q.Time = 3*time.Minute + 30*time.Second // about 455 spoken words
	answer := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	for _, c := range []struct {
		words int
		score int
		says  string
	}{
		{196, 100, "196 words: the right length for a 3m30s answer."},
		{455, 100, "the right length"},
		{120, 45, "short for a 3m30s answer"},
		{2000, 35, "rambling for a 3m30s answer"},
	} {
		d := dim(a.Analyze(q, answer(c.words)), "Length")
		if d.Score != c.score || !strings.Contains(d.Finding, c.says) {
			t.Errorf("%d words: %d %q, want %d and %q", c.words, d.Score, d.Finding, c.score, c.says)
		}
	}
	if d := dim(a.Analyze(q, answer(2000)), "Length"); !strings.Contains(d.Next, "about 455 words") {
		t.Errorf("a long paste should be cut to the spoken length: %q", d.Next)
	}
	q.Time = 5 * time.Minute
	if d := dim(a.Analyze(q, answer(30)), "Length"); !strings.Contains(d.Next, "195–650 words") {
		t.Errorf("a 5m question should aim at 195–650 words: %q", d.Next)
	}
}

func TestCountWordsAsAReaderDoes(t *testing.T) {
	for text, want := range map[string]int{
		"":                                    0,
		"I'm on call — again.":                4,
		"a check-in at 9:30, p99 under 200ms": 7,
		"- one\n- two\n\n• three":             3,
		"gRPC/HTTP2 and k8s":                  3,
	} {
		if got := CountWords(text); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", text, got, want)
		}
	}
	a, _ := testAnalyzer(t)
	answer := "I'm sure the check-in helped: p99 fell from 900ms to 120ms — in a week."
	if r := a.Analyze(techQuestion([]string{"x"}), answer); r.Words != CountWords(answer) {
		t.Fatalf("the report counts %d words, the box %d", r.Words, CountWords(answer))
	}
}

// Reading the question back earns nothing: no key point for its words, and
// at most 5 overall.
func TestTheQuestionReadBackScoresAlmostNothing(t *testing.T) {
	a, _ := testAnalyzer(t)
	q := techQuestion([]string{"outbox"}, []string{"same transaction"}, []string{"idempotent"})
	q.Text = "A service must update its database and publish an event. How does the transactional outbox pattern fix it, and why must consumers be idempotent?"
	for _, echo := range []string{
		q.Text,
		"So, how does the transactional outbox pattern fix it? A service must update its database and publish an event, and consumers must be idempotent.",
	} {
		r := a.Analyze(q, echo)
		if r.Overall > echoScore {
			t.Errorf("the question read back scored %d:\n%s", r.Overall, echo)
		}
	}
	// Using the question's words in a real answer still counts.
	real := "The outbox pattern writes the event to an outbox table in the same transaction as the update, so both commit or neither. A relay publishes the outbox rows later and can send one twice, so consumers are idempotent: an idempotent consumer skips event ids it has seen."
	r := a.Analyze(q, real)
	if r.Overall < 40 || !r.KeyPoints[0].Covered || !r.KeyPoints[1].Covered || !r.KeyPoints[2].Covered {
		t.Fatalf("a real answer using the question's words: %d %+v", r.Overall, r.KeyPoints)
	}
	// A term the question says is not covered by saying it once.
	once := a.Analyze(q, "Consumers should be idempotent. I would log every failure and page someone when the queue grows past a thousand.")
	if once.KeyPoints[2].Covered {
		t.Fatalf("saying the question's own term once covered its point: %+v", once.KeyPoints)
	}
}

// A code term keeps its punctuation: .result is not the word "result".
func TestCodeTermsMustBeWrittenAsCode(t *testing.T) {
	a, _ := testAnalyzer(t)
	q := techQuestion([]string{".result"}, []string{".wait()"}, []string{"--check"}, []string{"__next__"})
	words := a.Analyze(q, "The result came back, so we wait and check what comes next.")
	for _, kp := range words.KeyPoints {
		if kp.Covered {
			t.Errorf("everyday words covered a code term: %+v", kp)
		}
	}
	code := a.Analyze(q, "Call task.Result only after task.Wait(timeout); run terraform fmt --check in CI; a generator defines __next__.")
	for _, kp := range code.KeyPoints {
		if !kp.Covered {
			t.Errorf("the code term written as code was missed: %+v", kp)
		}
	}
}

// Next is shown after "Next time:", so it may not open with a label of its
// own ("Next time: Good balance: …").
func TestNextReadsAsTheRestOfNextTime(t *testing.T) {
	a, bank := testAnalyzer(t)
	label := regexp.MustCompile(`^[A-Z][a-z]*( [a-z]+){0,2}:`)
	answers := []string{"", "Um, basically I think maybe.", "We did it together, we shipped it, we measured a 40% drop in p99 in two weeks."}
	for _, p := range loadPairs(t) {
		answers = append(answers, p.Strong, p.Weak)
	}
	for _, q := range bank.Questions()[:60] {
		for _, ans := range append(answers, q.Outline) {
			for _, d := range a.Analyze(q, ans).Dimensions {
				if label.MatchString(d.Next) {
					t.Fatalf("%s: %s next %q opens with a label", q.ID, d.Name, d.Next)
				}
			}
		}
	}
}
