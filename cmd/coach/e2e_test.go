package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coach-tui/coach/cmd/coach/internal/termtest"
)

// coachBin is the binary built once for the end-to-end tests.
var coachBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "coach-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// World-readable so the permission tests can run the binary as nobody.
	os.Chmod(dir, 0o755)
	coachBin, err = termtest.Build(dir, "coach", ".")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const waitLong = 10 * time.Second

// isolated gives a run its own config and data directories.
func isolated(t *testing.T) (env []string, dataDir string) {
	t.Helper()
	root := t.TempDir()
	dataDir = filepath.Join(root, "data")
	return []string{
		"XDG_CONFIG_HOME=" + filepath.Join(root, "config"),
		"XDG_DATA_HOME=" + filepath.Join(root, "share"),
		"COACH_DATA_DIR=" + dataDir,
	}, dataDir
}

func startCoach(t *testing.T, w, h int, args ...string) (*termtest.Term, string) {
	env, data := isolated(t)
	return termtest.Start(t, coachBin, termtest.Options{Width: w, Height: h, Args: args, Env: env}), data
}

func assertRestored(t *testing.T, tm *termtest.Term) {
	t.Helper()
	if tm.AltScreen() {
		t.Error("the alternate screen was not left")
	}
	if tm.CursorHidden() {
		t.Error("the cursor was left hidden")
	}
}

func TestE2EOpensAndQuits(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			tm, data := startCoach(t, size[0], size[1])
			tm.WaitFor("Practice", waitLong)
			tm.WaitFor("Settings", waitLong)
			tm.WaitFor("q quit", waitLong)
			tm.WaitFor("questions · offline", waitLong) // the bank and database have loaded
			if !tm.AltScreen() {
				t.Error("the app should run on the alternate screen")
			}
			tm.Type("q")
			if code := tm.WaitExit(waitLong); code != 0 {
				t.Fatalf("exit status %d", code)
			}
			assertRestored(t, tm)
			if _, err := os.Stat(filepath.Join(data, "coach.db")); err != nil {
				t.Errorf("database not created: %v", err)
			}
		})
	}
}

func TestE2EHelpToggles(t *testing.T) {
	tm, _ := startCoach(t, 80, 24)
	tm.WaitFor("? more keys", waitLong)
	tm.Type("?")
	tm.WaitFor("ctrl+c", waitLong)
	tm.WaitFor("Example resume", waitLong)
	tm.Type(termtest.CtrlC)
	if code := tm.WaitExit(waitLong); code != 0 {
		t.Fatalf("ctrl+c: exit status %d", code)
	}
	assertRestored(t, tm)
}

func TestE2ENavigatesAndSurvivesResize(t *testing.T) {
	tm, _ := startCoach(t, 80, 24)
	tm.WaitFor("questions · offline", waitLong)
	tm.Type("c")
	tm.WaitFor("Data directory", waitLong)
	tm.WaitFor("private to you", waitLong) // the database row, once open
	tm.Resize(30, 8)
	tm.WaitFor("Terminal too small", waitLong)
	tm.Resize(100, 30)
	tm.WaitFor("Data directory", waitLong)
	tm.Type(termtest.Esc)
	tm.WaitFor("questions · offline", waitLong) // home again
	tm.Type("r")
	tm.WaitFor("Resume file", waitLong)
	tm.Type("q") // typed into the path: the inputs take every key
	tm.WaitFor("Resume file     q", waitLong)
	tm.Type(termtest.CtrlC)
	if code := tm.WaitExit(waitLong); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	assertRestored(t, tm)
}

// A rating set in the Skills screen is saved at once and is there after a
// restart.
func TestE2ESkillRatingSurvivesRestart(t *testing.T) {
	env, _ := isolated(t)
	start := func() *termtest.Term {
		return termtest.Start(t, coachBin, termtest.Options{Width: 80, Height: 24, Env: env})
	}
	tm := start()
	tm.WaitFor("questions · offline", waitLong)
	tm.Type("s")
	tm.WaitFor("API design", waitLong)
	tm.Type("3")
	tm.WaitFor("●●● API design", waitLong)
	tm.Type("q")
	if code := tm.WaitExit(waitLong); code != 0 {
		t.Fatalf("exit status %d", code)
	}

	tm = start()
	tm.WaitFor("questions · offline", waitLong)
	tm.Type("s")
	tm.WaitFor("●●● API design", waitLong)
	tm.WaitFor("Hard 1/13", waitLong)
	tm.Type("q")
	tm.WaitExit(waitLong)
}

func TestE2EExampleResume(t *testing.T) {
	tm, _ := startCoach(t, 80, 24)
	tm.WaitFor("questions · offline", waitLong)
	tm.Type("e")
	tm.WaitFor("## Summary", waitLong) // rendered, not only the header
	tm.Type("f")
	tm.WaitFor("Why it works", waitLong)
	tm.Type("n")
	tm.WaitFor("notes off", waitLong)
	tm.Resize(50, 20)
	tm.WaitFor("Example resume · notes off", waitLong)
	tm.Type("q")
	if code := tm.WaitExit(waitLong); code != 0 {
		t.Fatalf("exit status %d", code)
	}
}

// A bad start must end with one clear line naming the path, a non-zero
// status and a usable terminal.
func TestE2EBadInput(t *testing.T) {
	corrupt := t.TempDir()
	os.WriteFile(filepath.Join(corrupt, "coach.db"), []byte(strings.Repeat("not a database ", 300)), 0o600)
	badConfig := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(badConfig, []byte("theme: sepia\n"), 0o600)
	fileAsDir := filepath.Join(t.TempDir(), "file")
	os.WriteFile(fileAsDir, nil, 0o600)

	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown flag", []string{"--colour"}, 2, "unknown flag: --colour"},
		{"bad config value", []string{"--config", badConfig}, 1, badConfig + ":1:8: theme"},
		{"missing config", []string{"--config", badConfig + ".typo"}, 1, badConfig + ".typo: no such file"},
		{"corrupt database", []string{"--data-dir", corrupt}, 1, filepath.Join(corrupt, "coach.db")},
		{"data dir is a file", []string{"--data-dir", fileAsDir}, 1, fileAsDir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, _ := isolated(t)
			tm := termtest.Start(t, coachBin, termtest.Options{Width: 100, Height: 24, Args: tt.args, Env: env})
			code := tm.WaitExit(waitLong)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; screen:\n%s", code, tt.code, tm.Screen())
			}
			screen := strings.ReplaceAll(tm.Screen(), "\n", "")
			if !strings.Contains(screen, tt.want) {
				t.Errorf("want %q on screen; screen:\n%s", tt.want, tm.Screen())
			}
			if strings.Contains(tm.Output(), "goroutine ") {
				t.Error("a stack trace reached the terminal")
			}
			assertRestored(t, tm)
		})
	}
}

// Permissions mean nothing to root, so these run the binary as nobody.
func TestE2EUnusableDataDir(t *testing.T) {
	cred := &syscall.Credential{Uid: 65534, Gid: 65534}
	if os.Geteuid() != 0 {
		cred = nil
	}
	base := t.TempDir()
	os.Chmod(filepath.Dir(base), 0o755)
	os.Chmod(base, 0o755)
	readOnly := filepath.Join(base, "readonly")
	os.Mkdir(readOnly, 0o555)
	unreadable := filepath.Join(base, "unreadable")
	os.Mkdir(unreadable, 0o000)
	for _, dir := range []string{readOnly, unreadable} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			tm := termtest.Start(t, coachBin, termtest.Options{
				Width: 120, Height: 24, Credential: cred,
				Args: []string{"--data-dir", dir},
				Env:  []string{"HOME=" + base},
			})
			code := tm.WaitExit(waitLong)
			if code != 1 {
				t.Errorf("exit status %d, want 1; screen:\n%s", code, tm.Screen())
			}
			screen := strings.ReplaceAll(tm.Screen(), "\n", "")
			if !strings.Contains(screen, dir) || !strings.Contains(screen, "not writable") {
				t.Errorf("want a not-writable error naming %s; screen:\n%s", dir, tm.Screen())
			}
			assertRestored(t, tm)
		})
	}
}

// TestE2EFirstFrameTiming measures process start to the first full frame
// of the home screen. It reports and never asserts a time; run it with
//
//	COACH_TIMING=1 go test ./cmd/coach -run FirstFrame -v
//
// and set COACH_FLOOR to the floor program (shared/tools/floor) to time it
// in the same run for comparison.
func TestE2EFirstFrameTiming(t *testing.T) {
	if os.Getenv("COACH_TIMING") == "" {
		t.Skip("set COACH_TIMING=1 to measure")
	}
	const runs = 15
	measure := func(bin string, args []string, expect string) []time.Duration {
		var out []time.Duration
		for i := 0; i < runs+1; i++ {
			env, _ := isolated(t)
			tm := termtest.Start(t, bin, termtest.Options{Width: 80, Height: 24, Args: args, Env: env})
			d := tm.WaitFor(expect, waitLong)
			tm.Type("q")
			tm.WaitExit(waitLong)
			if i > 0 { // the first run warms the page cache
				out = append(out, d)
			}
		}
		return out
	}
	report := func(name string, ds []time.Duration) {
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		t.Logf("%-6s first frame over %d runs: min %.1f ms, median %.1f ms, max %.1f ms",
			name, len(ds), ms(ds[0]), ms(ds[len(ds)/2]), ms(ds[len(ds)-1]))
	}
	report("coach", measure(coachBin, nil, "q quit"))
	if floor := os.Getenv("COACH_FLOOR"); floor != "" {
		report("floor", measure(floor, []string{"-mode", "dark"}, "Interview coach"))
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
