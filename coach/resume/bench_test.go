package resume

import (
	"strings"
	"testing"

	"github.com/coach-tui/coach/questions"
)

// BenchmarkReviewExample reviews the example resume against the senior
// backend posting: extraction aside, everything the CLI and the TUI do.
func BenchmarkReviewExample(b *testing.B) {
	posting := readFixture(b, "postings/senior-backend.md")
	doc := FromText("example.md", ExampleTemplate())
	bank, err := questions.Default()
	if err != nil {
		b.Fatal(err)
	}
	m := matcher(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Review(doc, posting, Options{Matcher: m, Bank: bank}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFind is the keyword scan of one resume.
func BenchmarkFind(b *testing.B) {
	m := matcher(b)
	text := ExampleTemplate()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Find(text)
	}
}

// BenchmarkReadPDF is extracting a one-page text PDF.
func BenchmarkReadPDF(b *testing.B) {
	data := textPDF(b, splitLines(readFixture(b, "resumes/devops.txt")))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Extract("devops.pdf", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReviewTwoPages reviews a two-page resume (the ML engineer's)
// against its posting, reading nothing from disk.
func BenchmarkReviewTwoPages(b *testing.B) {
	benchReview(b, fieldResume(b, "ml"), fieldPosting(b, "ml"))
}

// BenchmarkReviewTwentyPages reviews a resume of twenty pages: the
// two-page one ten times over, the longest a resume is let be.
func BenchmarkReviewTwentyPages(b *testing.B) {
	doc := fieldResume(b, "ml")
	doc.Text = strings.Repeat(doc.Text+"\n", 10)
	benchReview(b, doc, fieldPosting(b, "ml"))
}

func benchReview(b *testing.B, doc Document, posting string) {
	bank, err := questions.Default()
	if err != nil {
		b.Fatal(err)
	}
	m := matcher(b)
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Review(doc, posting, Options{Matcher: m, Bank: bank, Now: fieldsNow}); err != nil {
			b.Fatal(err)
		}
	}
}
