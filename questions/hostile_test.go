package questions

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/coach-tui/coach/questions/textsafe"
	"github.com/coach-tui/coach/questions/textsafe/textsafetest"
)

// A user's bank is outside text: YAML's double-quoted escapes ("\e",
// "\x9b", "\u202E") decode into raw controls that no cleaning of the file's
// bytes would have seen.
func TestParseFileCleansDecodedEscapes(t *testing.T) {
	h := `"` + textsafetest.YAMLEscaped + `"`
	file := `topic: Hostile
questions:
  - id: hostile-one
    text: ` + h + `
    kind: technical
    category: databases
    roles: [backend]
    difficulty: 2
    time: 2m
    key_points:
      - point: ` + h + `
        terms: [` + h + `, plain]
    follow_ups: [` + h + `]
    outline: ` + h + `
    why: ` + h + `
  - id: hostile-two
    text: "Bad time \e]0;pwned-title\a"
    kind: technical
    roles: [backend]
    difficulty: 2
    time: "\e]0;pwned-title\a"
    key_points:
      - point: p
        terms: [t]
`
	qs, errs := ParseFile("hostile.yaml", []byte(file))
	if len(qs) != 1 {
		t.Fatalf("got %d questions (errors %v), want the good one", len(qs), errs)
	}
	all := textsafetest.Strings(qs[0])
	if found := textsafetest.Found([]byte(all), false); found != nil {
		t.Fatalf("decoded question still holds %v", found)
	}
	if !strings.Contains(qs[0].Text, textsafetest.Marker) {
		t.Fatalf("visible text lost: %q", qs[0].Text)
	}
	if len(errs) == 0 {
		t.Fatal("the bad time was not reported")
	}
	for _, e := range errs {
		if textsafe.Clean(e.Error()) != e.Error() {
			t.Fatalf("error message %q holds raw controls", e.Error())
		}
	}

	// A question kept as JSON (a session's generated questions) is read
	// back through the same cleaning.
	b, _ := json.Marshal(map[string]any{"id": "gen-1", "text": textsafetest.Raw, "kind": "technical", "roles": []string{"backend"},
		"difficulty": 2, "time": "2m", "key_points": []map[string]any{{"point": textsafetest.Raw, "terms": []string{"x"}}}})
	var q Question
	if err := json.Unmarshal(b, &q); err != nil {
		t.Fatal(err)
	}
	if found := textsafetest.Found([]byte(textsafetest.Strings(&q)), false); found != nil {
		t.Fatalf("question from JSON holds %v", found)
	}
}
