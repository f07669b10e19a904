package resume

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The fields fixtures were written by a helper who never saw the review's
// rules: ten postings from ten fields and six resumes, with the helper's
// own judgement of each pair in EXPECTATIONS.md.
var fieldsNow = time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)

var fieldPostings = []string{"backend", "frontend", "ml", "data", "mobile", "embedded", "security", "sre", "pm", "nurse"}
var fieldResumes = []string{"backend", "frontend", "ml", "data", "sre", "nurse"}

// partialFits are the pairs the helper called a partial fit; every other
// pair of different fields is unrelated.
var partialFits = map[[2]string]bool{
	{"backend", "sre"}: true, {"backend", "data"}: true, {"frontend", "mobile"}: true,
	{"ml", "data"}: true, {"sre", "backend"}: true,
}

func fieldPosting(t testing.TB, field string) string {
	t.Helper()
	name := "fields/posting-" + field + ".md"
	if field == "nurse" {
		name = "fields/posting-nurse.txt"
	}
	return readFixture(t, name)
}

func fieldResume(t testing.TB, field string) Document {
	t.Helper()
	doc, err := ReadFile(filepath.Join("testdata", "fields", "resume-"+field+".md"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func fieldReview(t testing.TB, resumeField, postingField string) *Report {
	t.Helper()
	r, err := Review(fieldResume(t, resumeField), fieldPosting(t, postingField), Options{Now: fieldsNow})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The resume for a field scores at least 60 against its posting, and at
// most 25 against a posting from a field it has nothing to do with.
func TestFieldsMatrix(t *testing.T) {
	var b strings.Builder
	fmt.Fprintf(&b, "%-9s", "")
	for _, p := range fieldPostings {
		fmt.Fprintf(&b, "%9s", p)
	}
	for _, rf := range fieldResumes {
		fmt.Fprintf(&b, "\n%-9s", rf)
		for _, pf := range fieldPostings {
			r := fieldReview(t, rf, pf)
			mark := " "
			if r.Capped {
				mark = "*"
			}
			fmt.Fprintf(&b, "%8d%s", r.Score, mark)
			switch {
			case rf == pf && r.Score < 60:
				t.Errorf("%s resume against its own posting: %d, want at least 60", rf, r.Score)
			case rf != pf && !partialFits[[2]string{rf, pf}] && r.Score > 25:
				t.Errorf("%s resume against the %s posting: %d, want at most 25", rf, pf, r.Score)
			}
		}
	}
	t.Logf("scores (* capped by a missing hard requirement):\n%s", b.String())
}

func keywordNamed(ks []Keyword, name string) *Keyword {
	for i := range ks {
		if strings.EqualFold(ks[i].Name, name) || strings.EqualFold(ks[i].MatchedAs, name) {
			return &ks[i]
		}
		for _, a := range ks[i].Alternatives {
			if strings.EqualFold(a, name) {
				return &ks[i]
			}
		}
	}
	return nil
}

// Keywords come from the posting's own words when coach's skill list does
// not know them.
func TestKeywordsFromThePostingsOwnWords(t *testing.T) {
	m := matcher(t)
	for field, want := range map[string][]string{
		"ml":       {"PyTorch", "MLflow", "SageMaker", "Feast"},
		"nurse":    {"RN", "BLS", "ACLS", "Epic"},
		"data":     {"Snowflake", "Looker", "Databricks"},
		"embedded": {"RTOS"},
		"mobile":   {"Swift", "SwiftUI"},
	} {
		p := m.AnalyzePosting(fieldPosting(t, field))
		for _, name := range want {
			if keywordNamed(p.Keywords, name) == nil {
				var got []string
				for _, k := range p.Keywords {
					got = append(got, k.Name)
				}
				t.Errorf("%s posting: no keyword %q in %v", field, name, got)
			}
		}
	}
	// the company and its city are not skills
	p := m.AnalyzePosting(fieldPosting(t, "sre"))
	if k := keywordNamed(p.Keywords, "Parcelwise"); k != nil {
		t.Errorf("the company became a keyword: %+v", k)
	}
	r := fieldReview(t, "nurse", "nurse")
	if note := r.SourceNote(); note == "" {
		t.Error("a nursing posting's keywords come from its own words, and the report does not say so")
	}
}
