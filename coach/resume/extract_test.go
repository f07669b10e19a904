package resume

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReadTextFiles(t *testing.T) {
	doc := fixtureDoc(t, "go-backend.md")
	if doc.Format != Markdown || doc.Name != "go-backend.md" || !strings.Contains(doc.Text, "## Experience") || doc.Pages != 0 {
		t.Fatalf("md: %+v", doc.Format)
	}
	doc = fixtureDoc(t, "devops.txt")
	if doc.Format != Text || !strings.HasPrefix(doc.Text, "AMARA OKAFOR\n") {
		t.Fatalf("txt: %q", doc.Text[:20])
	}
}

// Unreadable input is an error that names the file and says why.
func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		path string
		want string
	}{
		{filepath.Join(dir, "missing.md"), "missing.md: no such file"},
		{write("cv.rtf", []byte("{\\rtf1}")), "cv.rtf: unsupported file type .rtf"},
		{write("cv", []byte("text")), "cv: no file extension"},
		{write("cv.doc", []byte("old")), "cv.doc: old Word .doc files are not supported"},
		{write("empty.txt", []byte(" \n\n")), "empty.txt: is empty"},
		{write("binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1}), "binary.txt: is not a text file"},
		{write("fake.pdf", []byte("just text named pdf")), "fake.pdf: is not a PDF file"},
		{write("broken.pdf", []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF")), "broken.pdf: not a readable PDF"},
		{write("fake.docx", []byte("not a zip")), "fake.docx: not a readable .docx file"},
		{write("nodoc.docx", zipOf(t, map[string]string{"other.xml": "<x/>"})), "nodoc.docx: not a readable .docx file (word/document.xml is missing)"},
		{mkdir(t, filepath.Join(dir, "folder.md")), "folder.md: is a folder, not a file"},
	}
	for _, tt := range tests {
		_, err := ReadFile(tt.path)
		var re *ReadError
		if err == nil || !errors.As(err, &re) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", filepath.Base(tt.path), err, tt.want)
		}
	}
}

// A resume is shown in a terminal: control characters become U+FFFD
// (and count as lost), and broken UTF-8 is repaired the same way.
func TestExtractCleansText(t *testing.T) {
	doc, err := Extract("cv.txt", []byte("\xef\xbb\xbfName\r\nBuilt \x1b[31mthings\x1b[0m\x03\r\nCaf\xe9\f"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "Name\nBuilt things\uFFFD\nCaf\uFFFD\n" {
		t.Fatalf("%q", doc.Text)
	}
	if pt := checkPlainText(parseResume(doc)); len(pt.Lost) != 2 {
		t.Fatalf("lost %+v", pt.Lost)
	}
}

// A text PDF reads back as the same lines; the review finds the same
// keywords as in the plain-text original.
func TestPDFText(t *testing.T) {
	txt := fixtureDoc(t, "devops.txt")
	doc, err := Extract("devops.pdf", textPDF(t, strings.Split(txt.Text, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != PDF || doc.Pages != 1 {
		t.Fatalf("format %s, %d pages", doc.Format, doc.Pages)
	}
	for _, line := range []string{
		"AMARA OKAFOR",
		"• Migrated 60 services from hand-built EC2 hosts to Kubernetes on EKS, shrinking monthly compute spend by 28%.",
		"CI/CD: Jenkins, GitHub Actions, Argo CD",
	} {
		if !slices.Contains(strings.Split(doc.Text, "\n"), line) {
			t.Errorf("PDF text lacks the line %q:\n%s", line, doc.Text)
		}
	}
	posting := readFixture(t, "postings/devops.txt")
	fromTxt, _ := Review(txt, posting, Options{})
	fromPDF, _ := Review(doc, posting, Options{})
	if fromPDF.Keywords.Coverage != fromTxt.Keywords.Coverage || fromPDF.Bullets.Count != fromTxt.Bullets.Count {
		t.Errorf("PDF: coverage %v, %d bullets; txt: %v, %d", fromPDF.Keywords.Coverage, fromPDF.Bullets.Count,
			fromTxt.Keywords.Coverage, fromTxt.Bullets.Count)
	}
	if len(fromPDF.PlainText.Merged) != 0 {
		t.Errorf("one column flagged as merged: %+v", fromPDF.PlainText.Merged)
	}
}

// A long resume spans pages; the page count comes from the PDF.
func TestPDFPages(t *testing.T) {
	lines := make([]string, 120)
	for i := range lines {
		lines[i] = "- Built one more service with Go and PostgreSQL for the team."
	}
	doc, err := Extract("long.pdf", textPDF(t, lines))
	if err != nil || doc.Pages != 3 {
		t.Fatalf("%d pages, %v", doc.Pages, err)
	}
	if n := strings.Count(doc.Text, "Built one more service"); n != 120 {
		t.Fatalf("%d of 120 lines read", n)
	}
}

// Two columns come out glued line by line, as a simple ATS reads them,
// and the plain-text test says so.
func TestPDFTwoColumns(t *testing.T) {
	doc, err := Extract("two-columns.pdf", twoColumnPDF(t, []string{"Priya Raman", "Backend Engineer"},
		[]string{"SKILLS", "Go, Kafka", "PostgreSQL", "Kubernetes", "", "EDUCATION", "BSc Computing, 2019"},
		[]string{"EXPERIENCE", "Backend Engineer, Orbit Pay (2021 - Present)",
			"- Built a ledger service in Go handling 3,000 payments a minute.",
			"- Cut reconciliation time from 6 hours to 20 minutes with Kafka.",
			"", "Junior Developer, Lumo (2019 - 2021)", "- Wrote SQL reports for the finance team."}))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(doc.Text, "\n")
	if !slices.Contains(lines, "SKILLS    EXPERIENCE") || !slices.Contains(lines, "Go, Kafka    Backend Engineer, Orbit Pay (2021 - Present)") {
		t.Fatalf("columns not glued as expected:\n%s", doc.Text)
	}
	r, err := Review(doc, readFixture(t, "postings/backend-go.txt"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.PlainText.Merged) < 4 || r.PlainText.Score > 40 {
		t.Fatalf("two columns: %d merged lines, plain-text score %d", len(r.PlainText.Merged), r.PlainText.Score)
	}
	if !strings.Contains(r.PlainText.Merged[0].Issue, "two section headings") {
		t.Errorf("first merged line: %+v", r.PlainText.Merged[0])
	}
	found := false
	for _, f := range r.Findings {
		found = found || strings.Contains(f.Text, "single-column")
	}
	if !found {
		t.Errorf("no finding about the columns: %+v", r.Findings)
	}
}

// A scan has no text: that is an error naming the file, never an empty
// report.
func TestPDFImageOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scanned.pdf")
	if err := os.WriteFile(path, imagePDF(t), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path)
	if !errors.Is(err, ErrNoText) {
		t.Fatalf("error %v, want ErrNoText", err)
	}
	for _, want := range []string{path, "scanned image", "applicant tracking system could not read it either"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func mkdir(t testing.TB, path string) string {
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docx builds a minimal Word document from paragraphs; a paragraph
// starting "• " becomes a list item, one starting "|" a table row.
func docx(t testing.TB, paras ...string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	run := func(s string) string {
		var r strings.Builder
		for i, part := range strings.Split(s, "\t") {
			if i > 0 {
				r.WriteString(`<w:r><w:tab/></w:r>`)
			}
			// split each part over two runs, as Word does mid-word
			rs := []rune(part)
			h := len(rs) / 2
			r.WriteString(`<w:r><w:t xml:space="preserve">` + xmlEscape(string(rs[:h])) + `</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>` + xmlEscape(string(rs[h:])) + `</w:t></w:r>`)
		}
		return r.String()
	}
	for _, p := range paras {
		switch {
		case strings.HasPrefix(p, "• "):
			b.WriteString(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` + run(p[len("• "):]) + `</w:p>`)
		case strings.HasPrefix(p, "|"):
			b.WriteString(`<w:tbl><w:tr>`)
			for _, c := range strings.Split(strings.Trim(p, "|"), "|") {
				b.WriteString(`<w:tc><w:p>` + run(strings.TrimSpace(c)) + `</w:p></w:tc>`)
			}
			b.WriteString(`</w:tr></w:tbl>`)
		default:
			b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>` + run(p) + `</w:p>`)
		}
	}
	b.WriteString(`</w:body></w:document>`)
	return zipOf(t, map[string]string{"word/document.xml": b.String(), "[Content_Types].xml": "<Types/>"})
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func TestDocx(t *testing.T) {
	data := docx(t,
		"Noor Aziz",
		"Experience",
		"Platform Engineer, Tessel (2021\t–\tPresent)",
		"• Built golden paths on Backstage for 30 teams & cut setup time by 80%.",
		"• Ran Kubernetes upgrades with Helm.",
		"| Go | Terraform | Argo CD |",
	)
	doc, err := Extract("noor.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	want := "Noor Aziz\nExperience\nPlatform Engineer, Tessel (2021\t–\tPresent)\n" +
		"- Built golden paths on Backstage for 30 teams & cut setup time by 80%.\n" +
		"- Ran Kubernetes upgrades with Helm.\nGo\tTerraform\tArgo CD\n"
	if doc.Text != want {
		t.Fatalf("docx text:\n%q\nwant\n%q", doc.Text, want)
	}
	b := checkBullets(parseResume(doc))
	if b.Count != 2 || b.Items[0].Result != "30" {
		t.Fatalf("docx bullets: %+v", b.Items)
	}
	if got := mergedIssue("Go\tTerraform\tArgo CD"); got == "" {
		t.Error("a table row read as one line was not flagged")
	}
}
