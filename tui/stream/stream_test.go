package stream

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/llmtest"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/loop"
)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

const model = "test-model"

var ask = []llm.Message{{Role: llm.RoleUser, Content: "Critique my answer, please."}}

// serve starts a chat-completions server and a stream view pointed at it.
func serve(t *testing.T, h http.HandlerFunc, edit ...func(*config.LLM)) *Model {
	t.Helper()
	srv := llmtest.NewServer(t, h, h)
	lc := config.Default().LLM
	lc.Enabled, lc.BaseURL, lc.Model, lc.MaxRetries = true, srv.BaseURL(), model, 2
	for _, e := range edit {
		e(&lc)
	}
	c, err := llm.New(lc, func(string) string { return "sk-test-key-0123456789" })
	if err != nil {
		t.Fatal(err)
	}
	m := New(common.NewStyles(common.DefaultTheme()), common.NewMarkdown(common.MarkdownDark, false), c, nil)
	m.SetWidth(60)
	return m
}

// run drives the view until its reply ends and returns the EndedMsg.
func run(t *testing.T, m *Model, cmd tea.Cmd, seen func(*Model)) EndedMsg {
	t.Helper()
	var ended *EndedMsg
	err := loop.Run(func(msg tea.Msg) tea.Cmd {
		if e, ok := msg.(EndedMsg); ok && e.Gen == m.Gen() {
			ended = &e
			return nil
		}
		c, _ := m.Update(msg)
		if seen != nil {
			seen(m)
		}
		return c
	}, cmd, func() bool { return ended != nil && m.Settled() }, 10*time.Second)
	if err != nil {
		t.Fatalf("%v (state %v, text %q)", err, m.State(), m.Text())
	}
	return *ended
}

func TestStreamsPiecesAndRendersTheEnd(t *testing.T) {
	// The server starts only once the waiting line was seen, and ends only
	// once a piece was seen on screen mid-reply.
	waited, shown := llmtest.NewGate(), llmtest.NewGate()
	m := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if !waited.Wait(r) {
			return
		}
		llmtest.StartStream(w, model)
		llmtest.Chunk(w, model, "## Verdict\n\n")
		llmtest.Chunk(w, model, "You named the index ")
		if !shown.Wait(r) {
			return
		}
		llmtest.Chunk(w, model, "but not **why** it helps.\n\nSCORES\ndepth: 2\n")
		llmtest.Finish(w, model)
	})
	m.Final = func(s string, _ bool) string { return strings.Split(s, "SCORES")[0] }
	var waiting, streaming bool
	end := run(t, m, m.Start(ask, nil), func(m *Model) {
		switch m.State() {
		case Waiting:
			if strings.Contains(m.Status(), "Waiting for test-model") {
				waiting = true
				waited.Open()
			}
		case Streaming:
			// A piece is on screen as soon as it arrives.
			if strings.Contains(m.Content(), "You named the index") {
				streaming = true
				shown.Open()
			}
		}
	})
	if !waiting || !streaming {
		t.Fatalf("waiting %v, streaming %v", waiting, streaming)
	}
	if end.State != Done || !end.Complete || !strings.HasSuffix(end.Text.String(), "depth: 2\n") {
		t.Fatalf("ended = %+v", end)
	}
	out := m.Content()
	if !strings.Contains(out, "Verdict") || !strings.Contains(out, "why") || strings.Contains(out, "SCORES") {
		t.Fatalf("final render:\n%s", out)
	}
	if m.Status() != "" {
		t.Fatalf("status when done: %q", m.Status())
	}
}

func TestHostileOutputNeverReachesTheView(t *testing.T) {
	m := serve(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteStream(w, model, "Good start. \x1b]52;c;cm0gLXJmIH4=\x07", "\x1b[2J\x1b]0;pwned\x07Clear",
			" \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ and \u009b31m C1 \x1bP+q\x1b\\done.")
	})
	end := run(t, m, m.Start(ask, nil), nil)
	for _, s := range []string{end.Text.String(), m.Content()} {
		if strings.ContainsAny(s, "\x1b\x07\u009b\ufffd") || strings.Contains(s, "pwned") {
			t.Fatalf("escape sequence got through: %q", s)
		}
	}
	if !strings.Contains(m.Content(), "Clear") || !strings.Contains(m.Content(), "done.") {
		t.Fatalf("text around the sequences lost: %q", m.Content())
	}
}

func TestRateLimitCountsDownThenRetries(t *testing.T) {
	var calls atomic.Int32
	m := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After-Ms", "1200")
			llmtest.WriteError(w, http.StatusTooManyRequests, "requests", "rate_limit_exceeded", "slow down")
			return
		}
		llmtest.WriteStream(w, model, "Second time lucky.")
	})
	var countdown string
	end := run(t, m, m.Start(ask, nil), func(m *Model) {
		if m.State() == Retrying && countdown == "" {
			countdown = m.Status()
		}
	})
	if !strings.Contains(countdown, "rate-limiting") || !strings.Contains(countdown, "trying again in 2 s (retry 1 of 2)") {
		t.Fatalf("countdown = %q", countdown)
	}
	if end.State != Done || calls.Load() != 2 || end.Text.String() != "Second time lucky." {
		t.Fatalf("ended = %+v after %d calls", end, calls.Load())
	}
}

func TestUnauthorizedStopsAtOnce(t *testing.T) {
	var calls atomic.Int32
	m := serve(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		llmtest.WriteError(w, http.StatusUnauthorized, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: sk-test-key-0123456789")
	})
	end := run(t, m, m.Start(ask, nil), nil)
	if end.State != Failed || calls.Load() != 1 {
		t.Fatalf("ended %+v after %d calls", end, calls.Load())
	}
	if s := m.Status(); !strings.Contains(s, "API key is missing or wrong (HTTP 401)") || strings.Contains(s, "0123456789") {
		t.Fatalf("status = %q", s)
	}
}

func TestTooLongIsTrimmedAndTriedOnce(t *testing.T) {
	var calls atomic.Int32
	m := serve(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		calls.Add(1)
		if bytes.Contains(body, []byte("LONG")) {
			llmtest.WriteError(w, http.StatusBadRequest, "invalid_request_error", "context_length_exceeded", "maximum context length is 8192 tokens")
			return
		}
		llmtest.WriteStream(w, model, "Short enough.")
	})
	trims := 0
	long := []llm.Message{{Role: llm.RoleUser, Content: "LONG " + strings.Repeat("word ", 100)}}
	end := run(t, m, m.Start(long, func() ([]llm.Message, bool) {
		trims++
		return []llm.Message{{Role: llm.RoleUser, Content: "short"}}, true
	}), nil)
	if end.State != Done || trims != 1 || calls.Load() != 2 {
		t.Fatalf("ended %+v, trims %d, calls %d", end, trims, calls.Load())
	}

	// Still too long after trimming: it stops rather than loop.
	calls.Store(0)
	trims = 0
	end = run(t, m, m.Start(long, func() ([]llm.Message, bool) { trims++; return long, true }), nil)
	if end.State != Failed || trims != 1 || calls.Load() != 2 || !strings.Contains(m.Status(), "longer than") {
		t.Fatalf("ended %+v, trims %d, calls %d, status %q", end, trims, calls.Load(), m.Status())
	}
}

func TestBrokenStreamKeepsWhatArrived(t *testing.T) {
	m := serve(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, model)
		llmtest.Chunk(w, model, "The first half of a thought")
		// The connection ends with no finish_reason and no [DONE].
	})
	end := run(t, m, m.Start(ask, nil), nil)
	if end.State != Failed || end.Complete || end.Text.String() != "The first half of a thought" {
		t.Fatalf("ended = %+v", end)
	}
	if !strings.Contains(m.Content(), "first half") || !strings.Contains(m.Status(), "what arrived is above") {
		t.Fatalf("content %q, status %q", m.Content(), m.Status())
	}
}

func TestMalformedChunkFails(t *testing.T) {
	m := serve(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, model)
		llmtest.Raw(w, "data: {not json\n\n")
	})
	end := run(t, m, m.Start(ask, nil), nil)
	if end.State != Failed || !strings.Contains(strings.ReplaceAll(m.Status(), "\n", " "), "not in the chat-completions format") {
		t.Fatalf("ended %+v, status %q", end, m.Status())
	}
}

func TestCancelClosesTheConnection(t *testing.T) {
	gone := make(chan struct{})
	m := serve(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, model)
		llmtest.Chunk(w, model, "Thinking about it")
		select {
		case <-r.Context().Done():
			close(gone)
		case <-time.After(5 * time.Second):
		}
	})
	var cancelled bool
	var end EndedMsg
	err := loop.Run(func(msg tea.Msg) tea.Cmd {
		if e, ok := msg.(EndedMsg); ok {
			end = e
			return nil
		}
		c, _ := m.Update(msg)
		if m.State() == Streaming && !cancelled {
			cancelled = true
			cc, ok := m.Cancel()
			if !ok {
				t.Error("Cancel reported nothing to cancel while streaming")
			}
			return tea.Batch(c, cc)
		}
		return c
	}, m.Start(ask, nil), func() bool { return end.State == Cancelled }, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-gone:
	case <-time.After(10 * time.Second):
		t.Fatal("the server never saw the connection close")
	}
	if m.Status() != "Cancelled." || end.Text.String() != "Thinking about it" {
		t.Fatalf("status %q, ended %+v", m.Status(), end)
	}
	if _, ok := m.Cancel(); ok {
		t.Fatal("a cancelled reply cannot be cancelled again")
	}
}

func TestNoClientStaysIdle(t *testing.T) {
	m := New(common.NewStyles(common.DefaultTheme()), common.NewMarkdown(common.MarkdownDark, false), nil, nil)
	if cmd := m.Start(ask, nil); cmd != nil || m.State() != Idle || m.Status() != "" {
		t.Fatalf("state %v, status %q", m.State(), m.Status())
	}
	_ = context.Background
}

func TestSlowStreamArrivesWhole(t *testing.T) {
	// Each piece is sent only once the one before it is on screen: the
	// view keeps up with a reply of any pace. (The timeout per piece is
	// coach/llm's, tested there.)
	pieces := []string{"Slow ", "but ", "steady."}
	gates := []*llmtest.Gate{llmtest.NewGate(), llmtest.NewGate()}
	m := serve(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, model)
		for i, p := range pieces {
			if i > 0 && !gates[i-1].Wait(r) {
				return
			}
			llmtest.Chunk(w, model, p)
		}
		llmtest.Finish(w, model)
	})
	end := run(t, m, m.Start(ask, nil), func(m *Model) {
		for i := range gates {
			if strings.Contains(m.Content(), strings.TrimSpace(strings.Join(pieces[:i+1], ""))) {
				gates[i].Open()
			}
		}
	})
	if end.State != Done || end.Text.String() != "Slow but steady." {
		t.Fatalf("ended = %+v", end)
	}
}

func TestStalledStreamTimesOut(t *testing.T) {
	m := serve(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, model)
		llmtest.Chunk(w, model, "Then nothing")
		<-r.Context().Done()
	}, func(l *config.LLM) { l.Timeout = time.Second })
	end := run(t, m, m.Start(ask, nil), nil)
	if end.State != Failed || !strings.Contains(m.Status(), "no answer from") || !strings.Contains(m.Content(), "Then nothing") {
		t.Fatalf("ended %+v, status %q", end, m.Status())
	}
}

func TestNetworkDownIsOneLine(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there now
	lc := config.Default().LLM
	lc.Enabled, lc.BaseURL, lc.Model = true, url+"/v1", model
	c, err := llm.New(lc, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	m := New(common.NewStyles(common.DefaultTheme()), common.NewMarkdown(common.MarkdownDark, false), c, nil)
	m.SetWidth(200)
	end := run(t, m, m.Start(ask, nil), nil)
	if end.State != Failed || !strings.HasPrefix(m.Status(), "Stopped: cannot reach "+url) || strings.Contains(m.Status(), "\n") {
		t.Fatalf("ended %+v, status %q", end, m.Status())
	}
}

func TestRendererFailingStillShowsTheText(t *testing.T) {
	srv := llmtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteStream(w, model, "Plain ", "but there.")
	}, nil)
	lc := config.Default().LLM
	lc.Enabled, lc.BaseURL, lc.Model = true, srv.BaseURL(), model
	c, err := llm.New(lc, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	// An unknown glamour style makes every render fail.
	m := New(common.NewStyles(common.DefaultTheme()), common.NewMarkdown("no-such-style", false), c, nil)
	m.SetWidth(60)
	renders := 0
	var ended time.Time
	err = loop.Run(func(msg tea.Msg) tea.Cmd {
		if _, ok := msg.(renderedMsg); ok {
			renders++
		}
		if _, ok := msg.(EndedMsg); ok {
			ended = time.Now()
		}
		cmd, _ := m.Update(msg)
		return cmd
	}, tea.Batch(m.Start(ask, nil), tea.Tick(time.Second, func(time.Time) tea.Msg { return nil })),
		// Keep running a while after the end: a render loop would show.
		func() bool { return !ended.IsZero() && time.Since(ended) > 5*renderEvery }, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Content(), "Plain but there.") || renders > 2 {
		t.Fatalf("content %q after %d renders", m.Content(), renders)
	}
}
