package resume

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const knockoutResume = `# Ana Ruiz
Austin, TX · ana@example.com · 555-0100

## Experience
### Backend Engineer, Lumen · Mar 2021 – Present
- Built a Go payments API on PostgreSQL serving 3,000 requests a second.
### Software Engineer, Corvid · Jun 2018 – Feb 2021
- Cut Kafka consumer lag by 80% by batching commits.

## Education
B.S. in Computer Science, UT Austin, 2018

## Certifications
Certified Kubernetes Administrator (CKA)
`

func requirementsFor(t *testing.T, posting string) []Requirement {
	t.Helper()
	r, err := Review(FromText("ana.md", knockoutResume), posting, Options{Now: fieldsNow})
	if err != nil {
		t.Fatal(err)
	}
	return r.Requirements
}

func TestKnockoutRequirements(t *testing.T) {
	tests := []struct {
		line   string
		kind   string
		hard   bool
		status string
	}{
		{"- 5+ years of backend experience", "years", true, Met},            // Jun 2018 to Dec 2026
		{"- 10+ years of professional experience", "years", true, NotFound}, // 8.5 years
		{"- Master's degree in Computer Science", "degree", true, NotFound},
		{"- BS in Computer Science or equivalent experience", "degree", false, Met},
		{"- CKA or CKAD certification", "certification", true, Met},
		{"- CISSP certification", "certification", true, NotFound},
		{"- Certified Kubernetes Application Developer (CKAD) certification", "certification", true, NotFound}, // the resume has CKA, not CKAD
		{"- Active Secret clearance", "clearance", true, NotFound},
		{"- Must be authorized to work in the US", "work_authorisation", false, CantTell},
		{"- On-site in Austin three days a week", "location", false, Met},
		{"- Hybrid, in our Denver office", "location", false, CantTell},
	}
	for _, tt := range tests {
		reqs := requirementsFor(t, "Backend Engineer\n\nRequirements:\n"+tt.line+"\n- Go and PostgreSQL\n")
		var got *Requirement
		for i := range reqs {
			if reqs[i].Kind == tt.kind {
				got = &reqs[i]
			}
		}
		if got == nil {
			t.Errorf("%q: no %s requirement in %+v", tt.line, tt.kind, reqs)
			continue
		}
		if got.Hard != tt.hard || got.Status != tt.status || got.Line != 4 {
			t.Errorf("%q: hard %v, %s, line %d (%s); want hard %v, %s, line 4", tt.line, got.Hard, got.Status, got.Line, got.Detail, tt.hard, tt.status)
		}
	}
	// a credential is a whole word: CKAD on the resume is not the CKA asked for
	ckad := strings.Replace(knockoutResume, "Certified Kubernetes Administrator (CKA)", "CKAD", 1)
	r, _ := Review(FromText("ana.md", ckad), "Engineer\n\nRequirements:\n- CKA certification\n", Options{Now: fieldsNow})
	if len(r.Requirements) != 1 || r.Requirements[0].Status != NotFound {
		t.Errorf("CKA asked, CKAD held: %+v", r.Requirements)
	}
	// a nice-to-have is never hard, and a resume without dates can't tell
	reqs := requirementsFor(t, "Engineer\n\nNice to have:\n- AWS Certified Solutions Architect\n")
	if len(reqs) != 1 || reqs[0].Hard {
		t.Errorf("a preferred certification: %+v", reqs)
	}
	r, _ = Review(FromText("x.md", "Jo\n\n## Experience\n- Built things in Go"), "Engineer\n\nRequirements:\n- 3+ years of Go experience\n", Options{Now: fieldsNow})
	if len(r.Requirements) != 1 || r.Requirements[0].Status != CantTell {
		t.Errorf("years with no dates: %+v", r.Requirements)
	}
}

func TestAMissingHardRequirementCapsTheScore(t *testing.T) {
	posting := readFixture(t, "postings/senior-backend.md")
	doc := FromText("example.md", ExampleTemplate())
	free, _ := Review(doc, posting, Options{Now: fieldsNow})
	if free.Score <= KnockoutCap || free.Capped {
		t.Fatalf("the example resume scores %d (capped %v) without the clearance; the test needs it above %d", free.Score, free.Capped, KnockoutCap)
	}
	capped, _ := Review(doc, strings.Replace(posting, "\n", "\n\nRequirements:\n- Must hold an active Top Secret clearance\n", 1), Options{Now: fieldsNow})
	if capped.Score != KnockoutCap || !capped.Capped {
		t.Fatalf("with a clearance it lacks: %d, capped %v", capped.Score, capped.Capped)
	}
	md := capped.Markdown()
	for _, want := range []string{"**Capped at 60**", "✗ **Clearance** (hard)"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if capped.Findings[0].Part != "requirements" {
		t.Errorf("the first thing to change is not the missing requirement: %+v", capped.Findings[0])
	}
}

func TestExperienceYearsCountOverlapsOnce(t *testing.T) {
	p := parseResume(FromText("r.md", "## Experience\nA · 2015 – 2018\nB · Jan 2017 – Dec 2019\nC · 03/2021 - Present\n"))
	years, dated := experienceYears(p, time.Date(2026, time.February, 15, 0, 0, 0, 0, time.UTC))
	// 2015-01..2019-12 is 60 months, 2021-03..2026-02 is 60 more
	if !dated || years != 10 {
		t.Errorf("%.2f years (dated %v), want 10", years, dated)
	}
}

func TestAlternativesAreOneRequirement(t *testing.T) {
	m := matcher(t)
	tests := []struct {
		line string
		want []string // requirement names
	}{
		{"- Go or Java", []string{"Go or Java"}},
		{"- GitHub Actions/CircleCI", []string{"GitHub Actions or CircleCI"}},
		{"- IaC with tools such as Terraform, Pulumi, CloudFormation", []string{"Terraform or Pulumi or CloudFormation", "Infrastructure as code"}},
		{"- Python, Go, or Rust", []string{"Python or Go or Rust"}},
		{"- Go, Kafka and PostgreSQL", []string{"Go", "Apache Kafka", "PostgreSQL"}},
	}
	for _, tt := range tests {
		p := m.AnalyzePosting("Engineer\n\nRequirements:\n" + tt.line + "\n")
		var got []string
		for _, k := range p.Keywords {
			got = append(got, k.Name)
		}
		for _, w := range tt.want {
			if keywordNamed(p.Keywords, w) == nil || !strings.Contains(strings.Join(got, "|"), w) {
				t.Errorf("%q: keywords %q, want %q among them", tt.line, got, w)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: keywords %q, want %q", tt.line, got, tt.want)
		}
	}
	// "Go or Java" is met by Go, and Java is not reported missing
	r, _ := Review(FromText("r.md", knockoutResume), "Engineer\n\nRequirements:\n- Go or Java\n- GitHub Actions or CircleCI\n", Options{Now: fieldsNow})
	if k := keywordNamed(r.Keywords.Matched, "Go or Java"); k == nil || k.MatchedAs != "Go" {
		t.Errorf("Go or Java: matched %+v", r.Keywords.Matched)
	}
	for _, k := range r.Keywords.Missing {
		if strings.Contains(k.Name, "Java") {
			t.Errorf("Java is reported missing: %+v", k)
		}
		if k.Name == "GitHub Actions" && k.Mentions > 1 {
			t.Errorf("CircleCI counted as GitHub Actions: %+v", k)
		}
	}
}

// A spelling is an alias; a neighbouring tool is not.
func TestAliasesAreSpellingsInTheReview(t *testing.T) {
	m := matcher(t)
	for _, tt := range []struct{ posting, resume string }{
		{"FastAPI", "Built services in Flask."},
		{"GitHub Actions", "Pipelines in GitLab CI and CircleCI."},
		{"Helm", "Deployed with Kustomize."},
		{"Ansible", "Configured servers with Chef and Puppet."},
		{"Java", "Tuned JVM garbage collection."},
		{"Service mesh", "Ran Envoy at the edge."},
		{"Mentoring", "Ran onboarding for new hires."},
		{"Redis", "Cached sessions in ElastiCache."},
	} {
		r, _ := Review(FromText("r.md", "## Experience\n- "+tt.resume+"\n"), "Engineer\n\nRequirements:\n- "+tt.posting+"\n", Options{Matcher: m})
		if k := keywordNamed(r.Keywords.Matched, tt.posting); k != nil {
			t.Errorf("%q met by %q", tt.posting, tt.resume)
		}
	}
}

func TestRecruiterSearch(t *testing.T) {
	posting := "Engineer\n\nRequirements:\n- PostgreSQL\n- Kubernetes\n- Go\n"
	r, _ := Review(FromText("r.md", "## Experience\n- Ran Postgres on k8s with Go.\n"), posting, Options{})
	if r.Search.Found || len(r.Search.Missing) != 2 || !strings.Contains(r.Search.Detail, "“PostgreSQL”") || !strings.Contains(r.Search.Detail, "never writes") {
		t.Errorf("search: %+v", r.Search)
	}
	r, _ = Review(FromText("r.md", "## Experience\n- Ran PostgreSQL on Kubernetes with Go.\n"), posting, Options{})
	if !r.Search.Found {
		t.Errorf("search: %+v", r.Search)
	}
}

func TestBadPostingsAndHugeResumesAreRefused(t *testing.T) {
	doc := FromText("r.md", knockoutResume)
	elf := "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" + strings.Repeat("\x00\x10\xff\xfe", 200)
	if _, err := Review(doc, elf, Options{}); err != ErrPostingNotText {
		t.Errorf("a binary posting: %v", err)
	}
	if _, err := Review(doc, strings.Repeat("Go engineer wanted. ", 60000), Options{}); err == nil || !strings.Contains(err.Error(), "more than the 1.0 MB") {
		t.Errorf("a 1.1 MB posting: %v", err)
	}
	big := strings.Repeat("- Built a Go service that served 3,000 requests a second.\n", 90000) // 5 MB
	path := filepath.Join(t.TempDir(), "huge.md")
	if err := os.WriteFile(path, []byte(big), 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := ReadFile(path); err == nil || !strings.Contains(err.Error(), "huge.md: is 5.") || !strings.Contains(err.Error(), "about 20 pages") {
		t.Errorf("a 5 MB resume: %v", err)
	}
	if _, err := Review(FromText("pasted", big), "Go engineer", Options{}); err == nil {
		t.Error("a 5 MB pasted resume was reviewed")
	}
	t.Logf("refusing a 5 MB resume took %v", time.Since(start))
	emoji := "👨‍👩‍👧‍👦 Engineer 👍🏽\n\nRequirements:\n- Go or Rust 👍🏽 (👨‍👩‍👧‍👦 welcome)\n"
	if r, err := Review(doc, emoji, Options{}); err != nil || keywordNamed(r.Keywords.Matched, "Go or Rust") == nil {
		t.Errorf("emoji in a posting: %v", err)
	}
}
