package resume

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/coach-tui/coach/questions"
)

func review(t testing.TB, doc Document, postingFile string) *Report {
	t.Helper()
	r, err := Review(doc, readFixture(t, "postings/"+postingFile), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func exampleDoc() Document { return FromText("example.md", ExampleTemplate()) }

// The bar the issue sets: the example resume fits a senior backend
// posting written for it, and does not fit a pastry chef's.
func TestExampleScores(t *testing.T) {
	match := review(t, exampleDoc(), "senior-backend.md")
	if match.Score < 70 {
		t.Errorf("example against the senior backend posting: %d, want at least 70\n%s", match.Score, match.Markdown())
	}
	unrelated := review(t, exampleDoc(), "pastry-chef.txt")
	if unrelated.Score > 25 {
		t.Errorf("example against the pastry chef posting: %d, want at most 25\n%s", unrelated.Score, unrelated.Markdown())
	}
	t.Logf("example: %d against senior backend, %d against pastry chef", match.Score, unrelated.Score)
}

// Each fixture resume fits its own role's posting and not the bakery.
func TestFixtureScores(t *testing.T) {
	tests := []struct {
		resume, own string
		others      []string // postings for roles far from the resume's
	}{
		{"go-backend.md", "backend-go.txt", []string{"fullstack.md", "cloud-architect.md"}},
		{"devops.txt", "devops.txt", []string{"fullstack.md", "senior-backend.md"}},
		{"fullstack.md", "fullstack.md", []string{"devops.txt", "sre.md", "cloud-architect.md"}},
		{"sre.txt", "sre.md", []string{"fullstack.md", "cloud-architect.md"}},
		{"cloud-architect.md", "cloud-architect.md", []string{"fullstack.md", "backend-go.txt", "sre.md"}},
		{"devops.txt", "platform.txt", []string{"fullstack.md"}},
	}
	for _, tt := range tests {
		doc := fixtureDoc(t, tt.resume)
		own := review(t, doc, tt.own).Score
		if own < 65 {
			t.Errorf("%s against %s: %d, want at least 65", tt.resume, tt.own, own)
		}
		for _, o := range tt.others {
			if s := review(t, doc, o).Score; s >= own-20 {
				t.Errorf("%s: %d against %s, only %d below its own posting (%d)", tt.resume, s, o, own-s, own)
			}
		}
		if s := review(t, doc, "pastry-chef.txt").Score; s > 20 {
			t.Errorf("%s against the pastry chef posting: %d", tt.resume, s)
		}
	}
}

// The weak resume loses on every part it can, and each loss is named.
func TestWeakResume(t *testing.T) {
	r := review(t, fixtureDoc(t, "weak.txt"), "backend-go.txt")
	if r.Score > 15 {
		t.Errorf("weak resume scored %d", r.Score)
	}
	if r.Bullets.WithFirstPerson != 3 || r.Bullets.WithVerb != 0 || r.Bullets.WithResult != 0 {
		t.Errorf("bullets: %+v", r.Bullets)
	}
	text := ""
	for _, f := range r.Findings {
		text += f.Text + "\n"
	}
	for _, want := range []string{"Required by the posting and missing", "No skills section", "No education section",
		"show no number or outcome", "first person", "email address"} {
		if !strings.Contains(text, want) {
			t.Errorf("findings lack %q:\n%s", want, text)
		}
	}
}

func TestBreakdownAddsUp(t *testing.T) {
	for _, posting := range []string{"senior-backend.md", "pastry-chef.txt", "sre.md"} {
		r := review(t, exampleDoc(), posting)
		var parts []string
		weights, points := 0, 0.0
		for _, p := range r.Breakdown {
			parts = append(parts, p.Part)
			weights += p.Weight
			want := float64(p.Weight) * float64(p.Score) / 100
			if p.Scaled {
				want *= r.Relevance
			}
			if math.Abs(p.Points-want) > 0.051 {
				t.Errorf("%s %s: %v points, want %v", posting, p.Part, p.Points, want)
			}
			points += p.Points
		}
		if !slices.Equal(parts, []string{"keywords", "sections", "bullets", "length", "plain_text"}) || weights != 100 {
			t.Fatalf("parts %v weigh %d", parts, weights)
		}
		if math.Abs(points-float64(r.Score)) > 0.6 {
			t.Errorf("%s: points add to %.1f, score %d", posting, points, r.Score)
		}
	}
}

// Relevance comes from technical skills only: a posting that asks for
// teamwork and nothing technical cannot be matched by a good resume.
func TestRelevance(t *testing.T) {
	r := review(t, exampleDoc(), "pastry-chef.txt")
	if r.Relevance != 0 || r.Keywords.TechnicalCoverage != 0 {
		t.Errorf("relevance %v, technical coverage %v", r.Relevance, r.Keywords.TechnicalCoverage)
	}
	r = review(t, exampleDoc(), "senior-backend.md")
	if r.Relevance != 1 {
		t.Errorf("relevance %v against a matching posting", r.Relevance)
	}
}

func TestKeywordPlacement(t *testing.T) {
	r := review(t, exampleDoc(), "senior-backend.md")
	matched := map[string]Keyword{}
	for _, k := range r.Keywords.Matched {
		matched[k.Skill] = k
	}
	if got := matched["python"].FoundIn; !slices.Equal(got, []string{SecSummary, SecSkills, SecExperience}) {
		t.Errorf("Python found in %v", got)
	}
	if got := matched["mongodb"].FoundIn; !slices.Equal(got, []string{SecSkills}) {
		t.Errorf("MongoDB found in %v", got)
	}
	missing := map[string]Keyword{}
	for _, k := range r.Keywords.Missing {
		missing[k.Skill] = k
	}
	if k := missing["kafka"]; k.Belongs != "skills" || !strings.Contains(k.Advice, "Messaging") {
		t.Errorf("Kafka: %+v", k)
	}
	if where, _ := belongs(Keyword{Name: "Database design", Group: "hard", As: []string{"schema design"}}, nil); where != "experience" {
		t.Errorf("Database design (a practice) belongs in %s", where)
	}
	if _, advice := belongs(Keyword{Name: "PyTorch", Group: "technical", As: []string{"PyTorch"}}, nil); !strings.Contains(advice, "list it in Skills, spelled as the posting does (PyTorch)") {
		t.Errorf("a term from the posting's own words: %s", advice)
	}
	// "MongoDB or another document database" is one requirement, met by
	// the resume's MongoDB
	if k := matched["mongodb"]; k.Name != "MongoDB or document database" || k.MatchedAs != "MongoDB" {
		t.Errorf("MongoDB or a document database: %+v", k)
	}
	for i := 1; i < len(r.Keywords.Missing); i++ {
		if r.Keywords.Missing[i].Weight > r.Keywords.Missing[i-1].Weight {
			t.Fatal("missing keywords are not heaviest first")
		}
	}
	// the posting's role gives its own advice on showing a skill
	r = review(t, fixtureDoc(t, "fullstack.md"), "backend-go.txt")
	for _, k := range r.Keywords.Missing {
		if k.Skill == "kafka" && !strings.Contains(k.Advice, "If you have used Apache Kafka") {
			t.Errorf("Kafka advice: %s", k.Advice)
		}
	}
}

func TestLikelyQuestions(t *testing.T) {
	r := review(t, exampleDoc(), "senior-backend.md")
	matched := map[string]bool{}
	for _, k := range r.Keywords.Matched {
		matched[k.Skill] = true
	}
	var bank, fromResume int
	kinds := map[questions.Kind]bool{}
	seen := map[string]bool{}
	for _, q := range r.Questions {
		if seen[q.ID] {
			t.Errorf("question %s twice", q.ID)
		}
		seen[q.ID] = true
		switch q.Source {
		case "bank":
			bank++
			kinds[q.Kind] = true
			bq := q.Question()
			tagged := false
			for _, tag := range bq.Tags {
				tagged = tagged || matched[tag]
			}
			if !tagged {
				t.Errorf("bank question %s (%v) practises no matched skill", q.ID, bq.Tags)
			}
		case "resume":
			fromResume++
			if !strings.Contains(ExampleTemplate(), q.Bullet) || q.Line == 0 {
				t.Errorf("question from a bullet not in the resume: %q", q.Bullet)
			}
			if len(q.Question().KeyPoints) == 0 {
				t.Errorf("%s has no key points to judge an answer by", q.ID)
			}
		}
	}
	if bank != 6 || fromResume != 5 || len(kinds) < 2 {
		t.Errorf("%d bank questions of %d kinds, %d from the resume", bank, len(kinds), fromResume)
	}
	texts := ""
	for _, q := range r.Questions {
		texts += q.Text + "\n"
	}
	for _, want := range []string{"60% faster", "How did you measure that", "2M+ daily active users", "Coached 3 junior developers"} {
		if !strings.Contains(texts, want) {
			t.Errorf("questions lack %q:\n%s", want, texts)
		}
	}
	if got := r.PracticeQuestions(); len(got) != len(r.Questions) || got[0].ID != r.Questions[0].ID {
		t.Errorf("%d practice questions for %d likely ones", len(got), len(r.Questions))
	}
}

func TestJSONShape(t *testing.T) {
	r := review(t, exampleDoc(), "senior-backend.md")
	data, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"schema", "resume", "posting", "score", "relevance", "breakdown", "keywords",
		"sections", "bullets", "length", "plain_text", "findings", "questions"} {
		if _, ok := m[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	kw := m["keywords"].(map[string]any)
	k0 := kw["matched"].([]any)[0].(map[string]any)
	for _, key := range []string{"skill", "name", "group", "area", "section", "mentions", "weight", "as", "found_in"} {
		if _, ok := k0[key]; !ok {
			t.Errorf("matched keyword lacks %q: %v", key, k0)
		}
	}
	pt := m["plain_text"].(map[string]any)
	if !strings.Contains(pt["text"].(string), "Sarah Chen") {
		t.Error("plain_text.text is not the extracted text")
	}
	// lists are [] rather than null, so a consumer can always iterate
	empty, _ := Review(FromText("r.md", "Just a line of text."), "A job.", Options{})
	data, _ = empty.JSON()
	if bytes.Contains(data, []byte("null")) {
		t.Errorf("null in JSON:\n%s", data)
	}
}

func TestMarkdownReport(t *testing.T) {
	md := review(t, exampleDoc(), "senior-backend.md").Markdown()
	for _, want := range []string{"# Resume review: example.md", "## Score: ", "| Keyword coverage |",
		"### Missing, by weight", "| Apache Kafka |", "### Matched", "## Plain-text test", "```text\nSarah Chen",
		"## Likely interview questions", "coach bank show "} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	// text from the resume cannot break the markdown around it
	doc := Document{Name: "r.txt", Format: Text, Text: "Name\n\nExperience\n\n- Built a *thing* with | pipes and `ticks` ``` for 20% less.\n"}
	r, _ := Review(doc, "Requirements\n- Go\n", Options{})
	md = r.Markdown()
	if strings.Count(md, "````text") != 1 || !strings.Contains(md, `\|`) {
		t.Errorf("resume text not escaped:\n%s", md)
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := review(t, fixtureDoc(t, "sre.txt"), "sre.md").JSON()
	b, _ := review(t, fixtureDoc(t, "sre.txt"), "sre.md").JSON()
	if !bytes.Equal(a, b) {
		t.Fatal("two reviews of the same input differ")
	}
}

func TestEmptyPosting(t *testing.T) {
	if _, err := Review(exampleDoc(), " \n\t", Options{}); !errors.Is(err, ErrEmptyPosting) {
		t.Fatalf("error %v", err)
	}
}
