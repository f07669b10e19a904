package stream

import (
	"context"
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/questions/textsafe"
)

// tag names the stream and the request a message belongs to: a screen
// may hold two streams, and a new request makes the old one's messages
// stale.
type tag struct{ id, gen int }

type openedMsg struct {
	tag
	s   *llm.Stream
	err error
}

type chunkMsg struct {
	tag
	text textsafe.Text
	done bool
	err  error
}

type retryTickMsg struct{ tag }

type renderDueMsg struct{ tag }

type renderedMsg struct {
	tag
	upto  int
	final bool
	out   string
	err   error
}

// IsPiece reports whether msg is a piece of a reply arriving, for
// measuring the time from its arrival to the screen.
func IsPiece(msg tea.Msg) bool {
	c, ok := msg.(chunkMsg)
	return ok && c.text.Len() > 0
}

// Update handles the stream's own messages and reports whether msg was
// one; the host re-reads View when it was.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, bool) {
	if t, ok := tagOf(msg); ok && t.id != m.id {
		return nil, false // another stream's
	}
	switch msg := msg.(type) {
	case openedMsg:
		if msg.gen != m.gen {
			if msg.s != nil {
				return closeCmd(msg.s), true
			}
			return nil, true
		}
		if msg.err != nil {
			return m.fail(msg.err), true
		}
		m.cur = msg.s
		return m.next(), true
	case chunkMsg:
		if msg.gen != m.gen {
			return nil, true
		}
		return m.handleChunk(msg), true
	case retryTickMsg:
		if msg.gen != m.gen || m.state != Retrying {
			return nil, true
		}
		if m.now().Before(m.retryAt) {
			return m.retryTick(), true
		}
		return tea.Batch(m.open(), m.spinner.Tick), true
	case renderDueMsg:
		if msg.gen != m.gen {
			return nil, true
		}
		m.renderDue = false
		return m.render(false), true
	case renderedMsg:
		if msg.gen != m.gen {
			return nil, true
		}
		m.rendering = false
		if msg.err != nil {
			// The text is still shown, plainly (Content); trying again
			// every few milliseconds would not make the renderer work.
			m.renderFailed = true
			return nil, true
		}
		if msg.upto >= m.renderedLen {
			m.rendered, m.renderedLen, m.final = msg.out, msg.upto, msg.final
		}
		if m.renderedLen < m.text.Len() || (!m.Active() && !m.final && m.state != Idle) {
			return m.scheduleRender(), true
		}
		return nil, true
	case spinner.TickMsg:
		if msg.ID != m.spinner.ID() {
			return nil, false
		}
		if m.state != Waiting && m.state != Retrying {
			return nil, true
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return cmd, true
	}
	return nil, false
}

// tagOf is the tag of one of the stream's own messages.
func tagOf(msg tea.Msg) (tag, bool) {
	switch msg := msg.(type) {
	case openedMsg:
		return msg.tag, true
	case chunkMsg:
		return msg.tag, true
	case retryTickMsg:
		return msg.tag, true
	case renderDueMsg:
		return msg.tag, true
	case renderedMsg:
		return msg.tag, true
	}
	return tag{}, false
}

func (m *Model) tag() tag { return tag{id: m.id, gen: m.gen} }

func (m *Model) open() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	m.state = Waiting
	client, msgs, t := m.client, m.msgs, m.tag()
	return func() tea.Msg {
		s, err := client.Stream(ctx, msgs)
		return openedMsg{tag: t, s: s, err: err}
	}
}

func (m *Model) next() tea.Cmd {
	s, t := m.cur, m.tag()
	return func() tea.Msg {
		text, done, err := s.Next()
		return chunkMsg{tag: t, text: text, done: done, err: err}
	}
}

func closeCmd(s *llm.Stream) tea.Cmd {
	return func() tea.Msg { s.Close(); return nil }
}

func (m *Model) handleChunk(msg chunkMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		return m.fail(msg.err)
	case msg.done:
		m.state = Done
		m.cur, m.cancel = nil, nil
		return tea.Batch(m.ended(Done, nil), m.renderNow())
	}
	m.state = Streaming
	m.text = textsafe.Join(m.text, msg.text)
	return tea.Batch(m.next(), m.scheduleRender())
}

// fail decides what a failure means: try a shorter request once when it
// was too long, count down to a retry when the rule allows one and nothing
// has arrived yet (a retry would start the reply again), else stop.
func (m *Model) fail(err error) tea.Cmd {
	m.cur = nil
	var le *llm.Error
	errors.As(err, &le)
	if le != nil && le.Kind == llm.KindCanceled {
		m.state = Cancelled
		return nil
	}
	if m.text.Len() == 0 && le != nil && le.Kind == llm.KindContextTooLong && !m.trimmed && m.trim != nil {
		if msgs, ok := m.trim(); ok {
			m.trimmed, m.msgs = true, msgs
			return m.open()
		}
	}
	if m.text.Len() == 0 {
		if d, ok := m.client.RetryDelay(err, m.tries); ok {
			m.tries++
			m.state = Retrying
			m.err = err
			m.retryAt = m.now().Add(d)
			return tea.Batch(m.retryTick(), m.spinner.Tick)
		}
	}
	m.state, m.err = Failed, err
	m.cancel = nil
	return tea.Batch(m.ended(Failed, err), m.renderNow())
}

// retryTick wakes the countdown at the next whole second left.
func (m *Model) retryTick() tea.Cmd {
	left := m.retryAt.Sub(m.now())
	step := left % time.Second
	if step <= 0 {
		step = min(left, time.Second)
	}
	t := m.tag()
	return tea.Tick(max(step, 10*time.Millisecond), func(time.Time) tea.Msg { return retryTickMsg{t} })
}

// scheduleRender renders now when the last render is old enough, or sets
// a timer for when it will be; never more than one render in flight.
func (m *Model) scheduleRender() tea.Cmd {
	if m.rendering || m.renderDue || m.renderFailed {
		return nil
	}
	wait := renderEvery - m.now().Sub(m.lastRender)
	if wait <= 0 {
		return m.render(false)
	}
	m.renderDue = true
	t := m.tag()
	return tea.Tick(wait, func(time.Time) tea.Msg { return renderDueMsg{t} })
}

// renderNow renders at once (a new width, the end of the reply), unless a
// render is already running; its result schedules the next.
func (m *Model) renderNow() tea.Cmd {
	if m.rendering {
		return nil
	}
	return m.render(true)
}

func (m *Model) render(force bool) tea.Cmd {
	if m.rendering || m.renderFailed || (!force && m.renderedLen == m.text.Len() && m.Active()) {
		return nil
	}
	m.rendering = true
	m.lastRender = m.now()
	text, t, width, md := m.text.String(), m.tag(), m.width, m.markdown
	finished, complete, final := !m.Active(), m.state == Done, m.Final
	upto := m.text.Len()
	return func() tea.Msg {
		if finished && final != nil {
			text = final(text, complete)
		}
		out, err := md.Render(text, width)
		return renderedMsg{tag: t, upto: upto, final: finished, out: out, err: err}
	}
}
