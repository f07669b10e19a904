package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-tui/coach/coach/llm/llmtest"
	"github.com/coach-tui/coach/coach/store"
)

const cliTestKey = "sk-cli-SECRET-0123456789"

// llmEnv points coach at a fake chat-completions server.
func llmEnv(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	cliEnv(t)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	t.Setenv("COACH_LLM_ENABLED", "1")
	t.Setenv("COACH_LLM_BASE_URL", srv.URL+"/v1")
	t.Setenv("COACH_LLM_MODEL", "tiny")
	t.Setenv("OPENAI_API_KEY", cliTestKey)
	return srv
}

func TestLLMCheckOK(t *testing.T) {
	var auth string
	srv := llmEnv(t, func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		auth = r.Header.Get("Authorization")
		llmtest.WriteCompletion(w, "tiny", "ok\x1b]0;pwned\x07")
	})
	code, out, errOut := runCLI(t, "llm", "check")
	if code != 0 {
		t.Fatalf("llm check: %d %q %q", code, out, errOut)
	}
	for _, want := range []string{"endpoint: " + srv.URL + "/v1", "model:    tiny", "latency:  ", "reply:    ok\n"} {
		if !strings.Contains(out, want) {
			t.Fatalf("output %q lacks %q", out, want)
		}
	}
	if auth != "Bearer "+cliTestKey {
		t.Fatalf("key not sent: %q", auth)
	}
	if strings.Contains(out+errOut, "SECRET") || strings.Contains(out, "\x1b") {
		t.Fatalf("key or escape in output: %q %q", out, errOut)
	}
}

func TestLLMCheckFailures(t *testing.T) {
	tests := []struct {
		name   string
		h      http.HandlerFunc
		want   string
		status int
	}{
		{"unauthorized", func(w http.ResponseWriter, r *http.Request) {
			llmtest.WriteError(w, 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: "+cliTestKey)
		}, "the API key is missing or wrong (HTTP 401): Incorrect API key provided: [redacted] [auth]", 1},
		{"rate limited", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "30")
			llmtest.WriteError(w, 429, "rate_limit_error", "", "Slow down")
		}, "is rate-limiting requests (HTTP 429)", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			llmEnv(t, tt.h)
			code, out, errOut := runCLI(t, "llm", "check")
			if code != tt.status || !strings.Contains(errOut, tt.want) || !strings.Contains(out, "model:    tiny") {
				t.Fatalf("llm check: %d %q %q, want status %d and %q", code, out, errOut, tt.status, tt.want)
			}
			if strings.Contains(out+errOut, "SECRET") {
				t.Fatalf("key printed: %q %q", out, errOut)
			}
		})
	}
}

func TestLLMCheckOff(t *testing.T) {
	var hits int
	llmEnv(t, func(w http.ResponseWriter, r *http.Request) { hits++ })

	code, _, errOut := runCLI(t, "llm", "check", "--offline")
	if code != 2 || !strings.Contains(errOut, "off because of --offline") {
		t.Fatalf("--offline: %d %q", code, errOut)
	}
	t.Setenv("COACH_LLM_ENABLED", "false")
	code, _, errOut = runCLI(t, "llm", "check")
	if code != 2 || !strings.Contains(errOut, "llm.enabled: true") || !strings.Contains(errOut, "COACH_LLM_ENABLED") {
		t.Fatalf("disabled: %d %q", code, errOut)
	}
	if hits != 0 {
		t.Fatalf("the server was contacted %d times while the LLM was off", hits)
	}
}

func TestLLMCheckNeedsModel(t *testing.T) {
	llmEnv(t, func(w http.ResponseWriter, r *http.Request) {})
	t.Setenv("COACH_LLM_MODEL", "")
	code, _, errOut := runCLI(t, "llm", "check")
	if code != 2 || !strings.Contains(errOut, "llm.model") {
		t.Fatalf("no model: %d %q", code, errOut)
	}
	// OpenAI's own endpoint needs a key; the fake server is not OpenAI.
	t.Setenv("COACH_LLM_MODEL", "tiny")
	t.Setenv("COACH_LLM_BASE_URL", "https://api.openai.com/v1")
	t.Setenv("OPENAI_API_KEY", "")
	code, _, errOut = runCLI(t, "llm", "check")
	if code != 2 || !strings.Contains(errOut, "the API key is missing: set $OPENAI_API_KEY") {
		t.Fatalf("no key: %d %q", code, errOut)
	}
}

func TestConfigShowLLM(t *testing.T) {
	llmEnv(t, func(w http.ResponseWriter, r *http.Request) {})
	code, out, _ := runCLI(t, "config", "show")
	if code != 0 || !strings.Contains(out, "  enabled: true") || !strings.Contains(out, "  model: \"tiny\"") ||
		!strings.Contains(out, "api_key_env: OPENAI_API_KEY # set") || strings.Contains(out, "SECRET") {
		t.Fatalf("config show: %d %q", code, out)
	}
}

func TestLLMForget(t *testing.T) {
	root := cliEnv(t)
	st, err := store.Open(context.Background(), filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	st.SetLLMConsent(context.Background(), store.Answers, "http://localhost:11434/v1")
	st.SetLLMConsent(context.Background(), store.Documents, "http://localhost:11434/v1")
	st.SetLLMConsent(context.Background(), store.Documents, "https://api.openai.com/v1")
	st.Close()
	code, out, _ := runCLI(t, "llm", "forget")
	if code != 0 || strings.Count(out, "Forgot your yes") != 2 || !strings.Contains(out, "Forgot your yes for http://localhost:11434/v1") ||
		!strings.Contains(out, "https://api.openai.com/v1") {
		t.Fatalf("forget: %d %q", code, out)
	}
	code, out, _ = runCLI(t, "llm", "forget")
	if code != 0 || !strings.Contains(out, "No yes to take back") {
		t.Fatalf("forget again: %d %q", code, out)
	}
}
