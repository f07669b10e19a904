// Package speechtest makes real speech for tests: espeak-ng reads the
// sentences and sox puts silences of known length around them, as 16 kHz
// mono WAV. Where the tools are missing the test is skipped, except in
// CI, which installs them: there a missing tool fails.
package speechtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Need skips or fails t when espeak-ng or sox is missing.
func Need(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"espeak-ng", "sox"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed, and CI should have installed it", tool)
			}
			t.Skipf("%s is not installed (apt-get install espeak-ng sox)", tool)
		}
	}
}

// Run runs a tool, failing t with its output when it fails.
func Run(t testing.TB, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// Say makes a recording of parts in order: a float64 is that many seconds
// of silence, a string is espeak-ng reading it with its own leading and
// trailing silence trimmed, so the silences are exactly as long as asked.
func Say(t testing.TB, parts ...any) string {
	t.Helper()
	Need(t)
	dir := t.TempDir()
	var files []string
	for i, p := range parts {
		f := filepath.Join(dir, strconv.Itoa(i)+".wav")
		switch p := p.(type) {
		case float64:
			Run(t, "sox", "-n", "-r", "16000", "-c", "1", "-b", "16", f, "trim", "0", strconv.FormatFloat(p, 'f', 2, 64))
		case string:
			raw := f + ".raw.wav"
			Run(t, "espeak-ng", "-w", raw, p)
			Run(t, "sox", raw, "-r", "16000", "-c", "1", "-b", "16", f,
				"silence", "1", "0.05", "0.5%", "reverse", "silence", "1", "0.05", "0.5%", "reverse")
		}
		files = append(files, f)
	}
	out := filepath.Join(dir, "answer.wav")
	Run(t, "sox", append(files, out)...)
	return out
}
