package questions

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func mkq(id string, kind Kind, cat string, diff int, roles []Role, tags ...string) *Question {
	return &Question{ID: id, Text: "Question " + id, Kind: kind, Category: cat, Difficulty: diff, Roles: roles, Tags: tags}
}

func testBank() *Bank {
	qs := []*Question{
		mkq("b1", Behavioral, "teamwork", 1, []Role{Backend, SRE}, "collaboration"),
		mkq("b2", Behavioral, "conflict", 2, []Role{Backend}),
		mkq("t1", Technical, "databases", 2, []Role{Backend}, "postgresql"),
		mkq("t2", Technical, "languages/go", 3, []Role{Backend, Platform}, "go"),
		mkq("t3", Technical, "cloud", 2, []Role{CloudArchitect}, "aws"),
		mkq("s1", SystemDesign, "system-design", 3, []Role{SeniorBackend}, "system-design"),
		mkq("a1", AskInterviewer, "team", 1, []Role{Backend, SRE}),
	}
	qs[4].Company = "Acme"
	b := &Bank{byID: map[string]*Question{}}
	b.add(qs, false)
	return b
}

func ids(qs []*Question) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return out
}

func TestFilter(t *testing.T) {
	b := testBank()
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"all", Filter{}, "b1 b2 t1 t2 t3 s1 a1"},
		{"role", Filter{Roles: []Role{SRE}}, "b1 a1"},
		{"roles are or-ed", Filter{Roles: []Role{SRE, Platform}}, "b1 t2 a1"},
		{"kind and role", Filter{Roles: []Role{Backend}, Kinds: []Kind{Technical}}, "t1 t2"},
		{"category prefix", Filter{Categories: []string{"languages"}}, "t2"},
		{"category exact only", Filter{Categories: []string{"lang"}}, ""},
		{"difficulty", Filter{Difficulties: []int{3}}, "t2 s1"},
		{"tag", Filter{Tags: []string{"postgresql", "aws"}}, "t1 t3"},
		{"company", Filter{Company: "acme"}, "t3"},
		{"search all words", Filter{Search: "QUESTION t1"}, "t1"},
		{"search tag", Filter{Search: "postgresql"}, "t1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			for i, id := range ids(b.Filter(tt.f)) {
				if i > 0 {
					got += " "
				}
				got += id
			}
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestShuffleIsSeeded(t *testing.T) {
	qs := testBank().Questions()
	a, b, c := ids(Shuffle(qs, 1)), ids(Shuffle(qs, 1)), ids(Shuffle(qs, 2))
	if !equal(a, b) {
		t.Fatal("same seed, different order")
	}
	if equal(a, c) {
		t.Fatal("different seeds gave the same order (possible but unlikely for 7 items; change the seed)")
	}
	if ids(qs)[0] != "b1" {
		t.Fatal("Shuffle changed its input")
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPickPrefersNotAskedRecently(t *testing.T) {
	qs := testBank().Questions()
	now := time.Now()
	last := map[string]time.Time{}
	for _, q := range qs {
		last[q.ID] = now
	}
	delete(last, "t3")                         // never asked
	last["a1"] = now.Add(-30 * 24 * time.Hour) // asked long ago
	got := ids(Pick(qs, 2, 42, last))
	if !equal(got, []string{"t3", "a1"}) {
		t.Fatalf("Pick = %v, want never-asked first, then the oldest", got)
	}
	if n := len(Pick(qs, 100, 1, nil)); n != len(qs) {
		t.Fatalf("asking for more than exist returns all, got %d", n)
	}
}

func TestBalancedSpreadsAcrossKinds(t *testing.T) {
	qs := testBank().Questions()
	got := Balanced(qs, []Kind{Behavioral, Technical, SystemDesign}, 5, 7, nil)
	count := map[Kind]int{}
	for _, q := range got {
		count[q.Kind]++
	}
	if len(got) != 5 || count[Behavioral] != 2 || count[Technical] != 2 || count[SystemDesign] != 1 {
		t.Fatalf("Balanced = %v (%v)", ids(got), count)
	}
	// Order follows the kinds given: behavioral first, system design last.
	if got[0].Kind != Behavioral || got[4].Kind != SystemDesign {
		t.Fatalf("order = %v", ids(got))
	}
	// A kind that runs out gives its turns to the others.
	got = Balanced(qs, []Kind{SystemDesign, Technical}, 4, 7, nil)
	if len(got) != 4 || got[0].Kind != SystemDesign || got[3].Kind != Technical {
		t.Fatalf("Balanced with a short kind = %v", ids(got))
	}
}

func TestQuestionJSONRoundTrip(t *testing.T) {
	q := &Question{ID: "gen-1", Text: "Why?", Kind: Technical, Category: "generated", Roles: []Role{Backend},
		Difficulty: 2, Time: 150 * time.Second, KeyPoints: []KeyPoint{{Point: "Says why", Terms: []string{"because"}}}}
	b, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	var back Question
	if err := json.Unmarshal(b, &back); err != nil || back.Time != q.Time || back.ID != q.ID || len(back.KeyPoints) != 1 {
		t.Fatalf("round trip: %+v, %v (%s)", back, err, b)
	}
	if err := json.Unmarshal([]byte(`{"id":"x","time":"soon"}`), &back); err == nil || !strings.Contains(err.Error(), `time "soon"`) {
		t.Fatalf("a bad time: %v", err)
	}
}
