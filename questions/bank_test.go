package questions

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeBank(t *testing.T, dir, name, body string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func userQuestion(id, text string) string {
	return `  - id: ` + id + `
    text: ` + text + `
    kind: behavioral
    category: teamwork
    roles: [backend]
    difficulty: 1
    time: 2m
    key_points:
      - point: Names a real situation
        terms: [project]
    follow_ups: ["What happened next?"]
    outline: Situation, task, action, result.
`
}

func TestUserBanksAddOverrideAndSkipBadFiles(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	overridden := def.Questions()[0]

	dir := t.TempDir()
	good := writeBank(t, dir, "a-good.yaml", "questions:\n"+
		userQuestion("my-own-question", "Tell me about the hardest bug you fixed at Acme.")+
		userQuestion(overridden.ID, "My rewording of a default question."))
	bad := writeBank(t, dir, "b-bad.yaml", "questions:\n"+
		userQuestion("fine-but-in-a-bad-file", "This one is valid.")+
		strings.Replace(userQuestion("broken", "Broken."), "time: 2m", "time: soon", 1))
	clash := writeBank(t, dir, "c-clash.yaml", "questions:\n"+userQuestion("my-own-question", "Same id again."))
	writeBank(t, dir, "notes.txt", "not a bank")
	extra := writeBank(t, t.TempDir(), "extra.yaml", "questions:\n"+userQuestion("from-flag", "Passed with --bank."))
	missing := filepath.Join(dir, "missing.yaml")

	files, err := UserFiles(dir, []string{extra, missing})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 5 {
		t.Fatalf("files = %v", files)
	}
	b, err := Load(files, Parser{})
	if err != nil {
		t.Fatal(err)
	}

	if b.Len() != def.Len()+2 {
		t.Fatalf("len = %d, want default %d + 2 new", b.Len(), def.Len())
	}
	q, ok := b.Get(overridden.ID)
	if !ok || q.Text != "My rewording of a default question." || !q.Source.User {
		t.Fatalf("override not applied: %+v", q)
	}
	if b.Questions()[0] != q {
		t.Fatal("an override keeps the default's place in the bank")
	}
	if len(b.Overridden) != 1 || b.Overridden[0] != overridden.ID {
		t.Fatalf("Overridden = %v", b.Overridden)
	}
	for _, id := range []string{"my-own-question", "from-flag"} {
		if _, ok := b.Get(id); !ok {
			t.Errorf("%s not loaded", id)
		}
	}
	if _, ok := b.Get("fine-but-in-a-bad-file"); ok {
		t.Error("a file with an error must be skipped whole")
	}

	problems := map[string]string{}
	for _, p := range b.Problems {
		problems[p.File] = p.Error()
	}
	if len(problems) != 3 {
		t.Fatalf("problems = %v", problems)
	}
	if !strings.Contains(problems[bad], `time "soon" is not a duration`) {
		t.Errorf("bad file: %q", problems[bad])
	}
	if !strings.Contains(problems[clash], "duplicate id: also in "+good) {
		t.Errorf("clash: %q", problems[clash])
	}
	if !strings.Contains(problems[missing], "no such file") {
		t.Errorf("missing: %q", problems[missing])
	}
}

func TestUserFilesMissingFolder(t *testing.T) {
	files, err := UserFiles(filepath.Join(t.TempDir(), "none"), nil)
	if err != nil || len(files) != 0 {
		t.Fatalf("files %v, err %v", files, err)
	}
}

func TestDuplicateIDWithinAFile(t *testing.T) {
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f := writeBank(t, t.TempDir(), "dup.yaml", "questions:\n"+userQuestion("twice", "One.")+userQuestion("twice", "Two."))
	b.AddUserFiles([]string{f}, Parser{})
	if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].Error(), "dup.yaml:14:5: question \"twice\": duplicate id: also at line 2") {
		t.Fatalf("problems = %v", b.Problems)
	}
}
