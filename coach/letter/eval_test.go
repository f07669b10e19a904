package letter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-tui/coach/coach/resume"
)

// The answers in testdata/eval/EXPECTATIONS.md, written by someone who saw
// the postings and resumes but not coach's rules. The README reports how
// many of them the letter's facts get right; this test keeps that from
// getting worse.

var wantCompany = map[string]string{
	"p01.txt": "Tidewater Logistics", "p02.md": "Fernhollow Health", "p03.txt": "",
	"p04.md": "Quillstone Analytics", "p05.txt": "Brightwater Payments", "p06.md": "Larkspur Learning",
	"p07.txt": "Copperleaf Studios", "p08.md": "", "p09.txt": "Harlow Fields Grain Co.",
	"p10.md": "Meridian Civic Systems", "p11.txt": "Halcyon Energy", "p12.md": "Orbital Maps",
	"p13.txt": "Kestrel Streaming", "p14.md": "Sablewood Robotics",
	"p15.txt": "St. Brigid's Regional Medical Center", "p16.md": "",
}

// name, the latest title (any of the spellings the reader accepts) and
// the latest employer
var wantPerson = map[string][3]string{
	"r01.md":  {"Priya Raman", "Senior Backend Engineer", "Lumenfold"},
	"r02.txt": {"Tomasz Wieczorek", "Backend Developer", "Skarbnik Bank Cyfrowy"},
	"r03.md":  {"Amara Okafor", "Backend Developer", "Fennick Travel"},
	"r04.txt": {"Lucas Ferreira", "Senior Full Stack Engineer", "Marinheiro Labs"},
	"r05.md":  {"Ingrid Solberg", "DevOps Engineer", "Fjordline Energi"},
	"r06.txt": {"Daniel Kim", "Senior Site Reliability Engineer", "Cobalt Ledger"},
	"r07.md":  {"Hannah Brennan", "Principal Cloud Architect", "Carrowmore Insurance Group"},
	"r08.txt": {"Marcus Oyelaran", "Mathematics Teacher", "Hollins Park Academy"},
	"r09.md":  {"Elena Vasquez-Hart", "Senior Mechanical Engineer", "Brandt Fluid Power"},
	"r10.txt": {"Siobhan Delaney", "Nurse", "South Lee University Hospital"},
}

var wantChange = map[[2]string]bool{
	{"r01.md", "p01.txt"}: false, {"r02.txt", "p01.txt"}: false, {"r03.md", "p01.txt"}: false,
	{"r04.txt", "p01.txt"}: false, {"r05.md", "p01.txt"}: false, {"r06.txt", "p01.txt"}: false,
	{"r07.md", "p01.txt"}: false, {"r08.txt", "p01.txt"}: true, {"r09.md", "p01.txt"}: true,
	{"r10.txt", "p01.txt"}: true, {"r08.txt", "p06.md"}: true, {"r09.md", "p06.md"}: true,
	{"r10.txt", "p06.md"}: true, {"r06.txt", "p02.md"}: false,
	// the extra pairs
	{"r08.txt", "p07.txt"}: true, {"r10.txt", "p15.txt"}: false, {"r05.md", "p08.md"}: false,
	{"r07.md", "p10.md"}: false, {"r02.txt", "p03.txt"}: false,
}

func TestLetterFactsAgainstAnIndependentReader(t *testing.T) {
	dir := "testdata/eval/"
	got, total := 0, 0
	check := func(ok bool, format string, args ...any) {
		total++
		if ok {
			got++
		} else {
			t.Logf("differs: "+format, args...)
		}
	}
	for file, want := range wantCompany {
		data, err := os.ReadFile(filepath.Join(dir, "postings", file))
		if err != nil {
			t.Fatal(err)
		}
		c := matcher.AnalyzePosting(string(data)).Company
		check(c == want, "%s: company %q, the reader says %q", file, c, want)
	}
	for file, want := range wantPerson {
		doc, err := resume.ReadFile(filepath.Join(dir, "resumes", file))
		if err != nil {
			t.Fatal(err)
		}
		p := resume.ProfileOf(doc)
		var job resume.Job
		if len(p.Jobs) > 0 {
			job = p.Jobs[0]
		}
		check(p.Name == want[0], "%s: name %q, the reader says %q", file, p.Name, want[0])
		check(strings.Contains(job.Title, want[1]), "%s: latest title %q, the reader says %q", file, job.Title, want[1])
		check(strings.HasPrefix(job.Employer, want[2]), "%s: latest employer %q, the reader says %q", file, job.Employer, want[2])
	}
	for pr, want := range wantChange {
		f, _, _ := facts(t, pair{filepath.Join(dir, "resumes", pr[0]), filepath.Join(dir, "postings", pr[1])})
		check(f.CareerChange == want, "%s × %s: career change %v, the reader says %v (%s)", pr[0], pr[1], f.CareerChange, want, f.ChangeReason)
	}
	t.Logf("%d of %d facts as the independent reader gives them", got, total)
	if got < total-2 {
		t.Errorf("only %d of %d facts agree with the independent reader", got, total)
	}
}
