package stream

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/coach/llm"
)

// Content is the reply as it stands: the last markdown render, then any
// text that arrived since, wrapped plainly until the next render catches
// up. A piece is on screen as soon as it arrives.
func (m *Model) Content() string {
	if m.renderedLen >= m.text.Len() {
		return m.rendered
	}
	tail := m.text.String()[m.renderedLen:]
	// Indent the tail like glamour's margin so the text does not jump
	// sideways when the render replaces it.
	wrapped := m.styles.Text.Width(max(m.width-2, 10)).Render(tail)
	lines := strings.Split(wrapped, "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	if m.rendered == "" {
		return strings.Join(lines, "\n")
	}
	return strings.TrimRight(m.rendered, "\n") + "\n" + strings.Join(lines, "\n")
}

// Status says where the reply is, with the keys that act on it: a spinner
// while waiting, the countdown before a retry, the reason it stopped. It
// is wrapped to the width, as endpoints and reasons can be long. Empty
// when idle or done.
func (m *Model) Status() string {
	s := m.status()
	if s == "" || m.width <= 0 {
		return s
	}
	return ansi.Wrap(s, m.width, "")
}

func (m *Model) status() string {
	st := m.styles
	switch m.state {
	case Waiting:
		return m.spinner.View() + st.Muted.Render(" Waiting for "+m.ModelName()+" at "+m.Endpoint()+" · esc cancels")
	case Streaming:
		return st.Muted.Render(fmt.Sprintf("%s is writing… · %d words · esc cancels", m.ModelName(), len(strings.Fields(m.text.String()))))
	case Retrying:
		left := max(m.retryAt.Sub(m.now()), 0)
		secs := int((left + time.Second - 1) / time.Second)
		return m.spinner.View() + st.Warn.Render(fmt.Sprintf(" %s: trying again in %d s (retry %d of %d) · esc cancels",
			llm.Reason(m.err), secs, m.tries, m.maxTries()))
	case Failed:
		msg := "Stopped: " + llm.Reason(m.err)
		if m.text.Len() > 0 {
			msg += "; what arrived is above"
		}
		return st.Warn.Render(msg + ".")
	case Cancelled:
		return st.Muted.Render("Cancelled.")
	}
	return ""
}

func (m *Model) maxTries() int {
	n := m.tries
	for {
		if _, ok := m.client.RetryDelay(m.err, n); !ok {
			return n
		}
		n++
	}
}
