package questions

import (
	"strings"
	"testing"
)

// FuzzParseFile feeds arbitrary bytes to the loader: it must never panic,
// and every error must carry the file name.
//
//	go test ./questions -run '^$' -fuzz FuzzParseFile -fuzztime 3m
func FuzzParseFile(f *testing.F) {
	f.Add([]byte(goodFile))
	f.Add([]byte(replaceLine("time: 2m30s", "    time: 5 minutes")))
	f.Add([]byte("questions:\n  - id: x\n    key_points:\n      - [a, b]\n"))
	f.Add([]byte("questions: &a [*a]\n"))
	f.Add([]byte("topic: !!binary AAAA\nquestions: {}\n"))
	f.Add([]byte("---\nquestions: []\n---\nquestions: []\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		qs, errs := ParseFile("fuzz.yaml", data)
		for _, e := range errs {
			if !strings.HasPrefix(e.Error(), "fuzz.yaml") {
				t.Fatalf("error without the file name: %q", e.Error())
			}
		}
		for _, q := range qs {
			if q.ID == "" || q.Text == "" || len(q.KeyPoints) == 0 || q.Time < MinTime || q.Time > MaxTime {
				t.Fatalf("an invalid question got through: %+v", q)
			}
		}
	})
}
