package llm

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coach-tui/coach/coach/config"
)

// transcriptionServer speaks the wire format: multipart in (file, model,
// response_format, timestamp_granularities[]), verbose_json out. reply
// writes the answer for each request after checking what was sent.
func transcriptionServer(t *testing.T, reply func(w http.ResponseWriter, r *http.Request, n int)) *httptest.Server {
	t.Helper()
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/audio/transcriptions" || r.Method != http.MethodPost {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if err := r.ParseMultipartForm(32 << 20); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f, hdr, err := r.FormFile("file")
		if err != nil {
			http.Error(w, "no file", http.StatusBadRequest)
			return
		}
		defer f.Close()
		head := make([]byte, 4)
		f.Read(head)
		if string(head) != "RIFF" || !strings.HasSuffix(hdr.Filename, ".wav") || r.FormValue("model") != "whisper-1" ||
			r.FormValue("response_format") != "verbose_json" || strings.Join(r.MultipartForm.Value["timestamp_granularities[]"], ",") != "word,segment" {
			http.Error(w, "bad request: "+hdr.Filename+" "+r.FormValue("model")+" "+r.FormValue("response_format"), http.StatusBadRequest)
			return
		}
		reply(w, r, int(calls.Add(1)))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func verbose(text string) string {
	b, _ := json.Marshal(map[string]any{
		"task": "transcribe", "language": "english", "duration": 3.2, "text": text,
		"words":    []map[string]any{{"word": "Um", "start": 0.4, "end": 0.6}, {"word": "I", "start": 0.9, "end": 1.0}},
		"segments": []map[string]any{{"id": 0, "start": 0.4, "end": 3.1, "text": " " + text}},
	})
	return string(b)
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
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(verbose("Um, I led the \u001b]0;pwned\u0007migration.")))
		}
	})
	c := speechClient(t, srv.URL, map[string]string{"SPEECH_KEY": "sk-speech-secret"})
	tr, err := c.Transcribe(context.Background(), wavFile(t), "en")
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(tr.Text, "\x1b\x07") || !strings.Contains(tr.Text, "I led the") || len(tr.Words) != 2 || tr.Words[0].Start != 0.4 ||
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
