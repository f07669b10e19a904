package llm

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm/llmtest"
)

func transcriptionServer(t *testing.T, reply func(w http.ResponseWriter, r *http.Request, n int)) *httptest.Server {
	return llmtest.TranscriptionServer(t, "whisper-1", reply)
}

func speechClient(t *testing.T, base string, env map[string]string) *Client {
	t.Helper()
	c, err := NewSpeech(config.Speech{Enabled: true, BaseURL: base + "/v1", Model: "whisper-1", APIKeyEnv: "SPEECH_KEY"},
		func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	c.backoff, c.wait = time.Millisecond, func(context.Context, time.Duration) error { return nil }
	return c
}

func wavFile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "answer.wav")
	os.WriteFile(p, []byte("RIFF\x24\x00\x00\x00WAVEfmt "), 0o644)
	return p
}

// The transcript and its timings come back cleaned of escape sequences; a
// server error is retried; a wrong key is an auth error that never shows
// the key, even when the server echoes it.
func TestTranscribeSpeaksTheWireFormat(t *testing.T) {
	srv := transcriptionServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.Header.Get("Authorization") != "Bearer sk-speech-secret":
			w.WriteHeader(http.StatusUnauthorized)
			w.Write([]byte(`{"error":{"message":"Incorrect API key provided: ` + strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ") + `","type":"invalid_request_error","code":"invalid_api_key"}}`))
		case n == 1:
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte(`{"error":{"message":"busy","type":"server_error"}}`))
		default:
			llmtest.VerboseJSON(w, "Um, I led the \u001b]0;pwned\u0007migration.", 3.2)
		}
	})
	c := speechClient(t, srv.URL, map[string]string{"SPEECH_KEY": "sk-speech-secret"})
	tr, err := c.Transcribe(context.Background(), wavFile(t), "en")
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(tr.Text, "\x1b\x07") || !strings.Contains(tr.Text, "I led the") || len(tr.Words) != 5 || tr.Words[1].Start != 0.64 || strings.ContainsAny(tr.Words[4].Text, "\x1b\x07") ||
		len(tr.Segments) != 1 || tr.Duration != 3.2 {
		t.Fatalf("%+v", tr)
	}
	bad := speechClient(t, srv.URL, map[string]string{"SPEECH_KEY": "sk-wrong-key-123"})
	_, err = bad.Transcribe(context.Background(), wavFile(t), "")
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindAuth || strings.Contains(err.Error(), "sk-wrong-key-123") {
		t.Fatalf("wrong key: %v", err)
	}
}

// A slow endpoint is given up on at the timeout, and a cancel stops the
// wait at once.
func TestTranscribeSlowReply(t *testing.T) {
	release := make(chan struct{})
	srv := transcriptionServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	c := speechClient(t, srv.URL, nil)
	c.timeout, c.maxRetries = 150*time.Millisecond, 0
	start := time.Now()
	_, err := c.Transcribe(context.Background(), wavFile(t), "")
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindTimeout || time.Since(start) > 5*time.Second {
		t.Fatalf("slow reply: %v after %s", err, time.Since(start))
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.timeout = time.Minute
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	if _, err := c.Transcribe(ctx, wavFile(t), ""); !errors.As(err, &e) || e.Kind != KindCanceled {
		t.Fatalf("cancelled: %v", err)
	}
}

// An endpoint that is down is a network error saying where.
func TestTranscribeEndpointDown(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	c := speechClient(t, url, nil)
	c.maxRetries = 0
	_, err := c.Transcribe(context.Background(), wavFile(t), "")
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindNetwork {
		t.Fatalf("down: %v", err)
	}
}
