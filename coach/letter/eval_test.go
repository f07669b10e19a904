package letter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-tui/coach/coach/resume"
)

// The answers in testdata/eval/EXPECTATIONS.md and testdata/heldout/,
// each written by a helper who saw the postings and resumes but not
// coach's rules. The README reports how many of them the letter's facts
// got right (the held-out set first without any change made for it);
// this test keeps that from getting worse.

type readerSet struct {
	dir     string
	company map[string]string
	person  map[string][3]string
	change  map[[2]string]bool
}

var evalSet = readerSet{"testdata/eval/", wantCompany, wantPerson, wantChange}

var heldOut = readerSet{"testdata/heldout/",
	map[string]string{
		"q01.txt": "Brightwater Logistics Ltd.", "q02.md": "Kettle & Pine", "q03.txt": "Tidewell Health Co.",
		"q04.md": "Pennant Labs", "q05.txt": "Nordvik Freight", "q06.md": "", "q07.txt": "Loomstack",
		"q08.md": "Ashgrove Building Society", "q09.txt": "St. Brendan's Catholic Primary School", "q10.md": "",
	},
	map[string][3]string{
		"s01.md":  {"Priya Raman", "Senior Backend Engineer", "Cobalt Ledger"},
		"s02.txt": {"Tomasz Kowalczyk", "Backend Engineer", "Quillfeather GmbH"},
		"s03.md":  {"Aisha Bello", "Full Stack Engineer", "Fernhill Studios"},
		"s04.txt": {"Daniel O'Connor", "DevOps Engineer", "HALCYON MEDIA GROUP"},
		"s05.md":  {"Mei-Ling Chen", "Site Reliability Engineer", "Orbitron Systems"},
		"s06.txt": {"Robert Adeyemi-Hart", "Principal Cloud Architect", "Sterling & Oake Insurance plc"},
		"s07.md":  {"Sofia Marquez", "Senior Accountant", "Harlow & Finch LLP"},
		"s08.txt": {"Hannah Okafor", "Sous Chef", "Marlowe's Kitchen & Bar"},
	},
	map[[2]string]bool{
		{"s01.md", "q01.txt"}: false, {"s02.txt", "q01.txt"}: false, {"s03.md", "q01.txt"}: false,
		{"s04.txt", "q01.txt"}: false, {"s05.md", "q01.txt"}: false, {"s06.txt", "q01.txt"}: false,
		{"s07.md", "q01.txt"}: true, {"s08.txt", "q01.txt"}: true, {"s07.md", "q04.md"}: true,
		{"s08.txt", "q04.md"}: true, {"s04.txt", "q07.txt"}: false,
	},
}

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
	for _, set := range []readerSet{evalSet, heldOut} {
		got, total := set.check(t)
		t.Logf("%s: %d of %d facts as the independent reader gives them", set.dir, got, total)
		if got < total-1 {
			t.Errorf("%s: only %d of %d facts agree with the independent reader", set.dir, got, total)
		}
	}
}

func (set readerSet) check(t *testing.T) (got, total int) {
	check := func(ok bool, format string, args ...any) {
		total++
		if ok {
			got++
		} else {
			t.Logf("differs: "+format, args...)
		}
	}
	for file, want := range set.company {
		data, err := os.ReadFile(filepath.Join(set.dir, "postings", file))
		if err != nil {
			t.Fatal(err)
		}
		c := matcher.AnalyzePosting(string(data)).Company
		check(c == want, "%s: company %q, the reader says %q", file, c, want)
	}
	for file, want := range set.person {
		doc, err := resume.ReadFile(filepath.Join(set.dir, "resumes", file))
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
	for pr, want := range set.change {
		f, _, _ := facts(t, pair{filepath.Join(set.dir, "resumes", pr[0]), filepath.Join(set.dir, "postings", pr[1])})
		check(f.CareerChange == want, "%s × %s: career change %v, the reader says %v (%s)", pr[0], pr[1], f.CareerChange, want, f.ChangeReason)
	}
	return got, total
}
