package resume

import (
	"errors"
	"slices"
	"testing"

	"github.com/coach-tui/coach/questions"
)

func questionIDs(qs []*questions.Question) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return out
}

func TestQuestionsForPosting(t *testing.T) {
	text := readFixture(t, "postings/backend-go.txt")
	p, qs, err := QuestionsForPosting(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p == nil || len(p.Keywords) == 0 {
		t.Fatalf("no keywords found in the Go backend posting: %+v", p)
	}
	if len(qs) != 6 {
		t.Fatalf("%d questions, want the default 6: %v", len(qs), questionIDs(qs))
	}
	wanted := map[string]bool{}
	for _, k := range p.Keywords {
		wanted[k.Skill] = true
	}
	seen := map[string]bool{}
	kinds := map[questions.Kind]bool{}
	for _, q := range qs {
		if q.Kind == questions.AskInterviewer {
			t.Errorf("%s is a question to ask the interviewer", q.ID)
		}
		if seen[q.ID] {
			t.Errorf("%s picked twice", q.ID)
		}
		seen[q.ID] = true
		kinds[q.Kind] = true
		if !slices.ContainsFunc(q.Tags, func(tag string) bool { return wanted[tag] }) {
			t.Errorf("%s (tags %v) practises none of the posting's skills", q.ID, q.Tags)
		}
	}
	if len(kinds) < 2 {
		t.Errorf("the kinds do not vary: %v", kinds)
	}
	// The heaviest skill the bank has questions for comes first.
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range p.Keywords {
		if len(bank.Filter(questions.Filter{Tags: []string{k.Skill}})) > 0 {
			if !qs[0].HasTag(k.Skill) {
				t.Errorf("the first question %s (tags %v) is not on the heaviest skill %s", qs[0].ID, qs[0].Tags, k.Skill)
			}
			break
		}
	}

	// Deterministic, and n is respected.
	_, again, err := QuestionsForPosting(text, Options{Bank: bank})
	if err != nil || !slices.Equal(questionIDs(again), questionIDs(qs)) {
		t.Fatalf("second run %v (%v), first %v", questionIDs(again), err, questionIDs(qs))
	}
	_, three, err := QuestionsForPosting(text, Options{BankQuestions: 3})
	if err != nil || len(three) != 3 || !slices.Equal(questionIDs(three), questionIDs(qs[:3])) {
		t.Fatalf("n=3: %v (%v), want the first three of %v", questionIDs(three), err, questionIDs(qs))
	}
}

// The questions are those a review picks for a resume that names none of
// the posting's skills: one selection, not two.
func TestQuestionsForPostingMatchReview(t *testing.T) {
	text := readFixture(t, "postings/senior-backend.md")
	_, qs, err := QuestionsForPosting(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Review(FromText("blank.txt", "A. Person\n"), text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Keywords.Matched) != 0 {
		t.Fatalf("the blank resume matched %v", r.Keywords.Matched)
	}
	var fromReview []string
	for _, l := range r.Questions {
		if l.Source == "bank" {
			fromReview = append(fromReview, l.ID)
		}
	}
	if len(qs) == 0 || !slices.Equal(questionIDs(qs), fromReview) {
		t.Fatalf("for the posting %v, the review %v", questionIDs(qs), fromReview)
	}
}

// noSkills is a posting that names no skill from the taxonomy, not even
// a soft one (the pastry chef's asks for teamwork and communication).
const noSkills = "Dog walker\n\nWalk three friendly dogs around the park twice a day, in any weather.\nYou will need a bicycle and a love of dogs.\n"

func TestQuestionsForPostingWithoutSkills(t *testing.T) {
	p, qs, err := QuestionsForPosting(noSkills, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Keywords) != 0 || len(qs) != 0 {
		t.Fatalf("a posting naming no skill got keywords %v and questions %v", p.Keywords, questionIDs(qs))
	}
	if _, _, err := QuestionsForPosting(" \n\t", Options{}); !errors.Is(err, ErrEmptyPosting) {
		t.Fatalf("empty posting: %v", err)
	}
}

func TestPostingQuestionRole(t *testing.T) {
	for _, tt := range []struct {
		p    *Posting
		want questions.Role
		ok   bool
	}{
		{&Posting{Role: "sre"}, questions.SRE, true},
		{&Posting{Role: ""}, "", false},
		{&Posting{Role: "pastry-chef"}, "pastry-chef", false},
		{nil, "", false},
	} {
		if r, ok := tt.p.QuestionRole(); r != tt.want || ok != tt.ok {
			t.Errorf("%+v: %q %v, want %q %v", tt.p, r, ok, tt.want, tt.ok)
		}
	}
}
