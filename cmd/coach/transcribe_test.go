package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-tui/coach/cmd/coach/internal/termtest"
	"github.com/coach-tui/coach/coach/llm/llmtest"
	"github.com/coach-tui/coach/coach/speech/speechtest"
)

// spokenAnswer is real speech from espeak-ng with a second of silence
// before it and a 1.5 s pause inside.
func spokenAnswer(t *testing.T) string {
	return speechtest.Say(t, 1.0, "I led the move from cron jobs to event driven workers.", 1.5, "It removed thirty scheduled scripts.")
}

type transcribeJSON struct {
	Duration float64              `json:"duration_seconds"`
	Speaking float64              `json:"speaking_seconds"`
	Longest  float64              `json:"longest_pause_seconds"`
	Lead     float64              `json:"silence_before_start_seconds"`
	Pauses   int                  `json:"pauses"`
	Text     string               `json:"text"`
	Words    int                  `json:"words"`
	WPM      float64              `json:"words_per_minute"`
	Filler   *struct{ Count int } `json:"filler"`
	Endpoint string               `json:"endpoint"`
	Note     string               `json:"note"`
	Feedback *struct {
		Question string `json:"question"`
		Overall  int    `json:"overall"`
	} `json:"feedback"`
}

func transcribe(t *testing.T, env map[string]string, args ...string) (transcribeJSON, string) {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
	code, out, errOut := runCLIWithInput(t, "", args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var r transcribeJSON
	if strings.Contains(strings.Join(args, " "), "--json") {
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}
	return r, out
}

// Offline, the audio is measured and no transcript is made up.
func TestTranscribeOffline(t *testing.T) {
	wav := spokenAnswer(t)
	env, _ := isolated(t)
	m := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	r, _ := transcribe(t, m, "transcribe", wav, "--json")
	if r.Pauses != 1 || r.Longest < 1.2 || r.Longest > 1.8 || r.Lead < 0.7 || r.Lead > 1.3 || r.Speaking <= 0 || r.Text != "" || r.Filler != nil || !strings.Contains(r.Note, "not transcribed") {
		t.Fatalf("%+v", r)
	}
	_, md := transcribe(t, m, "transcribe", wav)
	for _, want := range []string{"# Delivery: answer.wav", "Pauses of 0.6 s or more: 1", "Not transcribed"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

// With an endpoint: nothing is sent without a yes; --send sends, and the
// transcript gives pace, fillers and, with --question, the answer's score.
func TestTranscribeWithAnEndpoint(t *testing.T) {
	wav := spokenAnswer(t)
	srv := llmtest.TranscriptionServer(t, "whisper-1", func(w http.ResponseWriter, r *http.Request, _ int) {
		llmtest.VerboseJSON(w, "Um, I led the move from cron jobs to event driven workers. It removed thirty scheduled scripts.", 4)
	})
	env, _ := isolated(t)
	m := map[string]string{"COACH_SPEECH_ENABLED": "1", "COACH_SPEECH_BASE_URL": srv.URL + "/v1"}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	r, _ := transcribe(t, m, "transcribe", wav, "--json")
	if r.Text != "" || !strings.Contains(r.Note, "did not agree") {
		t.Fatalf("sent without a yes: %+v", r)
	}
	r, _ = transcribe(t, m, "transcribe", wav, "--json", "--send", "--question", "beh-conflict-technical-approach")
	if r.Words != 17 || r.WPM <= 0 || r.Filler == nil || r.Filler.Count != 1 || !strings.HasPrefix(r.Endpoint, "http://127.0.0.1") ||
		r.Feedback == nil || r.Feedback.Question != "beh-conflict-technical-approach" {
		t.Fatalf("%+v", r)
	}
	if code, _, errOut := runCLIWithInput(t, "", "transcribe", wav, "--offline", "--json"); code != 0 || strings.Contains(errOut, "sent") {
		t.Fatalf("--offline: exit %d %s", code, errOut)
	}
}

// What is not a recording is refused with the file and the reason.
func TestTranscribeRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "answer.wav")
	os.WriteFile(txt, []byte("this is text, not audio"), 0o644)
	for file, want := range map[string]string{txt: "answer.wav: not a PCM WAV file", filepath.Join(dir, "none.wav"): "no such file"} {
		code, _, errOut := runCLIWithInput(t, "", "transcribe", file)
		if code == 0 || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, %q", file, code, errOut)
		}
	}
}

// On a terminal coach asks before the audio leaves, and remembers a yes
// for that endpoint.
func TestE2ETranscribeAsksOnceOnATerminal(t *testing.T) {
	wav := spokenAnswer(t)
	srv := llmtest.TranscriptionServer(t, "whisper-1", func(w http.ResponseWriter, r *http.Request, _ int) {
		llmtest.VerboseJSON(w, "I led the move from cron jobs to event driven workers.", 4)
	})
	env, _ := isolated(t)
	env = append(env, "COACH_SPEECH_ENABLED=1", "COACH_SPEECH_BASE_URL="+srv.URL+"/v1")
	tm := termtest.Start(t, coachBin, termtest.Options{Width: 100, Height: 30, Env: env, Args: []string{"transcribe", wav}})
	tm.WaitFor("Nothing else is sent.", waitLong)
	tm.Type("y\r")
	tm.WaitFor("Transcribed at http://127.0.0.1", waitLong)
	tm.WaitExit(waitLong)
	again := termtest.Start(t, coachBin, termtest.Options{Width: 100, Height: 30, Env: env, Args: []string{"transcribe", wav}})
	again.WaitFor("Transcribed at http://127.0.0.1", waitLong)
	again.WaitExit(waitLong)
}
