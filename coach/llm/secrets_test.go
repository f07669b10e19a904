package llm

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm/llmtest"
	"github.com/coach-tui/coach/questions/textsafe/textsafetest"
)

// noKey fails if s shows the key, whole or in a telling part.
func noKey(t *testing.T, what, s string) {
	t.Helper()
	if strings.Contains(s, testKey) || strings.Contains(s, "SECRETKEY") || strings.Contains(s, "abc1****") {
		t.Fatalf("%s shows the key: %q", what, s)
	}
}

// A server that echoes the Authorization header in a successful reply
// must not get the key onto the screen, into the database or a report.
func TestKeyEchoedInSuccessfulReplyIsRedacted(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteCompletion(w, testModel, "You sent "+r.Header.Get("Authorization")+", also sk-abc1****6789, and "+
			"sk-test-SECRET\x1b[0mKEY0123456789.")
	})
	out, err := complete(c)
	if err != nil {
		t.Fatal(err)
	}
	noKey(t, "reply", out)
	if !strings.HasPrefix(out, "You sent Bearer [redacted], also [redacted], and [redacted]") {
		t.Fatalf("reply = %q", out)
	}
}

func streamAll(t *testing.T, c *Client) (string, error) {
	t.Helper()
	s, err := c.Stream(context.Background(), hello)
	if err != nil {
		return "", err
	}
	defer s.Close()
	var b strings.Builder
	for {
		chunk, done, err := nextText(s)
		b.WriteString(chunk)
		if err != nil || done {
			return b.String(), err
		}
	}
}

// The key may arrive split across chunks at any byte: it is held back
// until it is known to be one, and redacted whole.
func TestStreamedKeyIsRedactedAtEverySplit(t *testing.T) {
	reply := "Header was Bearer " + testKey + " and sk-abc1****6789; sk is a prefix, sk-no too. Done."
	for cut := 1; cut < len(reply); cut++ {
		for _, width := range []int{1, 5} {
			c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
				pieces := []string{reply[:cut]}
				for rest := reply[cut:]; rest != ""; {
					n := min(width, len(rest))
					pieces, rest = append(pieces, rest[:n]), rest[n:]
				}
				llmtest.WriteStream(w, testModel, pieces...)
			})
			got, err := streamAll(t, c)
			if err != nil {
				t.Fatal(err)
			}
			noKey(t, "stream", got)
			if want := "Header was Bearer [redacted] and [redacted]; sk is a prefix, sk-no too. Done."; got != want {
				t.Fatalf("cut %d width %d: %q, want %q", cut, width, got, want)
			}
		}
		if testing.Short() && cut > 40 {
			break
		}
	}
}

// A reply that breaks off while a key-shaped word is held back still
// shows that word, redacted, before the error.
func TestStreamCutMidKeyShowsWhatArrived(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, testModel)
		llmtest.Chunk(w, testModel, "Partial sk-test-SECRET")
	})
	got, err := streamAll(t, c)
	wantKind(t, err, KindNetwork)
	noKey(t, "cut stream", got)
	if got != "Partial [redacted]" {
		t.Fatalf("got %q", got)
	}
}

// A wrong key reported inside a 200 stream is said at once, not retried
// as a server error.
func TestStreamedAuthErrorIsNotRetried(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, testModel)
		llmtest.Raw(w, `data: {"error": {"message": "Incorrect API key provided: `+testKey+`", "type": "invalid_request_error", "code": "invalid_api_key"}}`+"\n\n")
	})
	_, err := streamAll(t, c)
	e := wantKind(t, err, KindAuth)
	if e.Retryable() {
		t.Fatal("a wrong key is retried")
	}
	if _, ok := c.RetryDelay(err, 0); ok {
		t.Fatal("RetryDelay offers a retry for a wrong key")
	}
}

// A 200 whose body is not a stream of chunks is named as such, the way
// llm check names it, not as a connection that closed.
func TestStreamBodyNotInTheWireFormat(t *testing.T) {
	bodies := map[string]func(w http.ResponseWriter){
		"html page": func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><h1>Welcome to nginx!</h1></body></html>\n"))
		},
		"sse without data lines": func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/event-stream")
			llmtest.Raw(w, "event: ping\n\n: keep-alive\n\n")
		},
		"plain completion json": func(w http.ResponseWriter) {
			llmtest.WriteCompletion(w, testModel, "not streamed")
		},
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) { body(w) }, func(l *config.LLM) { l.MaxRetries = 0 })
			_, err := streamAll(t, c)
			if e := wantKind(t, err, KindBadResponse); !strings.Contains(e.Error(), "not in the chat-completions format") {
				t.Fatalf("error %q", e)
			}
		})
	}
}

// Decoded chunks carry JSON-escaped sequences as raw bytes: the stream
// cleans what it decodes.
func TestStreamCleansDecodedEscapes(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, testModel)
		llmtest.Raw(w, `data: {"id":"x","object":"chat.completion.chunk","model":"`+testModel+`","choices":[{"index":0,"delta":{"content":"`+textsafetest.JSONEscaped+`"}}]}`+"\n\n")
		llmtest.Finish(w, testModel)
	})
	got, err := streamAll(t, c)
	if err != nil {
		t.Fatal(err)
	}
	if found := textsafetest.Found([]byte(got), false); found != nil || !strings.Contains(got, textsafetest.Marker) {
		t.Fatalf("stream shows %v in %q", found, got)
	}
}
