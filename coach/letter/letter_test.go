package letter

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/coach-tui/coach/coach/llm/prompts"
	"github.com/coach-tui/coach/coach/resume"
)

var matcher = func() *resume.Matcher {
	m, err := resume.DefaultMatcher()
	if err != nil {
		panic(err)
	}
	return m
}()

// pair is a resume and a posting from the testdata.
type pair struct{ resume, posting string }

func facts(t *testing.T, p pair) (*resume.Facts, string, string) {
	t.Helper()
	doc, err := resume.ReadFile(p.resume)
	if err != nil {
		t.Fatal(err)
	}
	post, err := os.ReadFile(p.posting)
	if err != nil {
		t.Fatal(err)
	}
	f, err := resume.LetterFacts(doc, string(post), resume.Options{Matcher: matcher})
	if err != nil {
		t.Fatalf("%s against %s: %v", p.resume, p.posting, err)
	}
	return f, doc.Text, string(post)
}

// Five roles from the review's fixtures and the two independent sets:
// every pair, in every template.
func pairs(t *testing.T) []pair {
	fx := "../resume/testdata/"
	ps := []pair{
		{fx + "resumes/go-backend.md", fx + "postings/backend-go.txt"},
		{fx + "resumes/sre.txt", fx + "postings/sre.md"},
		{fx + "resumes/devops.txt", fx + "postings/devops.txt"},
		{fx + "resumes/fullstack.md", fx + "postings/fullstack.md"},
		{fx + "resumes/cloud-architect.md", fx + "postings/cloud-architect.md"},
		{fx + "resumes/go-backend.md", fx + "postings/senior-backend.md"},
		{fx + "resumes/sre.txt", fx + "postings/platform.txt"},
	}
	for _, set := range []string{"testdata/eval/", "testdata/heldout/"} {
		rs, _ := filepath.Glob(set + "resumes/*")
		posts, _ := filepath.Glob(set + "postings/*")
		if len(rs) < 8 || len(posts) < 10 {
			t.Fatalf("the evaluation set %s is missing: %d resumes, %d postings", set, len(rs), len(posts))
		}
		for i, r := range rs {
			// each resume against three postings, spread over the set
			for k := 0; k < 3; k++ {
				ps = append(ps, pair{r, posts[(i*3+k*5)%len(posts)]})
			}
		}
	}
	return ps
}

var (
	doubled  = regexp.MustCompile(`\.\.(\s|$)|\s,|  |\(\s|\s\)`)
	sentence = regexp.MustCompile(`(?m)^[^\[\-].*[a-z0-9)]$`) // a paragraph line that ends without a stop
)

// The letter's promises, for every pair and template: 250 to 400 words,
// the role and the company (or [Company]) named, the hiring manager left
// in brackets, every figure one the resume or the posting has, results
// quoted with their figures exactly, and well-formed prose.
func TestLettersKeepTheirPromises(t *testing.T) {
	for _, p := range pairs(t) {
		f, resumeText, postingText := facts(t, p)
		for _, tpl := range Templates {
			l := Write(f, tpl)
			name := filepath.Base(p.resume) + " × " + filepath.Base(p.posting) + " (" + string(tpl) + ")"
			if l.Words < MinWords || l.Words > MaxWords {
				t.Errorf("%s: %d words\n%s", name, l.Words, l.Text)
			}
			if inv := prompts.Invented(l.Text, resumeText, postingText); len(inv) > 0 {
				t.Errorf("%s: figures in neither file: %v\n%s", name, inv, l.Text)
			}
			company := f.Posting.Company
			if company == "" {
				company = companyBlank
			}
			for _, want := range []string{hiringManager, company, roleName(f.Posting.Title, f.Posting.Company)} {
				if !strings.Contains(l.Text, want) {
					t.Errorf("%s: does not name %q\n%s", name, want, l.Text)
				}
			}
			for _, a := range l.Used.Achievements {
				if a.Figure != "" && !strings.Contains(l.Text, a.Figure) {
					t.Errorf("%s: the result's figure %q is not quoted as written", name, a.Figure)
				}
			}
			if m := doubled.FindString(l.Text); m != "" {
				t.Errorf("%s: malformed prose %q\n%s", name, m, l.Text)
			}
			for _, line := range sentence.FindAllString(l.Text, -1) {
				if line != f.Profile.Name && !strings.Contains(line, "@") && !strings.HasPrefix(line, "Dear") {
					t.Errorf("%s: a paragraph without a full stop: %q", name, line)
				}
			}
			if tpl == CareerChange && !strings.Contains(l.Text, "[Say in a sentence or two why you are changing career") {
				t.Errorf("%s: the career change letter does not leave the why to the candidate", name)
			}
		}
	}
}

// A letter and its facts are the same every time.
func TestLettersAreDeterministic(t *testing.T) {
	p := pairs(t)[0]
	f1, _, _ := facts(t, p)
	f2, _, _ := facts(t, p)
	if a, b := Write(f1, Auto).Text, Write(f2, Auto).Text; a != b {
		t.Fatalf("two runs differ:\n%s\n---\n%s", a, b)
	}
}

// Every headline fits LinkedIn's limit and invents nothing; the summary
// is three sentences.
func TestHeadlinesFitAndInventNothing(t *testing.T) {
	for _, p := range pairs(t) {
		f, resumeText, postingText := facts(t, p)
		doc, _ := resume.ReadFile(p.resume)
		alone, err := resume.ResumeFacts(doc, resume.Options{Matcher: matcher})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range []*Headlines{WriteHeadlines(f), WriteHeadlines(alone)} {
			if len(h.Headlines) != 3 {
				t.Errorf("%s: %d headlines: %q", p.resume, len(h.Headlines), h.Headlines)
			}
			for _, l := range h.Headlines {
				if n := len([]rune(l)); n > MaxHeadline || n < 10 {
					t.Errorf("%s: headline of %d characters: %q", p.resume, n, l)
				}
			}
			all := strings.Join(append(h.Headlines, h.Summary), "\n")
			if inv := prompts.Invented(all, resumeText, postingText); len(inv) > 0 {
				t.Errorf("%s: figures in neither file: %v\n%s", p.resume, inv, all)
			}
			if n := strings.Count(h.Summary, ". ") + 1; n < 2 || n > 3 || !strings.HasSuffix(h.Summary, ".") {
				t.Errorf("%s: the summary is not two or three sentences: %q", p.resume, h.Summary)
			}
		}
	}
}

// A career change with none of the posting's keywords on the resume does
// not claim that its skills are the ones asked for.
func TestCareerChangeClaimsOnlyWhatTheResumeShows(t *testing.T) {
	f, _, _ := facts(t, pair{"../resume/testdata/resumes/go-backend.md", "../resume/testdata/fields/posting-nurse.txt"})
	l := Write(f, Auto)
	if l.Template != CareerChange || len(f.Skills) != 0 {
		t.Fatalf("template %s, skills %v", l.Template, f.Skills)
	}
	if strings.Contains(l.Text, "ones I have already used") || strings.Contains(l.Text, "shows each") || strings.Contains(l.Text, "skills that carry over") {
		t.Errorf("a claim the resume does not back:\n%s", l.Text)
	}
}
