package session

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/speech"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/tui/common"
)

// voice is a spoken answer: the recorder running with its level, then
// the recording measured on this machine and, with an endpoint and the
// user's yes, transcribed into the answer box, where it can be edited
// like typed text before it is submitted.
type voice struct {
	rec      *speech.Recording
	level    float64
	gen      int    // the level ticks of this recording
	status   string // one line about the recording
	problem  bool   // status is a problem
	busy     bool   // stopping, measuring or transcribing
	asking   bool   // the question: may the recording be sent?
	pending  string // the recording waiting for that answer
	measures *speech.Measures
	delivery *speech.Delivery // the answer's, once recorded
	audio    string           // the recording kept with the attempt
}

// levelEvery is how often the meter is read.
const levelEvery = 100 * time.Millisecond

type (
	recStartedMsg struct {
		rec *speech.Recording
		err error
	}
	levelMsg struct {
		gen   int
		level float64
		err   error
	}
	levelTickMsg struct{ gen int }
	recordedMsg  struct {
		path     string
		measures speech.Measures
		err      error
	}
	audioConsentMsg struct {
		path  string
		given bool
	}
	transcribedMsg struct {
		path string
		text string
		err  error
	}
)

// toggleRecording starts the recorder, or stops the one running.
func (m *Model) toggleRecording() tea.Cmd {
	v := &m.voice
	switch {
	case v.busy || v.asking:
		return nil
	case v.rec != nil:
		return m.stopRecording()
	}
	v.status, v.problem, v.busy = "Starting the recorder…", false, true
	command, path := m.App.Speech.RecordCommand, m.recordingPath()
	return func() tea.Msg {
		r, err := speech.FindRecorder(command, exec.LookPath)
		if err != nil {
			return recStartedMsg{err: err}
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return recStartedMsg{err: err}
		}
		rec, err := r.Start(path)
		return recStartedMsg{rec: rec, err: err}
	}
}

// recordingPath is where the recording goes: with the data when it is
// kept, else a temporary file removed once it is measured and sent.
func (m *Model) recordingPath() string {
	name := fmt.Sprintf("answer-%d-%d.wav", m.sessionID, m.App.Clock().UnixNano())
	if m.App.Speech.KeepAudio && m.App.Info.DataDir != "" {
		return filepath.Join(m.App.Info.DataDir, "recordings", name)
	}
	return filepath.Join(os.TempDir(), "coach-"+name)
}

func (m *Model) handleVoice(msg tea.Msg) (tea.Cmd, bool) {
	v := &m.voice
	switch msg := msg.(type) {
	case recStartedMsg:
		v.busy = false
		if msg.err != nil {
			v.status, v.problem = msg.err.Error(), true
			return nil, true
		}
		v.rec, v.gen, v.status, v.problem, v.level = msg.rec, v.gen+1, "", false, 0
		return m.levelTick(), true
	case levelTickMsg:
		if msg.gen != v.gen || v.rec == nil {
			return nil, true
		}
		rec, gen := v.rec, v.gen
		return func() tea.Msg {
			return levelMsg{gen: gen, level: speech.Level(rec.Path), err: rec.Failed()}
		}, true
	case levelMsg:
		if msg.gen != v.gen || v.rec == nil {
			return nil, true
		}
		if msg.err != nil {
			v.rec, v.status, v.problem = nil, msg.err.Error(), true
			return nil, true
		}
		v.level = msg.level
		if time.Since(v.rec.Started) >= speech.MaxDuration*time.Second {
			return m.stopRecording(), true // an answer is ten minutes at most
		}
		return m.levelTick(), true
	case recordedMsg:
		return m.handleRecorded(msg), true
	case audioConsentMsg:
		if msg.given {
			return m.transcribe(msg.path), true
		}
		v.asking = true
		return nil, true
	case transcribedMsg:
		return m.handleTranscribed(msg), true
	}
	return nil, false
}

func (m *Model) levelTick() tea.Cmd {
	gen := m.voice.gen
	return m.App.After(levelEvery, func(time.Time) tea.Msg { return levelTickMsg{gen: gen} })
}

// stopRecording ends the recorder and measures the file, in a command.
func (m *Model) stopRecording() tea.Cmd {
	v := &m.voice
	rec := v.rec
	v.rec, v.gen, v.busy, v.status = nil, v.gen+1, true, "Measuring the recording…"
	return func() tea.Msg {
		if err := rec.Stop(); err != nil {
			return recordedMsg{path: rec.Path, err: err}
		}
		a, err := speech.ReadWAV(rec.Path)
		if err != nil {
			return recordedMsg{path: rec.Path, err: err}
		}
		return recordedMsg{path: rec.Path, measures: speech.Measure(a)}
	}
}

// cancelRecording stops a recorder without using what it recorded (the
// session is left).
func (m *Model) cancelRecording() {
	if rec := m.voice.rec; rec != nil {
		go func() { _ = rec.Stop(); _ = os.Remove(rec.Path) }()
	}
	m.voice = voice{}
}

// handleRecorded shows the audio's measures and sends the recording to be
// transcribed when there is an endpoint and a yes.
func (m *Model) handleRecorded(msg recordedMsg) tea.Cmd {
	v := &m.voice
	v.busy = false
	if msg.err != nil {
		v.status, v.problem = msg.err.Error(), true
		m.dropRecording(msg.path)
		return nil
	}
	v.measures = &msg.measures
	d := speech.Deliver(msg.measures, "")
	v.delivery = &d
	s := m.App.Speech
	switch {
	case !msg.measures.Speech:
		v.status, v.problem = d.Notes[0], true
		m.dropRecording(msg.path)
		return nil
	case s.Client == nil:
		v.status = m.measuredLine() + " · no transcription endpoint: type the answer, or ctrl+e"
		m.keepRecording(msg.path)
		return nil
	case s.Audio == common.ConsentDeclined:
		v.status = m.measuredLine() + " · not sent (you said no this run): type the answer"
		m.keepRecording(msg.path)
		return nil
	case s.Audio == common.ConsentGiven:
		return m.transcribe(msg.path)
	}
	// asked once per endpoint: a yes kept from an earlier run counts
	v.pending = msg.path
	st, endpoint, path := m.App.Store, s.Client.Endpoint(), msg.path
	return func() tea.Msg {
		ok := false
		if st != nil {
			ok, _ = st.LLMConsent(context.Background(), store.Audio, endpoint)
		}
		return audioConsentMsg{path: path, given: ok}
	}
}

// answerAudioConsent takes y or n to the question.
func (m *Model) answerAudioConsent(given bool) tea.Cmd {
	v := &m.voice
	v.asking = false
	path := v.pending
	v.pending = ""
	if !given {
		m.App.Speech.Audio = common.ConsentDeclined
		v.status = m.measuredLine() + " · not sent: type the answer, or ctrl+e"
		m.keepRecording(path)
		return nil
	}
	m.App.Speech.Audio = common.ConsentGiven
	st, endpoint := m.App.Store, m.App.Speech.Client.Endpoint()
	remember := func() tea.Msg {
		if st != nil {
			_ = st.SetLLMConsent(context.Background(), store.Audio, endpoint)
		}
		return nil
	}
	return tea.Batch(remember, m.transcribe(path))
}

func (m *Model) transcribe(path string) tea.Cmd {
	v := &m.voice
	c, lang := m.App.Speech.Client, m.App.Speech.Language
	v.busy, v.status, v.problem = true, "Transcribing at "+c.Endpoint()+"…", false
	return func() tea.Msg {
		t, err := c.Transcribe(context.Background(), path, lang)
		if err != nil {
			return transcribedMsg{path: path, err: err}
		}
		return transcribedMsg{path: path, text: t.Text}
	}
}

// handleTranscribed puts the words into the answer box, after anything
// typed, so they can be corrected before the answer is submitted.
func (m *Model) handleTranscribed(msg transcribedMsg) tea.Cmd {
	v := &m.voice
	v.busy = false
	m.keepRecording(msg.path)
	if msg.err != nil {
		v.status, v.problem = "Not transcribed: "+llm.Reason(msg.err)+". Type the answer, or record again.", true
		return nil
	}
	text := strings.TrimSpace(msg.text)
	if text == "" {
		v.status, v.problem = "The endpoint heard no words: type the answer, or record again.", true
		return nil
	}
	typed := strings.TrimSpace(m.area.Value())
	if typed != "" {
		text = typed + "\n\n" + text
	}
	common.SetTextAreaValue(&m.area, text)
	if v.measures != nil {
		d := speech.Deliver(*v.measures, msg.text)
		v.delivery = &d
	}
	v.status = m.measuredLine() + " · transcribed into the box: correct it, then ctrl+s"
	return nil
}

// keepRecording keeps the file with the attempt when recordings are kept,
// and removes it otherwise.
func (m *Model) keepRecording(path string) {
	if m.App.Speech.KeepAudio && strings.HasPrefix(path, m.App.Info.DataDir) && m.App.Info.DataDir != "" {
		m.voice.audio = path
		return
	}
	m.dropRecording(path)
}

func (m *Model) dropRecording(path string) {
	if path != "" && path != m.voice.audio {
		go os.Remove(path)
	}
}

// measuredLine sums up the recording in one line.
func (m *Model) measuredLine() string {
	d := m.voice.delivery
	if d == nil {
		return ""
	}
	s := fmt.Sprintf("Recorded %s: %.0f s speaking, %s", mmss(time.Duration(d.Duration*float64(time.Second))), d.Speaking, words.Count(d.Count, "pause"))
	if d.WPM > 0 {
		s += fmt.Sprintf(", %.0f words a minute", d.WPM)
	}
	return s
}

// voiceLine is the line under the answer box while a recording is in
// hand: the meter while recording, the consent question, the result.
func (m *Model) voiceLine() string {
	st, v := m.Styles, m.voice
	w := m.wrapWidth()
	switch {
	case v.rec != nil:
		cells := 12
		on := int(v.level*float64(cells) + 0.5)
		meter := st.Good.Render(strings.Repeat("▮", on)) + st.Faint.Render(strings.Repeat("▯", cells-on))
		return st.Bad.Render("● REC ") + st.Text.Render(mmss(time.Since(v.rec.Started))+" ") + meter + st.Faint.Render(" · ctrl+r stops")
	case v.asking:
		c := m.App.Speech.Client
		return st.Warn.Width(w).Render(m.measuredLine() + ". Send the recording to " + c.Model() + " at " + c.Endpoint() +
			" to be transcribed? Nothing else is sent. y: send (remembered for this endpoint) · n: not now")
	case v.status == "":
		return ""
	case v.problem:
		return st.Warn.Width(w).Render(v.status)
	}
	return st.Muted.Width(w).Render(v.status)
}

// deliveryJSON is the delivery kept with the attempt, "" for a typed one.
func (m *Model) deliveryJSON() string {
	if m.voice.delivery == nil {
		return ""
	}
	b, err := json.Marshal(m.voice.delivery)
	if err != nil {
		return ""
	}
	return string(b)
}

// deliveryMarkdown is the feedback's section on how the answer was
// spoken, "" for a typed one.
func deliveryMarkdown(d *speech.Delivery) string {
	if d == nil {
		return ""
	}
	return d.Markdown()
}
