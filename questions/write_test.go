package questions

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// sameQuestion compares every field a bank file holds (not where it was
// read from).
func sameQuestion(t *testing.T, want, got *Question) {
	t.Helper()
	w, g := *want, *got
	w.Source, g.Source = Source{}, Source{}
	if !reflect.DeepEqual(w, g) {
		t.Errorf("question %s changed in a round trip:\nwant %+v\ngot  %+v", want.ID, w, g)
	}
}

func TestMarshalRoundTripsTheDefaultBank(t *testing.T) {
	all := loadDefault(t).Questions()
	data, err := Marshal("Everything", all)
	if err != nil {
		t.Fatal(err)
	}
	back, errs := ParseFile("all.yaml", data)
	if len(errs) > 0 {
		t.Fatalf("the written bank does not parse:\n%v", errs)
	}
	if len(back) != len(all) {
		t.Fatalf("%d questions read back, want %d", len(back), len(all))
	}
	for i := range all {
		sameQuestion(t, all[i], back[i])
	}
	if FileTopic(data) != "Everything" {
		t.Fatalf("topic %q", FileTopic(data))
	}
}

func sampleQuestion() *Question {
	return &Question{
		ID: "acme-payments-outage", Text: "Walk me through an outage you handled end to end.",
		Kind: Behavioral, Category: "failure", Roles: []Role{Backend, SRE}, Difficulty: 2,
		Time: 150 * time.Second, Tags: []string{"incident-response"}, Company: "Acme",
		KeyPoints: []KeyPoint{{Point: "States the customer impact: in numbers", Terms: []string{"customers", "error rate", "javascript: url", "Why?", "yes", "42"}}},
		FollowUps: []FollowUp{
			{Text: "What did you change so it cannot happen again?", KeyPoints: []KeyPoint{{Point: "A guard: in code", Terms: []string{"regression test", "lint: rule"}}}},
			{Text: "Why: really?"},
		},
		Outline: "1. Impact and timeline\n2. Your actions, then the fix\n\n   indented\n3. What changed afterwards",
	}
}

func TestMarshalWritesTheDocumentedFormat(t *testing.T) {
	data, err := Marshal("Acme interviews", []*Question{sampleQuestion()})
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{
		"topic: Acme interviews\n", "  - id: acme-payments-outage\n", "    time: 2m30s\n",
		"    roles: [backend, sre]\n", "    difficulty: 2\n", "    company: Acme\n",
		"    outline: |-\n      1. Impact and timeline\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
	back, errs := ParseFile("x.yaml", data)
	if len(errs) > 0 || len(back) != 1 {
		t.Fatalf("%v\n%s", errs, s)
	}
	sameQuestion(t, sampleQuestion(), back[0])

	ask := sampleQuestion()
	ask.Kind, ask.Why, ask.Company, ask.Tags = AskInterviewer, "Tells you how they learn.", "", nil
	data, _ = Marshal("", []*Question{ask})
	if s := string(data); strings.Contains(s, "topic") || strings.Contains(s, "company") || strings.Contains(s, "tags") || !strings.Contains(s, "why: Tells you") {
		t.Fatalf("optional fields:\n%s", s)
	}
	if back, errs := ParseFile("x.yaml", data); len(errs) > 0 {
		t.Fatal(errs)
	} else {
		sameQuestion(t, ask, back[0])
	}
	if data, _ := Marshal("", nil); string(data) != "questions: []\n" {
		t.Fatalf("empty file %q", data)
	}
}

func TestParseTime(t *testing.T) {
	for in, want := range map[string]time.Duration{"90s": 90 * time.Second, " 2m30s ": 150 * time.Second, "1h": time.Hour} {
		if d, err := ParseTime(in); err != nil || d != want {
			t.Errorf("%q: %v %v", in, d, err)
		}
	}
	for in, msg := range map[string]string{
		"5 minutes": `time "5 minutes" is not a duration (use 5m)`,
		"90":        "time 90 is not a duration (use 90s or 90m)",
		"5s":        "time 5s is outside 15s to 1h",
		"":          "time is empty",
	} {
		if _, err := ParseTime(in); err == nil || !strings.HasPrefix(err.Error(), msg) {
			t.Errorf("%q: %v, want %s", in, err, msg)
		}
	}
}

func TestSaveFileWritesAndValidates(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "banks")
	path := filepath.Join(dir, "mine.yaml")
	q := sampleQuestion()
	if err := SaveFile(path, "Mine", []*Question{q}, Parser{}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("new file: %v %v", fi, err)
	}
	b := FromFiles([]string{path}, Parser{})
	if len(b.Problems) > 0 || b.Len() != 1 {
		t.Fatalf("the loader refuses the file: %v", b.Problems)
	}
	sameQuestion(t, q, b.Questions()[0])

	before, _ := os.ReadFile(path)
	bad := sampleQuestion()
	bad.Category = "Not Kebab"
	bad.Tags = []string{"no-such-skill"}
	err = SaveFile(path, "Mine", []*Question{bad}, Parser{KnownTag: func(string) bool { return false }})
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 2 {
		t.Fatalf("want the parser's two errors, got %v", err)
	}
	if errs[0].Line == 0 || errs[0].File != path || !strings.HasPrefix(errs[0].Msg, "category ") || !strings.HasPrefix(errs[1].Msg, "tag ") {
		t.Fatalf("positioned errors: %#v %#v", errs[0], errs[1])
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("an invalid save changed the file")
	}

	twice := []*Question{sampleQuestion(), sampleQuestion()}
	if err := SaveFile(path, "Mine", twice, Parser{}); !errors.As(err, &errs) || !strings.Contains(errs[0].Msg, "duplicate id") {
		t.Fatalf("repeated ids are refused like the loader does: %v", err)
	}
	assertOnlyFile(t, dir, "mine.yaml")
}

// failing wraps a real temporary file and fails at one step.
type failing struct {
	*os.File
	step string
}

var errInjected = errors.New("injected failure")

func (f failing) Write(b []byte) (int, error) {
	if f.step == "write" {
		n, _ := f.File.Write(b[:len(b)/2]) // half written, as a full disk would leave it
		return n, errInjected
	}
	return f.File.Write(b)
}

func (f failing) Chmod(m fs.FileMode) error {
	if f.step == "chmod" {
		return errInjected
	}
	return f.File.Chmod(m)
}

func (f failing) Sync() error {
	if f.step == "sync" {
		return errInjected
	}
	return f.File.Sync()
}

func (f failing) Close() error {
	err := f.File.Close()
	if f.step == "close" {
		return errInjected
	}
	return err
}

func TestSaveFileFailureLeavesTheOriginal(t *testing.T) {
	orig := fileOps
	t.Cleanup(func() { fileOps = orig })
	for _, step := range []string{"create", "write", "chmod", "sync", "close", "rename"} {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "mine.yaml")
			if err := SaveFile(path, "Mine", []*Question{sampleQuestion()}, Parser{}); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(path)

			fileOps = orig
			switch step {
			case "create":
				fileOps.createTemp = func(string, string) (tempFile, error) { return nil, errInjected }
			case "rename":
				fileOps.rename = func(string, string) error { return errInjected }
			default:
				fileOps.createTemp = func(dir, pattern string) (tempFile, error) {
					f, err := os.CreateTemp(dir, pattern)
					return failing{f, step}, err
				}
			}
			changed := sampleQuestion()
			changed.Text = "A different question altogether?"
			err := SaveFile(path, "Mine", []*Question{changed, {}}, Parser{})
			if err == nil {
				t.Fatal("an invalid list saved")
			}
			err = SaveFile(path, "Mine", []*Question{changed}, Parser{})
			fileOps = orig
			if !errors.Is(err, errInjected) || !strings.Contains(err.Error(), path) {
				t.Fatalf("error %v", err)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Fatalf("the original changed:\n%s", after)
			}
			assertOnlyFile(t, dir, "mine.yaml")
		})
	}
}

func assertOnlyFile(t *testing.T, dir, name string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != name {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("files left in %s: %v", dir, names)
	}
}
