package questions

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

const goodFile = `topic: Databases
questions:
  - id: db-index-basics
    text: How does an index speed up a lookup?
    kind: technical
    category: databases
    roles: [backend, sre]
    difficulty: 2
    time: 2m30s
    tags: [query-optimization]
    key_points:
      - point: A B-tree keeps keys sorted
        terms: [b-tree, sorted]
    follow_ups:
      - When would the planner skip it?
    outline: |
      1. What it is
  - id: ask-team-size
    text: How big is the team?
    kind: ask-the-interviewer
    category: team
    roles: [backend]
    difficulty: 1
    time: 30s
    key_points:
      - point: Asks about the real team
        terms: [team]
    follow_ups: ["Who would I pair with?"]
    outline: Ask it early.
    why: Tells you who you would work with.
`

func TestParseGoodFile(t *testing.T) {
	qs, errs := ParseFile("db.yaml", []byte(goodFile))
	if len(errs) > 0 {
		t.Fatalf("unexpected errors:\n%v", errs)
	}
	if len(qs) != 2 {
		t.Fatalf("got %d questions", len(qs))
	}
	q := qs[0]
	if q.ID != "db-index-basics" || q.Kind != Technical || q.Time != 150*time.Second || q.Difficulty != 2 {
		t.Fatalf("fields: %+v", q)
	}
	if len(q.Roles) != 2 || q.Roles[1] != SRE || q.KeyPoints[0].Terms[0] != "b-tree" {
		t.Fatalf("lists: %+v", q)
	}
	if q.Source.File != "db.yaml" || q.Source.Line != 3 {
		t.Fatalf("source = %+v", q.Source)
	}
	if qs[1].Why == "" || qs[1].FollowUps[0].Text != "Who would I pair with?" {
		t.Fatalf("second question: %+v", qs[1])
	}
}

// replaceLine swaps the first line containing old for repl in goodFile.
func replaceLine(old, repl string) string {
	lines := strings.Split(goodFile, "\n")
	for i, l := range lines {
		if strings.Contains(l, old) {
			lines[i] = repl
			break
		}
	}
	return strings.Join(lines, "\n")
}

func TestParseErrorsNamePositionAndField(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"bad duration", replaceLine("time: 2m30s", "    time: 5 minutes"),
			`mine.yaml:9:5: question "db-index-basics": time "5 minutes" is not a duration (use 5m)`},
		{"integer duration", replaceLine("time: 2m30s", "    time: 90"),
			`mine.yaml:9:5: question "db-index-basics": time 90 is not a duration (use 90s or 90m)`},
		{"absurd short time", replaceLine("time: 2m30s", "    time: 5s"),
			`mine.yaml:9:5: question "db-index-basics": time 5s is outside 15s to 1h`},
		{"absurd long time", replaceLine("time: 2m30s", "    time: 2h"),
			`mine.yaml:9:5: question "db-index-basics": time 2h is outside 15s to 1h`},
		{"unknown kind", replaceLine("kind: technical", "    kind: trivia"),
			`mine.yaml:5:11: question "db-index-basics": kind "trivia" is not a kind (use behavioral, technical, system-design, situational, ask-the-interviewer)`},
		{"unknown role", replaceLine("roles: [backend, sre]", "    roles: [backend, qa]"),
			`mine.yaml:7:22: question "db-index-basics": role "qa" is not a role`},
		{"missing outline", replaceLine("outline: |", "    outlines: |"),
			`mine.yaml:16:5: question "db-index-basics": unknown field "outlines" (did you mean outline?)`},
		{"missing field", replaceLine("text: How does", ""),
			`mine.yaml:3:5: question "db-index-basics": missing field "text"`},
		{"empty terms", replaceLine("terms: [b-tree, sorted]", "        terms: []"),
			`mine.yaml:13:9: question "db-index-basics": key point 1: terms must be a non-empty list`},
		{"blank term", replaceLine("terms: [b-tree, sorted]", `        terms: [b-tree, ""]`),
			`mine.yaml:13:25: question "db-index-basics": key point 1: empty term`},
		{"difficulty", replaceLine("difficulty: 2", "    difficulty: 5"),
			`mine.yaml:8:17: question "db-index-basics": difficulty 5 must be 1 (junior), 2 (mid) or 3 (senior)`},
		{"id not kebab", replaceLine("id: db-index-basics", "  - id: DB_Index"),
			`mine.yaml:3:9: question "DB_Index": id "DB_Index" must be kebab-case`},
		{"missing why", replaceLine("why: Tells", ""),
			`question "ask-team-size": missing field "why"`},
		{"no follow-ups", replaceLine(`follow_ups: ["Who`, "    follow_ups: []"),
			`mine.yaml:28:5: question "ask-team-size": follow_ups needs at least one entry`},
		{"follow-up without text", replaceLine("- When would the planner", "      - key_points: [{point: Selectivity, terms: [seq scan]}]"),
			`mine.yaml:15:9: question "db-index-basics": follow-up 1: text is missing or empty`},
		{"follow-up key point without terms", replaceLine("- When would the planner", `      - {text: "Why skip it", key_points: [{point: Selectivity}]}`),
			`mine.yaml:15:44: question "db-index-basics": follow-up 1: key point 1: terms are missing`},
		{"follow-up unknown field", replaceLine("- When would the planner", `      - {text: "Why skip it", points: []}`),
			`mine.yaml:15:31: question "db-index-basics": follow-up 1: unknown field "points"`},
		{"syntax", replaceLine("roles: [backend, sre]", "    roles: [backend, sre"),
			"mine.yaml:7:1: did not find expected ',' or ']'"}, // the roles line, not the one above
		{"tab", replaceLine("difficulty: 2", "\tdifficulty: 2"),
			"mine.yaml:8:1: found character that cannot start any token"},
		{"bad indent", replaceLine("time: 2m30s", "   time: 2m30s"),
			"mine.yaml:3:1: did not find expected '-' indicator (in the list item that starts on this line"},
		{"top-level key", "topics: x\nquestions: []\n", `mine.yaml:1:1: unknown key "topics"`},
		{"not a list", "questions: {a: 1}\n", "mine.yaml:1:12: questions: expected a list of questions"},
		{"empty file", "", "mine.yaml: expected one YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := ParseFile("mine.yaml", []byte(tt.file))
			if len(errs) == 0 {
				t.Fatal("expected an error")
			}
			if !strings.Contains(errs.Error(), tt.want) {
				t.Fatalf("errors:\n%v\nwant one containing:\n%s", errs, tt.want)
			}
		})
	}
}

func TestFollowUpsWithKeyPoints(t *testing.T) {
	file := replaceLine("- When would the planner", `      - text: "When would the planner skip it?"
        key_points:
          - point: Low selectivity makes a scan cheaper
            terms: [selectivity, seq scan]
      - What about a covering index?`)
	qs, errs := ParseFile("db.yaml", []byte(file))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	f := qs[0].FollowUps
	if len(f) != 2 || f[0].Text != "When would the planner skip it?" || len(f[0].KeyPoints) != 1 ||
		f[0].KeyPoints[0].Terms[1] != "seq scan" || f[1].Text != "What about a covering index?" || f[1].KeyPoints != nil {
		t.Fatalf("follow-ups %+v", f)
	}
	// JSON keeps both forms: a plain follow-up stays a string.
	data, err := json.Marshal(qs[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"follow_ups":[{"text":"When would the planner skip it?","key_points":[{"point"`) ||
		!strings.Contains(string(data), `"What about a covering index?"]`) {
		t.Fatalf("JSON %s", data)
	}
	var back Question
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.FollowUps) != 2 || len(back.FollowUps[0].KeyPoints) != 1 || back.FollowUps[1].Text != f[1].Text {
		t.Fatalf("JSON round trip %+v", back.FollowUps)
	}
	if err := json.Unmarshal([]byte(`{"id":"x","follow_ups":[7]}`), &back); err == nil || !strings.Contains(err.Error(), "follow-up") {
		t.Fatalf("a number as a follow-up: %v", err)
	}
	// What bank show prints lists a follow-up's key points under it.
	if md := qs[0].Markdown(); !strings.Contains(md, "- When would the planner skip it?\n  - Low selectivity makes a scan cheaper") {
		t.Fatalf("markdown:\n%s", md)
	}
}

func TestParseKeepsGoodQuestionsOfABadFile(t *testing.T) {
	qs, errs := ParseFile("mine.yaml", []byte(replaceLine("kind: technical", "    kind: trivia")))
	if len(errs) != 1 || len(qs) != 1 || qs[0].ID != "ask-team-size" {
		t.Fatalf("want the valid question and one error, got %d questions, errors %v", len(qs), errs)
	}
}

func TestFormatTime(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * time.Second: "30s", 90 * time.Second: "90s", 3 * time.Minute: "3m",
		150 * time.Second: "2m30s", 45 * time.Minute: "45m", time.Hour: "1h", 90 * time.Minute: "1h30m",
	} {
		if got := FormatTime(d); got != want {
			t.Errorf("FormatTime(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestParserRejectsUnknownTags(t *testing.T) {
	p := Parser{KnownTag: func(s string) bool { return s == "postgresql" }}
	_, errs := p.ParseFile("mine.yaml", []byte(goodFile))
	want := `mine.yaml:10:12: question "db-index-basics": tag "query-optimization" is not a skill id`
	if len(errs) != 1 || !strings.Contains(errs.Error(), want) {
		t.Fatalf("errors:\n%v\nwant %s", errs, want)
	}
}
