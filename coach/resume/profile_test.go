package resume

import (
	"os"
	"path/filepath"
	"testing"
)

// The facts a letter is built from, read from resumes laid out in
// different ways: a markdown heading with the dates below, "Title -
// Employer (dates)", a title line with the employer and dates on the next,
// a name in capitals or followed by credentials.
func TestProfileReadsNameTitleEmployerAndYears(t *testing.T) {
	for _, c := range []struct {
		file, name, headline, years, role string
		first                             Job
	}{
		{"resumes/go-backend.md", "Tomas Lindqvist", "Backend Engineer", "6 years", "backend",
			Job{Title: "Senior Backend Engineer", Employer: "Fjordline Logistics", Dates: "2021 – Present"}},
		{"resumes/sre.txt", "Dmitri Volkov", "Site Reliability Engineer", "7 years", "sre",
			Job{Title: "Senior Site Reliability Engineer", Employer: "Lumen Streams", Dates: "2021 - Present"}},
		{"resumes/devops.txt", "Amara Okafor", "DevOps Engineer", "5 years", "devops",
			Job{Title: "Senior DevOps Engineer", Employer: "Harrowgate Travel", Dates: "2022 - Present"}},
		{"fields/resume-nurse.md", "Rachel Dunmore", "", "5 years", "",
			Job{Title: "Registered Nurse", Employer: "Mercy Valley Hospital", Dates: "Aug 2021 – Present"}},
		{"fields/resume-data.md", "Sofia Marquez", "Senior Data Engineer", "5+ years", "",
			Job{Title: "Data Engineer → Senior Data Engineer", Employer: "Halsted Home Goods", Dates: "Jun 2021 – Present"}},
		{"resumes/glyphs.txt", "Mei Tanaka", "", "3 years", "backend",
			Job{Title: "Backend Developer", Employer: "Sakura Commerce", Dates: "2022 - Present"}},
	} {
		doc, err := ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		p := ProfileOf(doc)
		if p.Name != c.name || p.Headline != c.headline || p.Years != c.years || p.Role != c.role {
			t.Errorf("%s: name %q headline %q years %q role %q, want %q %q %q %q", c.file, p.Name, p.Headline, p.Years, p.Role, c.name, c.headline, c.years, c.role)
		}
		if len(p.Jobs) < 2 {
			t.Errorf("%s: %d jobs found: %+v", c.file, len(p.Jobs), p.Jobs)
			continue
		}
		got := p.Jobs[0]
		got.Line = 0
		if got != c.first {
			t.Errorf("%s: first job %+v, want %+v", c.file, got, c.first)
		}
	}
}

// The employer as the posting names it, or nothing when it names none.
func TestPostingNamesItsCompany(t *testing.T) {
	m, err := DefaultMatcher()
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"postings/backend-go.txt":    "Harbour Freight Labs",
		"postings/sre.md":            "Quillstone Media",
		"postings/senior-backend.md": "Northwind Ledger",
		"fields/posting-data.md":     "",
	} {
		data, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		if got := m.AnalyzePosting(string(data)).Company; got != want {
			t.Errorf("%s: company %q, want %q", file, got, want)
		}
	}
	for text, want := range map[string]string{
		"Backend Engineer\n\nCompany: Acme Robotics\n\nWe build arms.":                        "Acme Robotics",
		"Backend Engineer at Acme Robotics\n\nYou will build APIs.":                           "Acme Robotics",
		"SRE\n\nAt Acme Robotics, we keep factories running.":                                 "Acme Robotics",
		"SRE\n\nAcme Robotics is hiring an SRE to keep factories running.":                    "Acme Robotics",
		"SRE\n\n## About Acme Robotics\n\nWe keep factories running.":                         "Acme Robotics",
		"SRE\n\nOur client, a Series B fintech in Berlin, is hiring. We are a fast team.":     "",
		"SRE\n\nWe are a fast-growing team. You will keep things running and write Go tools.": "",
		"Acme Robotics — Site Reliability Engineer\n\nYou will keep Acme Robotics running.":   "Acme Robotics",
	} {
		if got := m.AnalyzePosting(text).Company; got != want {
			t.Errorf("%q: company %q, want %q", text, got, want)
		}
	}
}
