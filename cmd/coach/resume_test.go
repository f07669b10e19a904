package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-tui/coach/coach/resume"
)

func TestResumeExample(t *testing.T) {
	cliEnv(t)
	code, out, _ := runCLI(t, "resume", "example")
	if code != 0 || out != resume.ExampleTemplate() {
		t.Fatalf("stdout: %d, template %v", code, out == resume.ExampleTemplate())
	}
	code, out, _ = runCLI(t, "resume", "example", "--notes")
	if code != 0 || !strings.Contains(out, "> **Why it works:**") {
		t.Fatalf("--notes: %d", code)
	}

	path := filepath.Join(t.TempDir(), "my-resume.md")
	if code, out, _ := runCLI(t, "resume", "example", "--out", path); code != 0 || !strings.Contains(out, "Wrote "+path) {
		t.Fatalf("--out: %d %q", code, out)
	}
	got, _ := os.ReadFile(path)
	if string(got) != resume.ExampleTemplate() {
		t.Fatal("--out wrote something else")
	}
	os.WriteFile(path, []byte("my edits"), 0o644)
	code, _, errOut := runCLI(t, "resume", "example", "--out", path)
	if code != 2 || !strings.Contains(errOut, "--force") {
		t.Fatalf("existing file: %d %q", code, errOut)
	}
	if got, _ := os.ReadFile(path); string(got) != "my edits" {
		t.Fatal("an existing file was overwritten without --force")
	}
	if code, _, _ := runCLI(t, "resume", "example", "--out", path, "--force"); code != 0 {
		t.Fatalf("--force: %d", code)
	}
}
