package speech

import (
	"encoding/json"
	"strings"
	"testing"
)

// Pace over the speaking time, fillers as whole words ("like" only as a
// filler), hedges, and the notes that say what to change.
func TestDeliveryFromATranscript(t *testing.T) {
	m := Measures{Duration: 70, Speaking: 60, Lead: 4.2, Count: 2, Longest: 1.4, Speech: true,
		Pauses: []Pause{{10, 1.4}, {30, 0.8}}}
	text := "Um, so I think the outage started, like, at the load balancer. Uh, I'd like to say we fixed it fast, you know, " +
		"but maybe it took an hour. Umbrella policies are unrelated. " + strings.Repeat("word ", 160)
	d := Deliver(m, text)
	if !d.Transcribed || d.Words != len(strings.Fields(text)) || d.WPM != float64(d.Words) {
		t.Fatalf("words %d, wpm %.1f", d.Words, d.WPM)
	}
	want := map[string]int{"um": 1, "uh": 1, "you know": 1, "like": 1}
	for k, n := range want {
		if d.Filler.Each[k] != n {
			t.Errorf("filler %q: %d, want %d (%v)", k, d.Filler.Each[k], n, d.Filler.Each)
		}
	}
	if d.Filler.Total != 4 || d.Hedges.Total != 2 || d.Hedges.Each["maybe"] != 1 || d.Hedges.Each["i think"] != 1 {
		t.Errorf("filler %+v, hedges %+v", d.Filler, d.Hedges)
	}
	all := strings.Join(d.Notes, "\n")
	for _, s := range []string{"4.2 s of silence before you started", "words a minute is fast", "2 pauses, the longest 1.4 s", "4 filler words", "2 hedges"} {
		if !strings.Contains(all, s) {
			t.Errorf("notes lack %q:\n%s", s, all)
		}
	}
	b, _ := json.Marshal(d)
	for _, k := range []string{`"duration_seconds":70`, `"speaking_seconds":60`, `"longest_pause_seconds":1.4`, `"pauses":2`, `"text":`, `"words":`, `"words_per_minute":`, `"filler":{"count":4`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("JSON lacks %s:\n%s", k, b)
		}
	}
}

// Without a transcript there is no text, pace or filler, and nothing is
// made up: only the audio's measures and notes.
func TestDeliveryWithoutATranscript(t *testing.T) {
	d := Deliver(Measures{Duration: 20, Speaking: 15, Speech: true}, "")
	b, _ := json.Marshal(d)
	for _, k := range []string{`"text"`, `"words_per_minute"`, `"filler"`} {
		if strings.Contains(string(b), k) {
			t.Errorf("JSON has %s without a transcript:\n%s", k, b)
		}
	}
	if d := Deliver(Measures{Duration: 5}, ""); len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "No speech") {
		t.Errorf("silence: %q", d.Notes)
	}
}
