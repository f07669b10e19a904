package speech

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-tui/coach/coach/speech/speechtest"
)

var (
	tools  = speechtest.Need
	run    = speechtest.Run
	spoken = speechtest.Say
)

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if got < want-0.3 || got > want+0.3 {
		t.Errorf("%s: %.2f s, want %.2f ± 0.3 s", what, got, want)
	}
}

// Real speech with silences of known length put in: the measures find the
// silence before the first word and each pause within 0.3 s, and count
// none inside the sentences.
func TestMeasuresFindInsertedSilences(t *testing.T) {
	tools(t)
	path := spoken(t, 1.5,
		"In my last role I led the move from cron jobs to event driven workers.", 2.0,
		"It removed thirty scheduled scripts and a nightly batch window.", 1.2,
		"The hardest part was replaying old events safely.", 0.5)
	a, err := ReadWAV(path)
	if err != nil {
		t.Fatal(err)
	}
	m := Measure(a)
	if !m.Speech || m.Count != 2 {
		t.Fatalf("speech %v, %d pauses: %+v", m.Speech, m.Count, m.Pauses)
	}
	near(t, "silence before the first word", m.Lead, 1.5)
	near(t, "first pause", m.Pauses[0].Duration, 2.0)
	near(t, "second pause", m.Pauses[1].Duration, 1.2)
	near(t, "longest pause", m.Longest, 2.0)
	near(t, "speaking time", m.Speaking, a.Duration()-1.5-2.0-1.2-0.5)
	near(t, "duration", m.Duration, a.Duration())
}

// The same speech at a tenth of the volume, and over a noise floor, reads
// the same: the thresholds come from the recording itself.
func TestMeasuresFollowTheRecordingsLevel(t *testing.T) {
	tools(t)
	path := spoken(t, 1.0, "Tell me about a time you disagreed with your manager.", 1.5, "I would start with the facts.")
	quiet := filepath.Join(t.TempDir(), "quiet.wav")
	run(t, "sox", path, quiet, "vol", "0.1")
	noisy := filepath.Join(t.TempDir(), "noisy.wav")
	noise := filepath.Join(t.TempDir(), "noise.wav")
	run(t, "sox", path, noise, "synth", "whitenoise", "vol", "0.003")
	run(t, "sox", "-m", path, noise, noisy)
	for _, p := range []string{path, quiet, noisy} {
		a, err := ReadWAV(p)
		if err != nil {
			t.Fatal(err)
		}
		m := Measure(a)
		if m.Count != 1 {
			t.Errorf("%s: %d pauses: %+v", filepath.Base(p), m.Count, m.Pauses)
			continue
		}
		near(t, filepath.Base(p)+" lead", m.Lead, 1.0)
		near(t, filepath.Base(p)+" pause", m.Pauses[0].Duration, 1.5)
	}
}

// A silent recording (a muted microphone) has no speech, and says so.
func TestSilenceIsNotSpeech(t *testing.T) {
	a := Audio{Samples: make([]float32, 16000*3), Rate: 16000}
	if m := Measure(a); m.Speech || m.Count != 0 || m.Speaking != 0 || m.Silence != 3 {
		t.Fatalf("%+v", m)
	}
}

// What is not a WAV file is refused with the reason.
func TestNotAWAVFile(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"text.wav":  []byte("hello, this is not audio at all"),
		"empty.wav": nil,
		"float.wav": floatWAV(),
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		if _, err := ReadWAV(p); err == nil || !strings.Contains(err.Error(), "not a PCM WAV file") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// floatWAV is the header of a 32-bit float WAV (format code 3).
func floatWAV() []byte {
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(36+8))
	b.WriteString("WAVEfmt ")
	for _, v := range []any{uint32(16), uint16(3), uint16(1), uint32(16000), uint32(64000), uint16(4), uint16(32)} {
		binary.Write(&b, binary.LittleEndian, v)
	}
	b.WriteString("data")
	binary.Write(&b, binary.LittleEndian, uint32(8))
	b.Write(make([]byte, 8))
	return b.Bytes()
}
