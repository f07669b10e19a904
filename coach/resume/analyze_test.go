package resume

import (
	"slices"
	"strings"
	"testing"
)

func fixtureDoc(t testing.TB, name string) Document {
	t.Helper()
	doc, err := ReadFile("testdata/resumes/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestBulletChecks(t *testing.T) {
	tests := []struct {
		text        string
		verb        bool
		result      string
		lengthOK    bool
		firstPerson []string
		score       int
	}{
		{"Cut p95 latency of the search API from 900 ms to 120 ms by adding a composite index.", true, "900 ms", true, nil, 100},
		{"Built a stock reservation service handling 1,200 requests per second at peak.", true, "1,200", true, nil, 100},
		{"Reduced flaky builds by moving integration tests onto Testcontainers.", true, "reduced", true, nil, 100},
		{"Responsible for the backend of the website.", false, "", true, nil, 35},
		{"I worked on the database and fixed bugs in my spare time.", false, "", true, []string{"I", "my"}, 20},
		{"Did meetings", false, "", false, nil, 15},
		{"Partnered with frontend teams to tune API performance, making page loads 30% faster.", false, "30%", true, nil, 70},
		{"Graduated in 2019 and joined the platform team as its first hire in Berlin.", false, "", true, nil, 35},
		{"Designed " + strings.Repeat("a very long and winding description of many things ", 5) + "that went on.", true, "", false, nil, 45},
		{"We shipped two major releases a year on time.", false, "two", true, []string{"We"}, 55},
	}
	for _, tt := range tests {
		b := checkBullet(tt.text, SecExperience, 1)
		if b.ActionVerb != tt.verb || b.Result != tt.result || b.LengthOK != tt.lengthOK ||
			len(b.FirstPerson)+len(tt.firstPerson) > 0 && !slices.Equal(b.FirstPerson, tt.firstPerson) || b.Score != tt.score {
			t.Errorf("%q:\n got verb %v result %q length %v first person %v score %d\nwant verb %v result %q length %v first person %v score %d",
				tt.text, b.ActionVerb, b.Result, b.LengthOK, b.FirstPerson, b.Score,
				tt.verb, tt.result, tt.lengthOK, tt.firstPerson, tt.score)
		}
		if b.Score < 100 && len(b.Advice) == 0 {
			t.Errorf("%q: lost points without advice", tt.text)
		}
	}
}

func TestSectionsFound(t *testing.T) {
	tests := []struct {
		file    string
		present []string
		contact Contact
	}{
		{"go-backend.md", []string{SecContact, SecSummary, SecSkills, SecExperience, SecEducation}, Contact{true, true, true}},
		{"devops.txt", []string{SecContact, SecSummary, SecSkills, SecExperience, SecEducation}, Contact{true, true, true}},
		{"sre.txt", []string{SecContact, SecSummary, SecSkills, SecExperience, SecEducation}, Contact{true, true, true}},
		{"fullstack.md", []string{SecContact, SecSummary, SecSkills, SecExperience, SecEducation}, Contact{true, true, true}},
		{"weak.txt", []string{SecSummary, SecExperience}, Contact{}},
		{"glyphs.txt", []string{SecContact, SecSummary, SecExperience, SecEducation}, Contact{Email: true, Phone: true}},
	}
	for _, tt := range tests {
		p := parseResume(fixtureDoc(t, tt.file))
		s := checkSections(p)
		var present []string
		for _, f := range s.Found {
			if f.Present {
				present = append(present, f.Kind)
			}
		}
		if !slices.Equal(present, tt.present) || s.Contact != tt.contact {
			t.Errorf("%s: sections %v contact %+v, want %v %+v", tt.file, present, s.Contact, tt.present, tt.contact)
		}
	}
}

// The example is a template: its contact line is placeholders, which do
// not count as contact details but are reported.
func TestPlaceholdersAreNotContact(t *testing.T) {
	s := checkSections(parseResume(FromText("example.md", ExampleTemplate())))
	if s.Contact != (Contact{}) {
		t.Errorf("placeholders counted as contact: %+v", s.Contact)
	}
	if !slices.Contains(s.Placeholders, "[email address]") || !slices.Contains(s.Placeholders, "[Degree, University, Year]") {
		t.Errorf("placeholders %v", s.Placeholders)
	}
	if !slices.Contains(s.Others, SecCertifications) {
		t.Errorf("others %v lack certifications", s.Others)
	}
}

// Only experience-like sections hold achievement bullets; the Skills
// list's bullets are not judged as achievements.
func TestBulletsOnlyFromExperience(t *testing.T) {
	b := checkBullets(parseResume(FromText("example.md", ExampleTemplate())))
	if b.Count != 8 {
		t.Fatalf("%d bullets, want the example's 8", b.Count)
	}
	for _, x := range b.Items {
		if x.Section != SecExperience {
			t.Errorf("bullet from %s: %s", x.Section, x.Text)
		}
	}
}

// A bullet wrapped onto a second line (as PDFs and plain text do) is one
// bullet; the job title after it is not part of it.
func TestWrappedBullets(t *testing.T) {
	doc := Document{Name: "r.txt", Format: Text, Text: strings.Join([]string{
		"EXPERIENCE",
		"Backend Engineer, Acme (2020 - 2023)",
		"- Rebuilt the billing pipeline on Kafka with idempotent consumers,",
		"cutting duplicate invoices from 4% to under 0.1%",
		"- Wrote the on-call runbooks",
		"Platform Engineer, Beta (2018 - 2020)",
		"- Ran the Kubernetes upgrade for 12 clusters without downtime.",
		"Team Lead, Gamma",
	}, "\n")}
	b := checkBullets(parseResume(doc))
	var texts []string
	for _, x := range b.Items {
		texts = append(texts, x.Text)
	}
	want := []string{
		"Rebuilt the billing pipeline on Kafka with idempotent consumers, cutting duplicate invoices from 4% to under 0.1%",
		"Wrote the on-call runbooks",
		"Ran the Kubernetes upgrade for 12 clusters without downtime.",
	}
	if !slices.Equal(texts, want) {
		t.Fatalf("bullets:\n%q\nwant\n%q", texts, want)
	}
}

func TestPlainTextFlags(t *testing.T) {
	pt := checkPlainText(parseResume(fixtureDoc(t, "glyphs.txt")))
	lost := map[int]string{}
	for _, f := range pt.Lost {
		lost[f.Line] = f.Issue
	}
	// line 5: two ligatures; 9-11: symbol-font bullets, one with a ligature; 15: a lost digit
	for line, want := range map[int]string{5: "1 ligature (ﬁ), 1 ligature (ﬂ)", 9: "private-use", 10: "ligature", 15: "unreadable glyph"} {
		if !strings.Contains(lost[line], want) {
			t.Errorf("line %d: lost %q, want %q", line, lost[line], want)
		}
	}
	var merged []int
	for _, f := range pt.Merged {
		merged = append(merged, f.Line)
	}
	if !slices.Equal(merged, []int{7, 8}) {
		t.Errorf("merged lines %v, want 7 (two headings) and 8 (two columns)", merged)
	}
	if pt.Score >= 50 {
		t.Errorf("plain-text score %d for a damaged file", pt.Score)
	}
	if clean := checkPlainText(parseResume(fixtureDoc(t, "devops.txt"))); clean.Score != 100 || len(clean.Lost)+len(clean.Merged) != 0 {
		t.Errorf("a clean file flagged: %+v %+v", clean.Lost, clean.Merged)
	}
}

func TestMergedLineShapes(t *testing.T) {
	tests := []struct {
		line   string
		merged bool
	}{
		{"Senior Engineer, Acme            2020 – 2023", false}, // a right-aligned date
		{"Backend Engineer — Kestrel        Remote", false},
		{"EXPERIENCE    SKILLS", true},
		{"Experience Skills", true},
		{"Work Experience Technical Skills", true},
		{"Built the billing service    Go, Kafka, PostgreSQL", true},
		{"| Go | 5 years | daily |", true},
		{"|---|---|---|", false},
		{"Skills", false},
		{"Built the billing service in Go.", false},
	}
	for _, tt := range tests {
		if got := mergedIssue(tt.line) != ""; got != tt.merged {
			t.Errorf("%q: merged %v, want %v (%s)", tt.line, got, tt.merged, mergedIssue(tt.line))
		}
	}
}

func TestLengthScore(t *testing.T) {
	words := func(n int) Document {
		return Document{Name: "r.txt", Format: Text, Text: strings.TrimSpace(strings.Repeat("word ", n))}
	}
	tests := []struct {
		words, min, max int
	}{
		{100, 20, 20}, {250, 55, 65}, {MinWords, 100, 100}, {600, 100, 100}, {MaxWords, 100, 100}, {1100, 65, 75}, {2000, 40, 40},
	}
	for _, tt := range tests {
		d := words(tt.words)
		l := checkLength(parseResume(d), d)
		if l.Words != tt.words || l.Score < tt.min || l.Score > tt.max {
			t.Errorf("%d words: counted %d, score %d, want %d–%d", tt.words, l.Words, l.Score, tt.min, tt.max)
		}
	}
	d := words(600)
	d.Pages = 3
	if l := checkLength(parseResume(d), d); l.Score > 60 || l.PagesEstimated {
		t.Errorf("a three-page PDF scored %d", l.Score)
	}
}
