package session

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
)

func bank(t *testing.T) *questions.Bank {
	t.Helper()
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPlanFollowsTheSetup(t *testing.T) {
	b := bank(t)
	s := DefaultSetup()
	s.Role, s.Kinds, s.Count = questions.SRE, []questions.Kind{questions.Technical}, 4
	last := map[string]time.Time{}
	// Everything has been asked except what Plan should pick first.
	for _, q := range b.Questions() {
		last[q.ID] = time.Now()
	}
	delete(last, "obs-burn-rate-alerts")
	qs := Plan(b, s, last, 1)
	if len(qs) != 4 || qs[0].ID != "obs-burn-rate-alerts" {
		t.Fatalf("plan = %v", ids(qs))
	}
	for _, q := range qs {
		if q.Kind != questions.Technical || !q.HasRole(questions.SRE) {
			t.Fatalf("%s does not match the setup", q.ID)
		}
	}
	s.Kinds = nil
	for _, q := range Plan(b, s, nil, 2) {
		if q.Kind == questions.AskInterviewer {
			t.Fatal("practice does not time questions for the interviewer unless asked")
		}
	}
	s.Tags = []string{"kafka"}
	for _, q := range Plan(b, s, nil, 3) {
		if !q.HasTag("kafka") {
			t.Fatalf("%s is not tagged kafka", q.ID)
		}
	}
}

func TestPlanFiltersByCompany(t *testing.T) {
	b := bank(t)
	s := DefaultSetup()
	s.Count = 50
	var acme []string
	for i, q := range b.Filter(questions.Filter{Roles: []questions.Role{s.Role}, Kinds: []questions.Kind{questions.Technical}}) {
		if i%7 == 0 {
			q.Company = []string{"Acme", "acme"}[len(acme)%2]
			acme = append(acme, q.ID)
		}
	}
	if len(acme) < 3 {
		t.Fatalf("only %d questions", len(acme))
	}
	s.Company = "ACME"
	got := Plan(b, s, nil, 1)
	if len(got) != len(acme) {
		t.Fatalf("company ACME: %d questions, want the %d from Acme in any spelling", len(got), len(acme))
	}
	for _, q := range got {
		if !strings.EqualFold(q.Company, "acme") {
			t.Fatalf("%s is from %q", q.ID, q.Company)
		}
	}
	s.Company = "Initech"
	if got := Plan(b, s, nil, 1); len(got) != 0 {
		t.Fatalf("no question is from Initech, got %v", ids(got))
	}
	s.Company = ""
	if got := Plan(b, s, nil, 1); len(got) != s.Count {
		t.Fatalf("any company: %d", len(got))
	}
	if back := DecodeSetup((Setup{Mode: Practice, Role: questions.SRE, Count: 3, Timer: Strict, Company: "Acme"}).Encode()); back.Company != "Acme" {
		t.Fatalf("the company is remembered: %+v", back)
	}
}

func ids(qs []*questions.Question) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}

func TestPlanMock(t *testing.T) {
	b := bank(t)
	for _, tt := range []struct {
		role   questions.Role
		design bool
	}{{questions.SeniorBackend, true}, {questions.Backend, false}} {
		p := PlanMock(b, tt.role, 6, nil, 4)
		if len(p.Questions) != 6 || p.Questions[0].Category != "introduction" {
			t.Fatalf("%s: plan %v", tt.role, ids(p.Questions))
		}
		kinds := map[questions.Kind]int{}
		for _, q := range p.Questions[1:] {
			kinds[q.Kind]++
		}
		if kinds[questions.Behavioral] == 0 || kinds[questions.Technical] == 0 || (kinds[questions.SystemDesign] > 0) != tt.design {
			t.Fatalf("%s: kinds %v", tt.role, kinds)
		}
		if len(p.Ask) == 0 || p.Ask[0].Kind != questions.AskInterviewer || p.Ask[0].Why == "" {
			t.Fatalf("%s: ask pool %v", tt.role, ids(p.Ask))
		}
	}
}

func TestFollowUp(t *testing.T) {
	b := bank(t)
	bankParent, _ := b.Get("db-n-plus-one-queries")
	parent := *bankParent
	own := []questions.KeyPoint{{Point: "Eager loading fetches the authors in one query", Terms: []string{"select_related", "eager load"}}}
	parent.FollowUps = []questions.FollowUp{
		{Text: "How would you stop it coming back?", KeyPoints: own},
		{Text: "What if the list is paginated?"},
	}
	a := feedback.NewAnalyzer(nil)
	answer := "I would add select_related on the author, then check the query count in a test so it cannot come back."

	q, ok := FollowUp(&parent, map[string]bool{})
	if !ok || q.Text != parent.FollowUps[0].Text || q.Time != parent.Time/2 {
		t.Fatalf("follow-up %+v", q)
	}
	// Judged on its own key points, never the parent's, and never its outline.
	if len(q.KeyPoints) != 1 || q.KeyPoints[0].Point != own[0].Point || q.Outline != "" {
		t.Fatalf("the follow-up has key points %+v, outline %q", q.KeyPoints, q.Outline)
	}
	if r := a.Analyze(q, answer); !hasDimension(r, "Key points") {
		t.Fatalf("a follow-up with key points of its own is not scored on them: %+v", r.Dimensions)
	}

	q2, ok := FollowUp(&parent, map[string]bool{parent.FollowUps[0].Text: true})
	if !ok || q2.Text != parent.FollowUps[1].Text || len(q2.KeyPoints) != 0 {
		t.Fatalf("second follow-up %+v", q2)
	}
	r := a.Analyze(q2, answer)
	if hasDimension(r, "Key points") {
		t.Fatalf("a follow-up without key points scored on key points: %+v", r.Dimensions)
	}
	if md := FeedbackMarkdown(q2, r); !strings.Contains(md, "No key points to check for this question") {
		t.Fatalf("the feedback should say why there are no key points:\n%s", md)
	}
	// A resumed follow-up, rebuilt from its text, gets its key points back.
	if again := AsFollowUp(&parent, q.ID, q.Text, q.Time); len(again.KeyPoints) != 1 {
		t.Fatalf("resumed follow-up has %d key points", len(again.KeyPoints))
	}
	if len(parent.KeyPoints) == 0 || parent.Outline == "" || q.ID == parent.ID || parent.Text == q.Text {
		t.Fatal("a follow-up must not alter its parent")
	}
	asked := map[string]bool{}
	for _, f := range parent.FollowUps {
		asked[f.Text] = true
	}
	if _, ok := FollowUp(&parent, asked); ok {
		t.Fatal("no follow-up is left once all were asked")
	}
}

func hasDimension(r feedback.Report, name string) bool {
	for _, d := range r.Dimensions {
		if d.Name == name {
			return true
		}
	}
	return false
}

func TestSummarizeAndExport(t *testing.T) {
	b := bank(t)
	cat, _ := skills.Load()
	a := feedback.NewAnalyzer(cat)
	q1, _ := b.Get("db-n-plus-one-queries")
	q2, _ := b.Get("beh-teamwork-tough-project")
	r1 := a.Analyze(q1, "The N+1 problem is when the ORM issues one query per row. We fixed it with a join and select_related in Django, from 301 queries to 2.")
	enc := func(r feedback.Report) string { j, _ := json.Marshal(r); return string(j) }
	start := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	setup := DefaultSetup()
	sess := store.Session{ID: 7, Mode: "practice", Role: "backend", Setup: setup.Encode(), StartedAt: start}
	attempts := []store.Attempt{
		{ID: 1, QuestionID: q1.ID, QuestionText: q1.Text, Kind: "technical", Category: "databases", Answer: "The N+1…",
			Limit: 6 * time.Minute, Used: 90 * time.Second, TimerMode: "strict", Overall: r1.Overall, Report: enc(r1)},
		{ID: 2, QuestionID: q2.ID, QuestionText: q2.Text, Kind: "behavioral", Category: "teamwork",
			Limit: 5 * time.Minute, Used: 5 * time.Second, TimerMode: "strict", Skipped: true, Report: "{}"},
	}
	s := Summarize(sess, attempts)
	if s.Answered != 1 || s.Skipped != 1 || s.Overall != (r1.Overall+1)/2 || s.TimeUsed != 95*time.Second {
		t.Fatalf("summary %+v", s)
	}
	if len(s.Improvements) == 0 || len(s.Improvements) > 3 || s.Improvements[0].Next == "" {
		t.Fatalf("improvements %+v", s.Improvements)
	}
	if len(s.Missed) != len(r1.Missed()) {
		t.Fatalf("missed %d, want %d", len(s.Missed), len(r1.Missed()))
	}
	md := s.Markdown()
	for _, want := range []string{"# Practice session", "overall", "## What would help most", "\n2. ", "skipped",
		"### 1. Question:", "**Your answer**", "- **Key points (40%): ", "- [x]"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	j, err := s.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(j, &back); err != nil || back["id"].(float64) != 7 || len(back["answers"].([]any)) != 2 {
		t.Fatalf("json: %v %v", err, back["id"])
	}
}

func TestSetupRoundTrip(t *testing.T) {
	s := DefaultSetup()
	s.Role, s.Count, s.Plan = questions.Platform, 8, []string{"a", "b"}
	got := DecodeSetup(s.Encode())
	if got.Role != questions.Platform || got.Count != 8 || len(got.Plan) != 2 || got.Reading != s.Reading {
		t.Fatalf("round trip: %+v", got)
	}
	if DecodeSetup(`{"mode":"karaoke"}`).Mode != Practice || DecodeSetup("not json").Count != 5 {
		t.Fatal("bad stored setups fall back to the default")
	}
	if s.Limit(90*time.Second) != 3*time.Minute {
		t.Fatalf("a typing allowance of 2 doubles the time: %v", s.Limit(90*time.Second))
	}
}

func TestExportCarriesTheCritique(t *testing.T) {
	at := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	sess := store.Session{ID: 3, Mode: "practice", Role: "backend", Setup: DefaultSetup().Encode(), StartedAt: at}
	whole := &store.LLMFeedback{Model: "llama3.1", Text: "## Gaps\n\n- No trade-offs.\n\nSCORES\ncorrectness: 4\ndepth: 2\ntrade-offs: 1\nclarity: 3\n",
		Complete: true, Scores: json.RawMessage(`[{"Name":"depth","Value":2}]`)}
	partial := &store.LLMFeedback{Model: "llama3.1", Text: "You started well, but"}
	attempts := []store.Attempt{
		{ID: 1, QuestionText: "What is an index?", Kind: "technical", Answer: "A sorted tree.", Report: "{}", Critique: whole},
		{ID: 2, QuestionText: "Why?", Kind: "technical", Answer: "Speed.", Report: "{}", Critique: partial},
	}
	md := Summarize(sess, attempts).Markdown()
	for _, want := range []string{"**Critique from llama3.1**", "> - No trade-offs.", "The model's scores: correctness 4/5 · depth 2/5 · trade-offs 1/5 · clarity 3/5",
		"*(stopped before the end)*", "> You started well, but"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "SCORES") {
		t.Error("the raw score block is in the report")
	}
	if strings.Contains(md, "Scores unavailable") {
		t.Error("a critique cut short is said to have ignored the score format")
	}
	j, _ := Summarize(sess, attempts).JSON()
	if !strings.Contains(string(j), `"critique": {`) || !strings.Contains(string(j), `"scores": [`) {
		t.Fatalf("json lacks the critique:\n%s", j)
	}
	// one JSON style: snake_case keys, durations in seconds
	for _, bad := range []string{`"SessionID"`, `"Limit"`, `"QuestionID"`, `"time_used_ns"`, `"reading":`} {
		if strings.Contains(string(j), bad) {
			t.Errorf("json has %s:\n%s", bad, j)
		}
	}
	for _, want := range []string{`"session_id"`, `"limit_seconds"`, `"time_used_seconds"`, `"reading_seconds"`} {
		if !strings.Contains(string(j), want) {
			t.Errorf("json lacks %s", want)
		}
	}
}

// An answer is shown as written: markdown in it is text, so a bullet, a
// pipe or a star does not become a list, a table or emphasis.
func TestQuoteTextShowsAnswersAsWritten(t *testing.T) {
	got := QuoteText("I listed the risks:\n* Stored XSS | puts <script> in *bold*\n- escape output\n1. review\n\n# not a heading")
	want := "> I listed the risks:  \n> \\* Stored XSS \\| puts \\<script\\> in \\*bold\\*  \n> \\- escape output  \n> 1\\. review  \n>\n> \\# not a heading  \n"
	if got != want {
		t.Fatalf("QuoteText:\n%q\nwant\n%q", got, want)
	}
}
