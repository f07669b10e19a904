package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	sreResume  = reviewFixtures + "/resumes/sre.txt"
	srePosting = reviewFixtures + "/postings/sre.md"
)

// The letter on stdout as markdown when piped, as JSON with the facts it
// used, and saved whole with --out (refused over an existing file without
// --force).
func TestCoverLetterCommand(t *testing.T) {
	code, out, errOut := runCLIWithInput(t, "", "cover-letter", sreResume, "--job", srePosting, "--template", "classic")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"# Cover letter: Site Reliability Engineer at Quillstone Media", "classic template", "Dear [Hiring manager's name],", "Dmitri Volkov", "fill in:"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}

	if code, _, errOut = runCLIWithInput(t, "", "cover-letter", sreResume, "--job", "-"); code == 0 || !strings.Contains(errOut, "standard input: the job posting is empty") {
		t.Errorf("--job - with nothing on standard input: exit %d (%s)", code, errOut)
	}
	posting, _ := os.ReadFile(srePosting)
	code, out, errOut = runCLIWithInput(t, string(posting), "cover-letter", sreResume, "--job", "-", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var l struct {
		Schema   int    `json:"schema"`
		Template string `json:"template"`
		Text     string `json:"text"`
		Words    int    `json:"words"`
		Facts    struct {
			Company      string `json:"company"`
			Achievements []struct {
				Text string `json:"text"`
			} `json:"achievements"`
		} `json:"facts"`
		Source   string   `json:"source"`
		Invented []string `json:"invented"`
	}
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if l.Schema != 1 || l.Facts.Company != "Quillstone Media" || l.Words < 250 || l.Source != "offline" || l.Invented == nil || len(l.Facts.Achievements) < 2 {
		t.Errorf("JSON: %+v", l)
	}

	path := filepath.Join(t.TempDir(), "letter.md")
	if code, out, errOut = runCLIWithInput(t, "", "cover-letter", sreResume, "--job", srePosting, "--out", path); code != 0 || !strings.Contains(out, "Wrote "+path) {
		t.Fatalf("--out: exit %d, %q %q", code, out, errOut)
	}
	saved, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(saved), "Dear ") || strings.Contains(string(saved), "# Cover letter") {
		t.Errorf("the saved file is not the letter alone:\n%s", saved)
	}
	if code, _, errOut = runCLIWithInput(t, "", "cover-letter", sreResume, "--job", srePosting, "--out", path); code == 0 || !strings.Contains(errOut, "already exists") {
		t.Errorf("overwrote without --force: exit %d %q", code, errOut)
	}
	if code, _, errOut = runCLIWithInput(t, "", "cover-letter", sreResume, "--job", srePosting, "--out", path, "--force"); code != 0 {
		t.Errorf("--force: exit %d %q", code, errOut)
	}
}

// Bad input is refused with what and where.
func TestCoverLetterRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "posting.txt")
	os.WriteFile(binary, []byte("\x7fELF\x02\x01\x01\x00\x00\x00"), 0o644)
	empty := filepath.Join(dir, "empty.md")
	os.WriteFile(empty, []byte("  \n"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"cover-letter", sreResume}, "--job is required"},
		{[]string{"cover-letter", sreResume, "--job", srePosting, "--template", "fancy"}, `--template: unknown template "fancy"`},
		{[]string{"cover-letter", sreResume, "--job", binary}, "job posting " + binary + ": the job posting is not text"},
		{[]string{"cover-letter", empty, "--job", srePosting}, "empty.md: is empty"},
		{[]string{"cover-letter", filepath.Join(dir, "missing.pdf"), "--job", srePosting}, "missing.pdf: no such file"},
		{[]string{"headline", binary + ".docx"}, "no such file"},
	} {
		code, _, errOut := runCLIWithInput(t, "", c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, errOut, c.want)
		}
	}
}

func TestHeadlineCommand(t *testing.T) {
	code, out, errOut := runCLIWithInput(t, "", "headline", sreResume, "--job", reviewFixtures+"/postings/platform.txt", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var h struct {
		Headlines []string `json:"headlines"`
		Summary   string   `json:"summary"`
		Target    string   `json:"target"`
	}
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatal(err)
	}
	if len(h.Headlines) != 3 || h.Target != "Platform Engineer" || !strings.Contains(h.Summary, "Platform Engineer role") {
		t.Errorf("%+v", h)
	}
	code, out, _ = runCLIWithInput(t, "", "headline", sreResume)
	if code != 0 || !strings.Contains(out, "# Headlines") || !strings.Contains(out, "characters)") || !strings.Contains(out, "## Summary") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
