package speech

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The configured command first; then rec, arecord, ffmpeg, pw-record, in
// that order; none found names what to install.
func TestFindRecorder(t *testing.T) {
	have := func(names ...string) func(string) (string, error) {
		return func(n string) (string, error) {
			for _, h := range names {
				if h == n {
					return "/usr/bin/" + n, nil
				}
			}
			return "", exec.ErrNotFound
		}
	}
	for _, c := range []struct {
		cmd   string
		have  []string
		want  string
		error string
	}{
		{"", []string{"arecord", "rec", "ffmpeg"}, "rec", ""},
		{"", []string{"ffmpeg", "pw-record"}, "ffmpeg", ""},
		{"", []string{"pw-record"}, "pw-record", ""},
		{"", nil, "", "install sox (for rec) or alsa-utils (for arecord)"},
		{"parecord --rate 16000 {file}", nil, "parecord", ""},
		{"parecord --rate 16000", nil, "", "must name the file to write as {file}"},
	} {
		r, err := FindRecorder(c.cmd, have(c.have...))
		switch {
		case c.error != "":
			if err == nil || !strings.Contains(err.Error(), c.error) {
				t.Errorf("%q %v: %v", c.cmd, c.have, err)
			}
		case err != nil || r.Name != c.want:
			t.Errorf("%q %v: %s %v, want %s", c.cmd, c.have, r.Name, err, c.want)
		}
	}
	if _, err := FindRecorder("", have()); !errors.Is(err, ErrNoRecorder) {
		t.Error("no recorder is ErrNoRecorder")
	}
}

// A recorder that plays a prepared answer as the microphone: started, its
// level read as it writes, stopped by the same interrupt a user's ctrl+c
// sends, and the file whole. One that fails at once says why.
func TestRecordingStartsStopsAndFails(t *testing.T) {
	tools(t)
	answer := spoken(t, 0.3, "I would start with the error budget.", 0.3)
	out := filepath.Join(t.TempDir(), "rec.wav")
	// the prepared answer, then a recorder that keeps running until it
	// is interrupted, as a microphone does
	r, err := FindRecorder(`cp "`+answer+`" {file} && sleep 60`, exec.LookPath)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := r.Start(out)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if err := rec.Failed(); err != nil {
		t.Fatal(err)
	}
	if err := rec.Stop(); err != nil {
		t.Fatal(err)
	}
	if time.Since(rec.Started) > 5*time.Second {
		t.Fatal("the recorder was not stopped by the interrupt")
	}
	a, err := ReadWAV(out)
	if err != nil || a.Duration() <= 0 {
		t.Fatalf("the recording: %v (%.2f s)", err, a.Duration())
	}

	bad, _ := FindRecorder(`echo "audio open error: Device or resource busy" >&2; exit 1 # {file}`, exec.LookPath)
	rec, err = bad.Start(filepath.Join(t.TempDir(), "x.wav"))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	if err := rec.Failed(); err == nil || !strings.Contains(err.Error(), "Device or resource busy") {
		t.Fatalf("a busy device: %v", err)
	}
	if err := rec.Stop(); err == nil {
		t.Fatal("stopping a failed recorder is not a recording")
	}
}

// The meter reads the loudness of what was written last.
func TestLevel(t *testing.T) {
	tools(t)
	dir := t.TempDir()
	loud, quiet := filepath.Join(dir, "loud.wav"), filepath.Join(dir, "quiet.wav")
	run(t, "sox", "-n", "-r", "16000", "-c", "1", "-b", "16", loud, "synth", "1", "sine", "440", "vol", "0.5")
	run(t, "sox", "-n", "-r", "16000", "-c", "1", "-b", "16", quiet, "trim", "0", "1")
	if l, q := Level(loud), Level(quiet); l < 0.8 || q != 0 {
		t.Fatalf("loud %.2f, quiet %.2f", l, q)
	}
	if Level(filepath.Join(dir, "none.wav")) != 0 {
		t.Fatal("a missing file is silence")
	}
	os.WriteFile(filepath.Join(dir, "short.wav"), []byte("RIFF"), 0o644)
	if Level(filepath.Join(dir, "short.wav")) != 0 {
		t.Fatal("a file with no samples yet is silence")
	}
}
