// Package stream is the view of a model's reply arriving in pieces: a
// spinner until the first token, the text as it comes, markdown re-rendered
// at most every renderEvery in a command, a countdown before a retry, and a
// one-line notice when it fails. Screens embed it (the session's critique,
// the resume review's tailoring) and pass it every message.
//
// The reply is pulled one piece per command: a command waits for the next
// piece and returns it as a message, Update appends it and issues the next
// command. The request's context is made in Update, so Esc can cancel it.
package stream

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/questions/textsafe"
	"github.com/coach-tui/coach/tui/common"
)

// State is where a reply is.
type State int

// States of a reply.
const (
	Idle      State = iota
	Waiting         // sent; nothing back yet
	Streaming       // text is arriving
	Retrying        // a retryable failure; counting down to the next try
	Done            // the whole reply arrived
	Failed          // it stopped with an error; what arrived is kept
	Cancelled       // the user cancelled; what arrived is kept
)

// renderEvery bounds how often the markdown is re-rendered while text
// arrives: glamour takes tens of milliseconds for a long reply.
const renderEvery = 80 * time.Millisecond

// Trim returns a shorter conversation for one retry when the model says
// the request is too long, and false when there is nothing left to cut.
type Trim func() ([]llm.Message, bool)

// Model is one reply being streamed. The zero value is not usable; call New.
type Model struct {
	styles   *common.Styles
	markdown *common.Markdown
	client   *llm.Client
	now      func() time.Time
	spinner  spinner.Model
	width    int

	// Final, if set, turns the reply into the markdown shown once it has
	// stopped (the critique drops its score block; tailoring marks
	// invented figures); complete is false when it was cut short. It runs
	// in a command with the render, so it must not touch the screen.
	Final func(text string, complete bool) string

	id      int // tells this stream's messages from another's on the same screen
	gen     int // this request's generation: messages of older ones are dropped
	state   State
	msgs    []llm.Message
	trim    Trim
	trimmed bool
	tries   int // failures retried so far
	cancel  context.CancelFunc
	cur     *llm.Stream

	text         textsafe.Text
	rendered     string // markdown of text[:renderedLen]
	renderedLen  int
	rendering    bool
	renderDue    bool // a render is scheduled
	renderFailed bool // glamour failed: the text is shown plainly from here
	lastRender   time.Time
	final        bool // rendered holds the Final version

	retryAt time.Time
	err     error
}

// New returns an idle stream view for client (which may be nil: the view
// then stays idle).
func New(styles *common.Styles, md *common.Markdown, client *llm.Client, now func() time.Time) *Model {
	if now == nil {
		now = time.Now
	}
	sp := spinner.New(spinner.WithSpinner(spinner.MiniDot))
	sp.Style = styles.Muted
	return &Model{styles: styles, markdown: md, client: client, now: now, spinner: sp, id: int(lastID.Add(1))}
}

var lastID atomic.Int64

// State is where the reply is.
func (m *Model) State() State { return m.state }

// Text is the reply so far, cleaned of escape sequences by coach/llm.
func (m *Model) Text() textsafe.Text { return m.text }

// Err is the failure that stopped the reply, if any.
func (m *Model) Err() error { return m.err }

// Active reports whether a request is running or waiting to retry.
func (m *Model) Active() bool {
	return m.state == Waiting || m.state == Streaming || m.state == Retrying
}

// Settled reports whether the reply has ended and its final version is
// what Content shows.
func (m *Model) Settled() bool {
	return m.state != Idle && !m.Active() && m.final && !m.rendering && m.renderedLen == m.text.Len()
}

// Endpoint is where the request goes, for the screen to name.
func (m *Model) Endpoint() string {
	if m.client == nil {
		return ""
	}
	return m.client.Endpoint()
}

// ModelName is the model that answers.
func (m *Model) ModelName() string {
	if m.client == nil {
		return ""
	}
	return m.client.Model()
}

// SetWidth sets the wrap width; a finished reply is rendered again.
func (m *Model) SetWidth(w int) tea.Cmd {
	w = max(w, 20)
	if w == m.width {
		return nil
	}
	m.width = w
	if m.text.Len() == 0 {
		return nil
	}
	return m.renderNow()
}

// EndedMsg tells the host that a reply stopped: done, failed or cancelled.
// Text is what arrived; Complete is true only when all of it did. Ours
// reports whether it came from a given stream's latest request.
type EndedMsg struct {
	id       int
	Gen      int
	State    State
	Text     textsafe.Text
	Complete bool
	Err      error
}

// Start sends msgs and streams the reply, replacing any reply in progress.
// Call it from Update.
func (m *Model) Start(msgs []llm.Message, trim Trim) tea.Cmd {
	stop := m.stop()
	m.gen++
	m.msgs, m.trim, m.trimmed, m.tries = msgs, trim, false, 0
	m.text, m.rendered, m.renderedLen, m.final = textsafe.Text{}, "", 0, false
	m.rendering, m.renderDue, m.renderFailed, m.err = false, false, false, nil
	if m.client == nil {
		m.state = Idle
		return stop
	}
	return tea.Batch(stop, m.open(), m.spinner.Tick)
}

// Gen is the generation of the latest request; EndedMsg carries it.
func (m *Model) Gen() int { return m.gen }

// Ours reports whether msg ended this stream's latest request.
func (m *Model) Ours(msg EndedMsg) bool { return msg.id == m.id && msg.Gen == m.gen }

// Cancel stops the request: its context is cancelled, so the server sees
// the connection close. What arrived stays on screen. It reports whether
// there was anything to cancel.
func (m *Model) Cancel() (tea.Cmd, bool) {
	if !m.Active() {
		return nil, false
	}
	stop := m.stop()
	m.gen++ // late pieces and renders of the cancelled request are dropped
	m.rendering, m.renderDue = false, false
	m.state = Cancelled
	ended := m.ended(Cancelled, nil)
	return tea.Batch(stop, ended, m.renderNow()), true
}

// stop cancels the running request and closes its stream in a command:
// closing waits on the connection.
func (m *Model) stop() tea.Cmd {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	s := m.cur
	m.cur = nil
	if s == nil {
		return nil
	}
	return func() tea.Msg { s.Close(); return nil }
}

func (m *Model) ended(st State, err error) tea.Cmd {
	msg := EndedMsg{id: m.id, Gen: m.gen, State: st, Text: m.text, Complete: st == Done, Err: err}
	return func() tea.Msg { return msg }
}
