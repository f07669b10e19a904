package letter

import (
	"errors"
	"strings"
	"testing"

	"github.com/coach-tui/coach/coach/resume"
)

// Text nobody here wrote: escape sequences in the posting and the resume
// never reach the letter, and a posting that is not one is refused with
// the reason.
func TestHostileInputs(t *testing.T) {
	doc := resume.FromText("pasted", "# Tomas \x1b[31mLindqvist\x1b[0m\n\nBackend Engineer\n\n## Experience\n\n### Backend Engineer — Fjordline 👨‍👩‍👧‍👦 Logistics\n\n2019 – Present\n\n- Cut p95 latency from 900 ms to 120 ms with \x1b]52;c;ZXZpbA==\x07 PostgreSQL indexes.\n")
	posting := "Backend Engineer \x1b]0;pwned\x07\n\nAcme Robotics builds arms.\n\nWhat you'll do\n- Build \x1b[2J services in Go and PostgreSQL.\n- Design APIs.\n\nRequirements\n- Go\n- PostgreSQL\n"
	f, err := resume.LetterFacts(doc, posting, resume.Options{Matcher: matcher})
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range Templates {
		l := Write(f, tpl)
		if strings.ContainsAny(l.Text, "\x1b\x07") {
			t.Fatalf("%s: an escape sequence reached the letter: %q", tpl, l.Text)
		}
		if !strings.Contains(l.Text, "900 ms to 120 ms") || !strings.Contains(l.Text, "Acme Robotics") {
			t.Errorf("%s: the letter lost its facts:\n%s", tpl, l.Text)
		}
	}
	for _, c := range []struct {
		posting string
		want    error
	}{
		{"", resume.ErrEmptyPosting},
		{"   \n\t ", resume.ErrEmptyPosting},
		{"PK\x03\x04\x00\x00binary", resume.ErrPostingNotText},
	} {
		if _, err := resume.LetterFacts(doc, c.posting, resume.Options{Matcher: matcher}); !errors.Is(err, c.want) {
			t.Errorf("%q: %v, want %v", c.posting, err, c.want)
		}
	}
	huge := strings.Repeat("Build services in Go. ", 5<<20/22)
	if _, err := resume.LetterFacts(doc, huge, resume.Options{Matcher: matcher}); err == nil || !strings.Contains(err.Error(), "MB") {
		t.Errorf("5 MB posting: %v", err)
	}
	if _, err := resume.ResumeFacts(resume.FromText("empty", " \n "), resume.Options{Matcher: matcher}); !errors.Is(err, resume.ErrEmptyResume) {
		t.Errorf("empty resume: %v", err)
	}
}
