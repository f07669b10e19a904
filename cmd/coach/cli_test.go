package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-tui/coach/coach/config"
)

// runCLI runs coach in-process with its own config and data locations.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = execute(args, streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func cliEnv(t *testing.T) string {
	root := t.TempDir()
	t.Setenv("COACH_CONFIG", filepath.Join(root, "config", "config.yaml"))
	t.Setenv("COACH_DATA_DIR", filepath.Join(root, "data"))
	t.Setenv("COACH_THEME", "")
	t.Setenv("NO_COLOR", "")
	return root
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "version")
	if code != 0 || !strings.HasPrefix(out, "coach ") || !strings.Contains(out, "go1.") {
		t.Fatalf("version: %d %q", code, out)
	}
}

func TestConfigInitPathShow(t *testing.T) {
	root := cliEnv(t)
	path := filepath.Join(root, "config", "config.yaml")

	code, out, _ := runCLI(t, "config", "path")
	if code != 0 || strings.TrimSpace(out) != path {
		t.Fatalf("config path: %d %q", code, out)
	}

	code, out, _ = runCLI(t, "config", "show")
	if code != 0 || !strings.Contains(out, "does not exist") || !strings.Contains(out, "theme: auto") {
		t.Fatalf("config show before init: %d %q", code, out)
	}

	code, out, _ = runCLI(t, "config", "init")
	if code != 0 || !strings.Contains(out, path) {
		t.Fatalf("config init: %d %q", code, out)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != config.Template {
		t.Fatalf("config init wrote %q, %v", got, err)
	}

	code, _, errOut := runCLI(t, "config", "init")
	if code != 2 || !strings.Contains(errOut, "--force") {
		t.Fatalf("second init should refuse with status 2: %d %q", code, errOut)
	}

	os.WriteFile(path, []byte("theme: light\n"), 0o600)
	code, out, _ = runCLI(t, "config", "show")
	if code != 0 || !strings.Contains(out, "theme: light") || !strings.Contains(out, "(exists)") {
		t.Fatalf("config show after edit: %d %q", code, out)
	}
	code, _, _ = runCLI(t, "config", "init", "--force")
	if got, _ := os.ReadFile(path); code != 0 || string(got) != config.Template {
		t.Fatalf("init --force: %d %q", code, got)
	}
}

func TestConfigShowAppliesEnvAndFlags(t *testing.T) {
	cliEnv(t)
	t.Setenv("COACH_THEME", "dark")
	t.Setenv("NO_COLOR", "1")
	code, out, _ := runCLI(t, "config", "show", "--data-dir", "/elsewhere", "--offline")
	if code != 0 {
		t.Fatalf("status %d", code)
	}
	for _, want := range []string{"theme: dark", "data_dir: /elsewhere", "# offline: true", "# color: false"} {
		if !strings.Contains(out, want) {
			t.Errorf("config show lacks %q:\n%s", want, out)
		}
	}
}

// A bad config file is fixed in the file: exit 1 with the place, and no
// pointer to --help, which would not help.
func TestConfigErrorsAreNotUsageErrors(t *testing.T) {
	root := cliEnv(t)
	bad := filepath.Join(root, "bad.yaml")
	os.WriteFile(bad, []byte("theme: dark\nfont: mono\n"), 0o600)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"config", "show", "--config", bad}, bad + ":2:1: font: unknown key"},
		{[]string{"stats", "--config", bad + ".typo"}, "config " + bad + ".typo: no such file"},
	} {
		code, _, errOut := runCLI(t, tt.args...)
		if code != 1 || !strings.Contains(errOut, tt.want) || strings.Contains(errOut, "--help") {
			t.Errorf("%v: status %d, stderr %q; want 1 and %q without a usage hint", tt.args, code, errOut, tt.want)
		}
	}
	code, out, _ := runCLI(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "coach ") {
		t.Errorf("--version: %d %q", code, out)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	root := cliEnv(t)
	bad := filepath.Join(root, "bad.yaml")
	os.WriteFile(bad, []byte("theme: dark\nfont: mono\n"), 0o600)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--nope"}, "unknown flag: --nope"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"config", "frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"version", "extra"}, "unknown command"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, tt.args...)
		if code != 2 {
			t.Errorf("%v: status %d, want 2 (stderr %q)", tt.args, code, errOut)
		}
		if !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, errOut, tt.want)
		}
		if out != "" {
			t.Errorf("%v: errors belong on stderr, stdout got %q", tt.args, out)
		}
	}
}

func TestAppNeedsATerminal(t *testing.T) {
	cliEnv(t)
	code, _, errOut := runCLI(t)
	if code != 2 || !strings.Contains(errOut, "needs a terminal") {
		t.Fatalf("status %d, stderr %q", code, errOut)
	}
}

// Both spellings of behavioural, --json on skills as everywhere else.
func TestSpellingsAndFlagsPeopleUse(t *testing.T) {
	cliEnv(t)
	_, us, _ := runCLI(t, "bank", "list", "--kind", "behavioral")
	code, uk, errOut := runCLI(t, "bank", "list", "--kind", "Behavioural")
	if code != 0 || uk != us || us == "" {
		t.Errorf("--kind Behavioural: %d %q, want the behavioral list", code, errOut)
	}
	code, j1, _ := runCLI(t, "skills", "--json")
	_, j2, _ := runCLI(t, "skills", "--format", "json")
	if code != 0 || j1 != j2 || !strings.HasPrefix(strings.TrimSpace(j1), "{") {
		t.Errorf("skills --json: %d %.80q", code, j1)
	}
	dir := t.TempDir()
	bank := writeFile(t, dir, "uk.yaml", strings.Replace(myBank, "kind: behavioral", "kind: behavioural", 1))
	if code, out, errOut := runCLI(t, "bank", "validate", bank); code != 0 {
		t.Errorf("kind: behavioural in a bank file: %d %q %q", code, out, errOut)
	}
}
