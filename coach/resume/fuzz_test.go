package resume

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coach-tui/coach/questions"
)

func splitLines(s string) []string { return strings.Split(s, "\n") }

// FuzzReview feeds arbitrary resume and posting text through the whole
// review: it must not panic, must stay in range, and every keyword match
// must point at the text it names.
// go test ./coach/resume -run '^$' -fuzz FuzzReview -fuzztime 1m
func FuzzReview(f *testing.F) {
	f.Add(ExampleTemplate(), "Requirements\n- Go, C++, C#, .NET, Node.js and CI/CD\n")
	f.Add("- I did C++17 with k8s\n|a|b|\nEXPERIENCE    SKILLS\n\uf0b7 ﬁxed \ufffd", "NICE TO HAVE: Chef, Puppet\nGo above and beyond.")
	f.Add("## Experience\n- Built\n", "")
	f.Add("[x](y) **z** `w` # h\n> q", "Spring 2021. React to. node.js. asp.net. .NET. C#. github.com/x")
	m, err := DefaultMatcher()
	if err != nil {
		f.Fatal(err)
	}
	bank, err := questions.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, resumeText, posting string) {
		for _, mt := range m.Find(resumeText) {
			if mt.Start < 0 || mt.End > len(resumeText) || mt.Start >= mt.End {
				t.Fatalf("match %+v outside %d bytes", mt, len(resumeText))
			}
			if utf8.ValidString(resumeText) && resumeText[mt.Start:mt.End] != mt.Text {
				t.Fatalf("match %q at %d:%d, text there %q", mt.Text, mt.Start, mt.End, resumeText[mt.Start:mt.End])
			}
		}
		for _, format := range []Format{Markdown, Text} {
			doc := Document{Name: "r." + string(format), Format: format, Text: cleanText(resumeText)}
			r, err := Review(doc, posting, Options{Matcher: m, Bank: bank})
			if strings.TrimSpace(posting) == "" {
				if err == nil {
					t.Fatal("empty posting accepted")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Score < 0 || r.Score > 100 || r.Relevance < 0 || r.Relevance > 1 {
				t.Fatalf("score %d relevance %v", r.Score, r.Relevance)
			}
			for _, p := range r.Breakdown {
				if p.Score < 0 || p.Score > 100 {
					t.Fatalf("%s scored %d", p.Part, p.Score)
				}
			}
			_ = r.Markdown()
		}
	})
}
