package session

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/llmtest"
	"github.com/coach-tui/coach/coach/speech/speechtest"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

// preparedAnswer is speech from espeak-ng, to play as the microphone.
func preparedAnswer(t *testing.T) string {
	return speechtest.Say(t, 0.5, "When our checkout failed I led the rollback and wrote the postmortem.", 0.5)
}

func startSpoken(t *testing.T, e *env) *Model {
	t.Helper()
	s := practiceSetup(questions.Behavioral)
	s.Reading = 0
	q, _ := e.c.App.Bank.Get("test-behavioral")
	m := WithQuestions(e.c, s, []*questions.Question{q})
	m.SetSize(80, 23)
	drive(t, m, m.Init())
	return m
}

// record starts the recorder and waits until the prepared answer has
// been written, as a user speaks before stopping.
func record(t *testing.T, m *Model) {
	t.Helper()
	await(t, m, keyCmd(m, "ctrl+r"), func() bool { return m.voice.rec != nil })
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if info, err := os.Stat(m.voice.rec.Path); err == nil && info.Size() > 10000 {
			return
		}
	}
	t.Fatal("the recorder wrote nothing")
}

func view(m *Model) string { return strings.Join(strings.Fields(ansi.Strip(m.View())), " ") }

// ctrl+r records (the prepared answer plays as the microphone), ctrl+r
// stops; the recording is measured, sent after a yes asked once, its
// words put in the answer box, and the answer's feedback and the stored
// attempt carry the delivery, with the recording kept.
func TestSpokenAnswerThroughToTheFeedback(t *testing.T) {
	wav := preparedAnswer(t)
	srv := llmtest.TranscriptionServer(t, "whisper-1", func(w http.ResponseWriter, r *http.Request, _ int) {
		llmtest.VerboseJSON(w, "Um, when our checkout failed I led the rollback and wrote the postmortem.", 4)
	})
	client, err := llm.NewSpeech(config.Speech{Enabled: true, BaseURL: srv.URL + "/v1", Model: "whisper-1"}, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	data := t.TempDir()
	e.c.App.Info.DataDir = data
	e.c.App.Speech = common.Speech{Client: client, RecordCommand: `cp "` + wav + `" {file} && sleep 60`, KeepAudio: true}
	m := startSpoken(t, e)
	record(t, m)
	if v := view(m); !strings.Contains(v, "● REC") || !strings.Contains(v, "ctrl+r stops") {
		t.Fatalf("no meter while recording:\n%s", v)
	}
	await(t, m, keyCmd(m, "ctrl+r"), func() bool { return m.voice.asking })
	if v := view(m); !strings.Contains(v, "Send the recording to whisper-1 at http://127.0.0.1") {
		t.Fatalf("not asked before sending:\n%s", v)
	}
	await(t, m, keyCmd(m, "y"), func() bool { return strings.Contains(m.area.Value(), "led the rollback") })
	if ok, _ := e.st.LLMConsent(context.Background(), "audio", client.Endpoint()); !ok {
		t.Error("the yes is not remembered for the endpoint")
	}
	press(t, m, "ctrl+s")
	if m.phase != phaseFeedback || !strings.Contains(m.feedbackMarkdown(), "**Delivery**") || !strings.Contains(m.feedbackMarkdown(), "filler word") {
		t.Fatalf("phase %v, feedback:\n%s", m.phase, m.feedbackMarkdown())
	}
	a, err := e.st.Attempt(context.Background(), m.attemptID)
	if err != nil || !strings.Contains(a.Delivery, `"duration_seconds"`) || !strings.Contains(a.Delivery, `"words_per_minute"`) || !strings.HasPrefix(a.Audio, data) {
		t.Fatalf("stored: %+v %v", a, err)
	}
	if _, err := os.Stat(a.Audio); err != nil {
		t.Errorf("the recording is not kept: %v", err)
	}
}

// With no endpoint the recording is measured and the box stays for
// typing; nothing is made up. A recorder that fails says what it said.
func TestSpokenAnswerWithoutAnEndpoint(t *testing.T) {
	wav := preparedAnswer(t)
	e := newEnv(t)
	e.c.App.Speech = common.Speech{RecordCommand: `cp "` + wav + `" {file} && sleep 60`}
	m := startSpoken(t, e)
	record(t, m)
	await(t, m, keyCmd(m, "ctrl+r"), func() bool { return m.voice.delivery != nil && !m.voice.busy })
	if v := view(m); !strings.Contains(v, "no transcription endpoint: type the answer") || m.area.Value() != "" {
		t.Fatalf("%q\n%s", m.area.Value(), v)
	}

	e.c.App.Speech.RecordCommand = `echo "audio open error: Device or resource busy" >&2; exit 1 # {file}`
	m = startSpoken(t, e)
	await(t, m, keyCmd(m, "ctrl+r"), func() bool { return m.voice.rec != nil || m.voice.problem })
	for deadline := time.Now().Add(10 * time.Second); m.voice.rec.Failed() == nil && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	// the meter's next reading finds the recorder gone
	gen := m.voice.gen
	await(t, m, func() tea.Msg { return levelTickMsg{gen: gen} }, func() bool { return m.voice.problem })
	if v := view(m); !strings.Contains(v, "Device or resource busy") {
		t.Fatalf("a busy device:\n%s", v)
	}
}
