package llmtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// Server is a chat-completions endpoint for tests: streamed requests go
// to one handler, plain ones to the other, and the messages of every
// request are kept, unescaped, for the test to look for its texts.
type Server struct {
	*httptest.Server
	stream, complete http.HandlerFunc

	mu                  sync.Mutex
	sent                []string
	streamed, completed atomic.Int32
}

// NewServer starts a server that closes when the test ends, hanging up on
// any handler still waiting (at a Gate, say) so that closing never hangs.
// A nil handler answers with a 500, so an unexpected request fails loudly.
func NewServer(t testing.TB, stream, complete http.HandlerFunc) *Server {
	t.Helper()
	s := &Server{stream: stream, complete: complete}
	s.Server = httptest.NewServer(s)
	t.Cleanup(func() {
		s.CloseClientConnections()
		s.Close()
	})
	return s
}

// BaseURL is what llm.base_url should be to reach the server.
func (s *Server) BaseURL() string { return s.URL + "/v1" }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Read the body first: only then does the server notice the client
	// going away and cancel r.Context(), which some tests wait on.
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	var req struct {
		Stream   bool
		Messages []struct{ Content string }
	}
	json.Unmarshal(body, &req)
	var parts []string
	for _, m := range req.Messages {
		parts = append(parts, m.Content)
	}
	s.mu.Lock()
	s.sent = append(s.sent, strings.Join(parts, "\n"))
	s.mu.Unlock()
	h := s.complete
	if req.Stream {
		s.streamed.Add(1)
		h = s.stream
	} else {
		s.completed.Add(1)
	}
	if h == nil {
		WriteError(w, http.StatusInternalServerError, "server_error", "", "no handler for this request in the test")
		return
	}
	h(w, r)
}

// Sent is the text of every message of every request so far.
func (s *Server) Sent() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.sent, "\n")
}

// Streamed and Completed count the streamed and plain requests.
func (s *Server) Streamed() int  { return int(s.streamed.Load()) }
func (s *Server) Completed() int { return int(s.completed.Load()) }
