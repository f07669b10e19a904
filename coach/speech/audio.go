// Package speech measures a spoken answer: from the audio itself, offline,
// how long it lasts, how much of it is speech, its pauses and the silence
// before the first word; and from a transcript, the pace in words per
// minute over the speaking time, filler words and hedges. The transcript
// comes from any OpenAI-compatible transcription endpoint (transcribe.go);
// without one the audio measures still stand and no transcript is made up.
package speech

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"

	"github.com/go-audio/wav"
)

// Limits on a recording: a spoken answer is minutes long, and the
// transcription endpoints refuse files over 25 MB.
const (
	MaxDuration = 10 * 60 // seconds
	MaxBytes    = 25 << 20
)

// Audio is a recording as mono samples in [-1, 1].
type Audio struct {
	Samples []float32
	Rate    int // samples per second
}

// Duration is the recording's length in seconds.
func (a Audio) Duration() float64 {
	if a.Rate == 0 {
		return 0
	}
	return float64(len(a.Samples)) / float64(a.Rate)
}

// ErrNotWAV is returned for a file that is not PCM WAV audio.
var ErrNotWAV = errors.New("not a PCM WAV file: record 16 kHz mono WAV, or convert it with `sox in.mp3 -r 16000 -c 1 out.wav`")

// ReadWAV reads a PCM WAV file, refusing one too large or too long to be
// an answer with the reason.
func ReadWAV(path string) (Audio, error) {
	f, err := os.Open(path)
	if err != nil {
		return Audio{}, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxBytes {
		return Audio{}, fmt.Errorf("%s: %.0f MB, more than the %d MB a transcription endpoint takes: record a shorter answer, or split it with `sox in.wav out.wav trim 0 600 : newfile : restart`", path, float64(info.Size())/(1<<20), MaxBytes>>20)
	}
	a, err := DecodeWAV(f)
	if err != nil {
		return Audio{}, fmt.Errorf("%s: %w", path, err)
	}
	if d := a.Duration(); d > MaxDuration {
		return Audio{}, fmt.Errorf("%s: %.0f minutes long, more than the %d minutes an answer may be: split it with `sox in.wav out.wav trim 0 600 : newfile : restart`", path, d/60, MaxDuration/60)
	}
	return a, nil
}

// DecodeWAV reads PCM WAV audio (8, 16, 24 or 32 bits, any rate, any
// channels, mixed down to mono).
func DecodeWAV(r io.ReadSeeker) (Audio, error) {
	d := wav.NewDecoder(r)
	if !d.IsValidFile() {
		return Audio{}, ErrNotWAV
	}
	if d.WavAudioFormat != 1 {
		return Audio{}, fmt.Errorf("%w (its format code is %d)", ErrNotWAV, d.WavAudioFormat)
	}
	buf, err := d.FullPCMBuffer()
	if err != nil {
		return Audio{}, fmt.Errorf("%w: %v", ErrNotWAV, err)
	}
	ch := max(buf.Format.NumChannels, 1)
	rate := buf.Format.SampleRate
	if rate <= 0 || int(d.BitDepth) == 0 {
		return Audio{}, ErrNotWAV
	}
	scale := float32(math.Pow(2, float64(d.BitDepth)-1))
	n := len(buf.Data) / ch
	out := make([]float32, n)
	for i := range n {
		var sum float32
		for c := range ch {
			v := buf.Data[i*ch+c]
			if d.BitDepth == 8 {
				v -= 128 // 8-bit WAV is unsigned
			}
			sum += float32(v) / scale
		}
		out[i] = sum / float32(ch)
	}
	return Audio{Samples: out, Rate: rate}, nil
}

// Measures are what the audio alone says about an answer, in seconds.
type Measures struct {
	Duration float64 `json:"duration_seconds"`
	// Speaking is the time from the first word to the last, less the
	// pauses.
	Speaking float64 `json:"speaking_seconds"`
	// Silence is the rest of the recording: before, between and after.
	Silence float64 `json:"silence_seconds"`
	// Lead is the silence before the first word.
	Lead float64 `json:"silence_before_start_seconds"`
	// Pauses are the silences between words of at least MinPause.
	Pauses  []Pause `json:"pause_list"`
	Count   int     `json:"pauses"`
	Longest float64 `json:"longest_pause_seconds"`
	// Speech is false when nothing in the recording is loud enough to be
	// speech (a muted or unplugged microphone).
	Speech bool `json:"speech_found"`
}

// Pause is one silence between words.
type Pause struct {
	Start    float64 `json:"start_seconds"`
	Duration float64 `json:"seconds"`
}

// MinPause is the shortest silence counted as a pause: shorter ones are
// the gaps between words and phrases any speaker leaves.
const MinPause = 0.6

// frame is the analysis step: fine enough to place a pause within a few
// hundredths of a second.
const frame = 0.01

// Measure finds the speech in a recording by its loudness, frame by frame
// against the recording's own floor and peak, so a quiet microphone and a
// loud one are read alike.
func Measure(a Audio) Measures {
	m := Measures{Duration: round2(a.Duration()), Pauses: []Pause{}}
	step := max(int(float64(a.Rate)*frame), 1)
	var db []float64
	for i := 0; i+step <= len(a.Samples); i += step {
		var sum float64
		for _, s := range a.Samples[i : i+step] {
			sum += float64(s) * float64(s)
		}
		rms := math.Sqrt(sum / float64(step))
		db = append(db, max(20*math.Log10(rms+1e-10), -100))
	}
	if len(db) == 0 {
		m.Silence = m.Duration
		return m
	}
	sorted := append([]float64(nil), db...)
	sort.Float64s(sorted)
	floor, peak := sorted[len(sorted)/10], sorted[len(sorted)*98/100]
	// speech is well above the floor and within 35 dB of the peak; a
	// recording whose peak is near silence has none
	threshold := max(floor+10, peak-35)
	if peak < -55 || peak-floor < 12 {
		m.Silence = m.Duration
		return m
	}
	voiced := make([]bool, len(db))
	for i, v := range db {
		voiced[i] = v >= threshold
	}
	// a click is not speech: runs shorter than 40 ms are dropped
	dropShort(voiced, 4)
	first, last := -1, -1
	for i, v := range voiced {
		if v {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		m.Silence = m.Duration
		return m
	}
	m.Speech = true
	m.Lead = round2(float64(first) * frame)
	gap := 0
	for i := first; i <= last+1; i++ {
		if i <= last && !voiced[i] {
			gap++
			continue
		}
		if secs := float64(gap) * frame; secs >= MinPause {
			m.Pauses = append(m.Pauses, Pause{Start: round2(float64(i-gap) * frame), Duration: round2(secs)})
			m.Longest = max(m.Longest, round2(secs))
		}
		gap = 0
	}
	m.Count = len(m.Pauses)
	span := float64(last-first+1) * frame
	paused := 0.0
	for _, p := range m.Pauses {
		paused += p.Duration
	}
	m.Speaking = round2(span - paused)
	m.Silence = round2(max(m.Duration-m.Speaking, 0))
	return m
}

// dropShort clears runs of true shorter than n.
func dropShort(v []bool, n int) {
	for i := 0; i < len(v); {
		if !v[i] {
			i++
			continue
		}
		j := i
		for j < len(v) && v[j] {
			j++
		}
		if j-i < n {
			for k := i; k < j; k++ {
				v[k] = false
			}
		}
		i = j
	}
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
