package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coach-tui/coach/cmd/coach/internal/termtest"
	"github.com/coach-tui/coach/coach/llm/llmtest"
)

// A spoken answer in the built binary: speech.record_command plays a
// prepared WAV as the microphone, ctrl+r starts and stops it, the yes is
// asked, the transcript lands in the box, and ctrl+s gives feedback with
// the delivery; the attempt keeps the delivery and the recording.
func TestE2ESpokenAnswer(t *testing.T) {
	wav := spokenAnswer(t)
	srv := llmtest.TranscriptionServer(t, "whisper-1", func(w http.ResponseWriter, r *http.Request, _ int) {
		llmtest.VerboseJSON(w, "A load balancer spreads requests across servers, um, and drops unhealthy ones after a health check.", 5)
	})
	env, data := isolated(t)
	s := shortDrill()
	s.Allowance = 10
	rememberSetup(t, data, s)
	cfgDir := ""
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "XDG_CONFIG_HOME="); ok {
			cfgDir = filepath.Join(v, "coach")
		}
	}
	os.MkdirAll(cfgDir, 0o700)
	os.WriteFile(filepath.Join(cfgDir, "config.yaml"), []byte("speech:\n  enabled: true\n  base_url: "+srv.URL+"/v1\n  record_command: cp \""+wav+"\" {file} && sleep 60\n"), 0o600)
	tm := startWithBank(t, env)
	openPractice(tm)
	tm.WaitFor("what does a load balancer do?", waitLong)
	tm.Type("\x12") // ctrl+r
	tm.WaitFor("● REC", waitLong)
	time.Sleep(500 * time.Millisecond) // the answer is spoken
	tm.Type("\x12")
	tm.WaitFor("to be transcribed? Nothing else is sent.", waitLong)
	tm.Type("y")
	tm.WaitFor("transcribed into", waitLong)
	tm.WaitFor("spreads requests across", waitLong)
	tm.Type("\x13") // ctrl+s
	tm.WaitFor("Delivery", waitLong)
	tm.Type(termtest.CtrlC)
	tm.WaitExit(waitLong)
	assertRestored(t, tm)
	st, attempts := latestAttempts(t, data)
	defer st.Close()
	if len(attempts) == 0 || !strings.Contains(attempts[0].Delivery, `"pauses"`) || !strings.Contains(attempts[0].Answer, "load balancer") {
		t.Fatalf("%+v", attempts)
	}
	if _, err := os.Stat(attempts[0].Audio); err != nil {
		t.Fatalf("the recording is not kept: %v", err)
	}
}
