package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/questions"
)

const myBank = `questions:
  - id: my-acme-outage
    text: Walk me through the Acme payments outage you handled last spring.
    kind: behavioral
    category: failure
    roles: [backend]
    difficulty: 2
    time: 2m
    tags: [incident-response]
    company: Acme
    key_points:
      - point: Names the impact
        terms: [customers, minutes]
    follow_ups: ["What changed afterwards?"]
    outline: Impact, timeline, your actions, the fix, what changed.
`

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBankValidate(t *testing.T) {
	cliEnv(t)
	dir := t.TempDir()
	good := writeFile(t, dir, "good.yaml", myBank)
	bad := writeFile(t, dir, "bad.yaml", strings.Replace(myBank, "time: 2m", "time: 5 minutes", 1))
	badTag := writeFile(t, dir, "tag.yaml", strings.Replace(myBank, "[incident-response]", "[firefighting]", 1))

	code, out, errOut := runCLI(t, "bank", "validate", good)
	if code != 0 || !strings.Contains(out, "1 file, 1 question: all valid, 3 warnings about key point terms") {
		t.Fatalf("good file: %d %q %q", code, out, errOut)
	}
	// The question loads, but its terms would credit any answer and its
	// outline does not make its point: warned, with file and line.
	for _, want := range []string{
		good + `:2: question "my-acme-outage": warning: key point 1 ("Names the impact"): term "customers" is a word almost every answer uses`,
		`term "minutes" is a word almost every answer uses`,
		`key point 1 ("Names the impact"): the model outline does not cover it`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	clean := writeFile(t, dir, "clean.yaml", strings.NewReplacer(
		"[customers, minutes]", "[customers affected, minutes of downtime, __next__]",
		"outline: Impact,", "outline: Impact (customers affected, minutes of downtime),").Replace(myBank))
	if code, out, errOut := runCLI(t, "bank", "validate", clean); code != 0 || errOut != "" || !strings.HasSuffix(out, "all valid\n") {
		t.Errorf("clean file: %d %q %q", code, out, errOut)
	}
	code, _, errOut = runCLI(t, "bank", "validate", good, bad, badTag)
	if code != 1 {
		t.Fatalf("bad files: status %d", code)
	}
	for _, want := range []string{
		bad + `:8:5: question "my-acme-outage": time "5 minutes" is not a duration (use 5m)`,
		badTag + `:9:12: question "my-acme-outage": tag "firefighting" is not a skill id`,
		"2 of 3 files have problems",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if code, _, _ := runCLI(t, "bank", "validate"); code != 2 {
		t.Errorf("validate with no files: status %d, want 2", code)
	}
}

func TestBankListFiltersAndUserBanks(t *testing.T) {
	root := cliEnv(t)
	// The banks folder sits beside the config file.
	banks := filepath.Join(root, "config", "banks")
	os.MkdirAll(banks, 0o700)
	writeFile(t, banks, "mine.yaml", myBank)
	writeFile(t, banks, "broken.yaml", "questions: [")

	code, out, errOut := runCLI(t, "bank", "list", "--company", "acme")
	if code != 0 || !strings.Contains(out, "my-acme-outage") || strings.Count(out, "\n") != 2 {
		t.Fatalf("list --company: %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "skipped "+filepath.Join(banks, "broken.yaml")) {
		t.Errorf("a broken user bank should be reported: %q", errOut)
	}

	code, out, _ = runCLI(t, "bank", "list", "--role", "sre", "--kind", "system-design", "--json")
	var qs []map[string]any
	if err := json.Unmarshal([]byte(out), &qs); err != nil || code != 0 || len(qs) < 5 {
		t.Fatalf("list --json: %d %v (%d)", code, err, len(qs))
	}
	for _, q := range qs {
		if q["kind"] != "system-design" || !strings.Contains(strings.Join(toStrings(q["roles"]), ","), "sre") {
			t.Fatalf("filter leaked %v", q["id"])
		}
		if _, ok := q["time"].(string); !ok {
			t.Fatalf("time should be written as a duration string: %v", q["time"])
		}
	}

	code, _, errOut = runCLI(t, "bank", "list", "--kind", "trivia")
	if code != 2 || !strings.Contains(errOut, `--kind "trivia"`) {
		t.Fatalf("bad --kind: %d %q", code, errOut)
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestBankFlagAddsAFile(t *testing.T) {
	cliEnv(t)
	f := writeFile(t, t.TempDir(), "extra.yaml", myBank)
	code, out, _ := runCLI(t, "--bank", f, "ask", "--company", "Acme")
	if code != 0 || !strings.Contains(out, "Acme payments outage") || !strings.Contains(out, "coach bank show my-acme-outage") {
		t.Fatalf("ask with --bank: %d %q", code, out)
	}
	code, _, errOut := runCLI(t, "ask", "--company", "Nowhere")
	if code != 1 || !strings.Contains(errOut, "no question matches") {
		t.Fatalf("ask with no match: %d %q", code, errOut)
	}
}

func TestBankShowAndStats(t *testing.T) {
	cliEnv(t)
	code, out, _ := runCLI(t, "bank", "show", "beh-teamwork-tough-project")
	if code != 0 || !strings.HasPrefix(out, "# ") || !strings.Contains(out, "## Key points") || !strings.Contains(out, "## A strong answer") {
		t.Fatalf("show (piped, so plain markdown): %d\n%s", code, out)
	}
	code, _, errOut := runCLI(t, "bank", "show", "no-such-question")
	if code != 2 || !strings.Contains(errOut, `no question with id "no-such-question"`) {
		t.Fatalf("show unknown: %d %q", code, errOut)
	}
	code, out, _ = runCLI(t, "bank", "stats")
	for _, want := range []string{"By kind", "technical", "By role", "platform", "By category", "databases"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats lacks %q", want)
		}
	}
	if code != 0 {
		t.Fatalf("stats: %d", code)
	}
}

// On a terminal each row is cut to the width; piped, rows are whole.
func TestQuestionTableFitsTheTerminal(t *testing.T) {
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	qs := b.Filter(questions.Filter{Kinds: []questions.Kind{questions.Situational}})
	var cut, whole strings.Builder
	writeQuestionTable(&cut, qs, 80)
	writeQuestionTable(&whole, qs, 0)
	for _, l := range strings.Split(strings.TrimSpace(cut.String()), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Fatalf("a %d-cell row on an 80-column terminal: %q", w, l)
		}
	}
	if !strings.Contains(cut.String(), "…") || !strings.Contains(whole.String(), qs[0].Text[len(qs[0].Text)-10:]) {
		t.Error("long rows are not cut on a terminal, or are cut when piped")
	}
}
