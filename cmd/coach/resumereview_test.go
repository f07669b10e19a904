package main

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/coach-tui/coach/cmd/coach/internal/termtest"
	"github.com/coach-tui/coach/coach/resume"
)

const (
	reviewFixtures = "../../coach/resume/testdata"
	seniorPosting  = reviewFixtures + "/postings/senior-backend.md"
)

// runCLIWithInput runs coach in-process with stdin.
func runCLIWithInput(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = execute(args, streams{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

// writeExample writes the example resume to a temporary .md file.
func writeExample(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sarah.md")
	if err := os.WriteFile(path, []byte(resume.ExampleTemplate()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// testPDF writes a PDF: text lines in one column, or, with no lines, one
// picture and no text at all (a scan).
func testPDF(t *testing.T, name string, lines ...string) string {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	tr := p.UnicodeTranslatorFromDescriptor("")
	p.AddPage()
	if len(lines) == 0 {
		var img bytes.Buffer
		png.Encode(&img, image.NewGray(image.Rect(0, 0, 50, 70)))
		p.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, &img)
		p.ImageOptions("scan", 10, 10, 190, 0, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	p.SetFont("Helvetica", "", 10)
	for i, l := range lines {
		p.Text(15, 20+5*float64(i), tr(l))
	}
	path := filepath.Join(t.TempDir(), name)
	if err := p.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// Piped output is the markdown report, the same one the domain writes.
func TestResumeReviewMarkdown(t *testing.T) {
	cliEnv(t)
	path := writeExample(t)
	code, out, errOut := runCLI(t, "resume", "review", path, "--job", seniorPosting)
	if code != 0 {
		t.Fatalf("status %d: %s", code, errOut)
	}
	doc, _ := resume.ReadFile(path)
	posting, _ := os.ReadFile(seniorPosting)
	want, err := resume.Review(doc, string(posting), resume.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out != want.Markdown() {
		t.Fatalf("stdout is not the markdown report:\n%s", out)
	}
	for _, s := range []string{"# Resume review: sarah.md", "## Score: ", "## Likely interview questions"} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q", s)
		}
	}
}

func TestResumeReviewJSON(t *testing.T) {
	cliEnv(t)
	code, out, errOut := runCLI(t, "resume", "review", writeExample(t), "--job", seniorPosting, "--json")
	if code != 0 {
		t.Fatalf("status %d: %s", code, errOut)
	}
	var r struct {
		Schema    int     `json:"schema"`
		Score     int     `json:"score"`
		Relevance float64 `json:"relevance"`
		Breakdown []struct {
			Part   string  `json:"part"`
			Weight int     `json:"weight"`
			Score  int     `json:"score"`
			Points float64 `json:"points"`
		} `json:"breakdown"`
		Keywords struct {
			Coverage float64 `json:"coverage"`
			Matched  []struct {
				Skill   string   `json:"skill"`
				FoundIn []string `json:"found_in"`
			} `json:"matched"`
			Missing []struct {
				Skill   string `json:"skill"`
				Belongs string `json:"belongs"`
			} `json:"missing"`
		} `json:"keywords"`
		PlainText struct {
			Text string `json:"text"`
		} `json:"plain_text"`
		Questions []struct {
			Text, Kind, Source string
		} `json:"questions"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Schema != resume.SchemaVersion || r.Score < 70 || len(r.Breakdown) != 5 || r.Breakdown[0].Part != "keywords" {
		t.Errorf("schema %d score %d breakdown %+v", r.Schema, r.Score, r.Breakdown)
	}
	if len(r.Keywords.Matched) == 0 || len(r.Keywords.Matched[0].FoundIn) == 0 || len(r.Keywords.Missing) == 0 || r.Keywords.Missing[0].Belongs == "" {
		t.Errorf("keywords %+v", r.Keywords)
	}
	if !strings.Contains(r.PlainText.Text, "Sarah Chen") || len(r.Questions) == 0 || r.Questions[0].Source != "bank" {
		t.Errorf("plain text or questions missing")
	}
}

// The posting can come from standard input.
func TestResumeReviewPostingFromStdin(t *testing.T) {
	cliEnv(t)
	posting, _ := os.ReadFile(seniorPosting)
	code, out, errOut := runCLIWithInput(t, string(posting), "resume", "review", writeExample(t), "--job", "-")
	if code != 0 || !strings.Contains(out, "Against **Senior Backend Engineer, Payments Platform**") {
		t.Fatalf("status %d, stderr %q\n%s", code, errOut, out)
	}
	code, _, errOut = runCLIWithInput(t, "  \n", "resume", "review", writeExample(t), "--job", "-")
	if code != 1 || !strings.Contains(errOut, "job posting standard input: the job posting is empty") {
		t.Fatalf("empty stdin: status %d, stderr %q", code, errOut)
	}
}

// A generated PDF is reviewed like any other file.
func TestResumeReviewPDF(t *testing.T) {
	cliEnv(t)
	lines := strings.Split(readFile(t, reviewFixtures+"/resumes/devops.txt"), "\n")
	path := testPDF(t, "amara.pdf", lines...)
	code, out, errOut := runCLI(t, "resume", "review", path, "--job", reviewFixtures+"/postings/devops.txt", "--json")
	if code != 0 {
		t.Fatalf("status %d: %s", code, errOut)
	}
	var r resume.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Resume.Format != resume.PDF || r.Resume.Pages != 1 || r.Score < 70 || !strings.Contains(r.PlainText.Text, "AMARA OKAFOR") {
		t.Fatalf("%+v score %d", r.Resume, r.Score)
	}
}

// Unreadable input: status 1 and one line that names the file and says
// why; usage mistakes: status 2.
func TestResumeReviewErrors(t *testing.T) {
	root := cliEnv(t)
	scan := testPDF(t, "scan.pdf")
	odd := filepath.Join(root, "cv.pages")
	os.WriteFile(odd, []byte("x"), 0o644)
	example := writeExample(t)
	elf := filepath.Join(root, "posting")
	os.WriteFile(elf, append([]byte("\x7fELF\x02\x01\x01\x00"), make([]byte, 4096)...), 0o644)
	huge := filepath.Join(root, "huge.txt")
	os.WriteFile(huge, []byte(strings.Repeat("- Built a Go service that served 3,000 requests a second.\n", 90000)), 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"resume", "review", example, "--job", elf}, 1, "job posting " + elf + ": the job posting is not text (it looks like a binary file)"},
		{[]string{"resume", "review", huge, "--job", seniorPosting}, 1, "huge.txt: is 5.0 MB of text, more than the 1.0 MB (about 20 pages) a resume could be"},
		{[]string{"resume", "review", filepath.Join(root, "missing.pdf"), "--job", seniorPosting}, 1, "missing.pdf: no such file"},
		{[]string{"resume", "review", scan, "--job", seniorPosting}, 1, "scan.pdf: no text could be extracted: it looks like a scanned image"},
		{[]string{"resume", "review", odd, "--job", seniorPosting}, 1, "cv.pages: unsupported file type .pages"},
		{[]string{"resume", "review", example, "--job", filepath.Join(root, "nope.txt")}, 1, "job posting " + filepath.Join(root, "nope.txt") + ": no such file"},
		{[]string{"resume", "review", example}, 2, "--job is required"},
		{[]string{"resume", "review", "--job", seniorPosting}, 2, "accepts 1 arg"},
		{[]string{"resume", "review", example, example, "--job", seniorPosting}, 2, "accepts 1 arg"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: status %d, stderr %q; want %d and %q", tt.args[2:], code, errOut, tt.code, tt.want)
		}
		if out != "" {
			t.Errorf("%v: stdout %q on an error", tt.args[2:], out)
		}
		if tt.code == 1 && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: the reason should be one line: %q", tt.args[2:], errOut)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var ansiSeq = regexp.MustCompile(`\x1b\[[0-9;?]*[a-zA-Z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)`)

// End to end: the built binary, in a real terminal, reviews a generated
// PDF and renders the report with glamour rather than printing markdown.
func TestE2EResumeReview(t *testing.T) {
	env, _ := isolated(t)
	lines := strings.Split(readFile(t, reviewFixtures+"/resumes/sre.txt"), "\n")
	pdf := testPDF(t, "dmitri.pdf", lines...)
	posting, _ := filepath.Abs(reviewFixtures + "/postings/sre.md")
	tm := termtest.Start(t, coachBin, termtest.Options{Width: 100, Height: 40, Env: env,
		Args: []string{"resume", "review", pdf, "--job", posting}})
	if code := tm.WaitExit(waitLong); code != 0 {
		t.Fatalf("exit status %d:\n%s", code, tm.Screen())
	}
	out := ansiSeq.ReplaceAllString(tm.Output(), "")
	for _, want := range []string{"Resume review: dmitri.pdf", "Score:", "Keyword coverage", "What an ATS extracts", "Likely interview questions"} {
		if !strings.Contains(out, want) {
			t.Errorf("terminal output lacks %q", want)
		}
	}
	if strings.Contains(out, "|---|") {
		t.Error("tables were printed as markdown on a terminal, not rendered")
	}
}
