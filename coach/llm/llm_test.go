package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm/llmtest"
)

const (
	testKey   = "sk-test-SECRETKEY0123456789"
	testModel = "test-model"
)

var hello = []Message{{Role: RoleSystem, Content: "Be brief."}, {Role: RoleUser, Content: "Say ok."}}

// fake starts a chat-completions server and a client pointed at it. The
// client's waits are recorded instead of slept.
func fake(t *testing.T, h http.HandlerFunc, edit ...func(*config.LLM)) (*Client, *[]time.Duration) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Read the body first: only then does the server notice the client
		// going away and cancel r.Context(), which some tests wait on.
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		h(w, r)
	}))
	t.Cleanup(func() {
		srv.CloseClientConnections() // a handler held at a gate lets go
		srv.Close()
	})
	lc := config.Default().LLM
	lc.Enabled, lc.BaseURL, lc.Model = true, srv.URL+"/v1", testModel
	for _, e := range edit {
		e(&lc)
	}
	c, err := New(lc, func(k string) string {
		if k == config.DefaultAPIKeyEnv {
			return testKey
		}
		return ""
	})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	waits := &[]time.Duration{}
	c.wait = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		*waits = append(*waits, d)
		mu.Unlock()
		return ctx.Err()
	}
	return c, waits
}

// wantKind asserts err is an *Error of kind k and never shows the key.
func wantKind(t *testing.T, err error, k Kind) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *llm.Error", err, err)
	}
	if e.Kind != k {
		t.Fatalf("kind = %s, want %s (%v)", e.Kind, k, e)
	}
	if strings.Contains(e.Error(), testKey) || strings.Contains(e.Error(), "SECRETKEY") {
		t.Fatalf("error shows the key: %q", e)
	}
	return e
}

func TestCompleteSendsRequestAndCleansReply(t *testing.T) {
	var got struct {
		Model       string                           `json:"model"`
		Temperature *float64                         `json:"temperature"`
		Stream      bool                             `json:"stream"`
		Messages    []struct{ Role, Content string } `json:"messages"`
	}
	var auth, path string
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		auth, path = r.Header.Get("Authorization"), r.URL.Path
		json.NewDecoder(r.Body).Decode(&got)
		llmtest.WriteCompletion(w, testModel, "ok\x1b]52;c;ZXZpbA==\x07 \x1b[2Jthere")
	}, func(l *config.LLM) { l.Temperature = 0 })

	out, err := complete(c)
	if err != nil {
		t.Fatal(err)
	}
	if out != "ok there" {
		t.Fatalf("reply = %q, want escape sequences removed", out)
	}
	if path != "/v1/chat/completions" || auth != "Bearer "+testKey || got.Model != testModel || got.Stream {
		t.Fatalf("request: path %q auth %q body %+v", path, auth, got)
	}
	if len(got.Messages) != 2 || got.Messages[1].Role != "user" || got.Messages[1].Content != "Say ok." {
		t.Fatalf("messages = %+v", got.Messages)
	}
	// go-openai omits a zero temperature; 0 must still reach the server
	// as (nearly) 0, not fall back to the server's default.
	if got.Temperature == nil || *got.Temperature <= 0 || *got.Temperature > 0.001 {
		t.Fatalf("temperature 0 sent as %v", got.Temperature)
	}
	if c.Endpoint() == "" || c.Model() != testModel {
		t.Fatalf("endpoint %q model %q", c.Endpoint(), c.Model())
	}
}

func TestStreamInChunks(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		// The OSC 52 sequence is split across two chunks.
		llmtest.WriteStream(w, testModel, "Good ", "answer\x1b]52;c;", "ZXZpbA==\x07, ", "but ", "vague.")
	})
	s, err := c.Stream(context.Background(), hello)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var pieces []string
	for {
		chunk, done, err := nextText(s)
		if err != nil {
			t.Fatal(err)
		}
		if done {
			break
		}
		if chunk == "" {
			t.Fatal("Next returned an empty piece")
		}
		pieces = append(pieces, chunk)
	}
	if got := strings.Join(pieces, ""); got != "Good answer, but vague." || len(pieces) < 3 {
		t.Fatalf("pieces %q", pieces)
	}
	if _, done, err := nextText(s); !done || err != nil {
		t.Fatalf("after done: %v %v", done, err)
	}
}

func TestStreamBreaksMidway(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, testModel)
		llmtest.Chunk(w, testModel, "The first half")
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	s, err := c.Stream(context.Background(), hello)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	chunk, _, err := nextText(s)
	if err != nil || chunk != "The first half" {
		t.Fatalf("first piece %q %v", chunk, err)
	}
	_, done, err := nextText(s)
	if done {
		t.Fatal("a broken stream must not look complete")
	}
	wantKind(t, err, KindNetwork)
}

func TestStreamEndsWithoutFinish(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, testModel)
		llmtest.Chunk(w, testModel, "cut")
	})
	s, err := c.Stream(context.Background(), hello)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	nextText(s)
	_, _, err = nextText(s)
	wantKind(t, err, KindNetwork)
}

func TestStreamMalformedChunk(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, testModel)
		llmtest.Chunk(w, testModel, "fine so far")
		llmtest.Raw(w, "data: {\"choices\": [{\"delta\": {\"content\": \"oops\"}\n\n")
		llmtest.Finish(w, testModel)
	})
	s, err := c.Stream(context.Background(), hello)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if chunk, _, err := nextText(s); err != nil || chunk != "fine so far" {
		t.Fatalf("first piece %q %v", chunk, err)
	}
	_, _, err = nextText(s)
	wantKind(t, err, KindBadResponse)
	_, _, again := nextText(s)
	if again != err {
		t.Fatalf("Next after an error = %v, want the same error", again)
	}
}

func TestUnauthorizedIsNotRetried(t *testing.T) {
	var hits atomic.Int32
	c, waits := fake(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		llmtest.WriteError(w, 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.")
	})
	_, err := complete(c)
	e := wantKind(t, err, KindAuth)
	if e.Status != 401 || e.Retryable() || hits.Load() != 1 || len(*waits) != 0 {
		t.Fatalf("status %d retryable %t hits %d waits %v", e.Status, e.Retryable(), hits.Load(), *waits)
	}
	if !strings.Contains(e.Error(), "the API key is missing or wrong") {
		t.Fatalf("reason: %q", e)
	}
}

func TestForbidden(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteError(w, 403, "permission_error", "", "not allowed")
	})
	_, err := complete(c)
	if e := wantKind(t, err, KindAuth); !strings.Contains(e.Reason, "no permission") {
		t.Fatalf("reason %q", e.Reason)
	}
}

func TestRateLimitRetryAfterThenSuccess(t *testing.T) {
	var hits atomic.Int32
	c, waits := fake(t, func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			w.Header().Set("Retry-After", "3")
			llmtest.WriteError(w, 429, "rate_limit_error", "rate_limit_exceeded", "Slow down.")
			return
		}
		llmtest.WriteCompletion(w, testModel, "ok")
	})
	out, err := complete(c)
	if err != nil || out != "ok" {
		t.Fatalf("Complete = %q, %v", out, err)
	}
	if hits.Load() != 2 || len(*waits) != 1 || (*waits)[0] != 3*time.Second {
		t.Fatalf("hits %d waits %v, want one wait of Retry-After 3s", hits.Load(), *waits)
	}
}

func TestServerErrorTwiceThenSuccess(t *testing.T) {
	var hits atomic.Int32
	c, waits := fake(t, func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) <= 2 {
			http.Error(w, "upstream exploded", http.StatusBadGateway)
			return
		}
		llmtest.WriteCompletion(w, testModel, "ok")
	})
	out, err := complete(c)
	if err != nil || out != "ok" {
		t.Fatalf("Complete = %q, %v", out, err)
	}
	if want := []time.Duration{time.Second, 2 * time.Second}; hits.Load() != 3 || len(*waits) != 2 || (*waits)[0] != want[0] || (*waits)[1] != want[1] {
		t.Fatalf("hits %d waits %v, want backoff %v", hits.Load(), *waits, want)
	}
}

func TestServerErrorGivesUpAfterMaxRetries(t *testing.T) {
	var hits atomic.Int32
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		llmtest.WriteError(w, 503, "server_error", "", "overloaded")
	}, func(l *config.LLM) { l.MaxRetries = 1 })
	_, err := complete(c)
	e := wantKind(t, err, KindServer)
	if e.Status != 503 || !e.Retryable() || hits.Load() != 2 || !strings.Contains(e.Error(), "overloaded") {
		t.Fatalf("error %q status %d hits %d", e, e.Status, hits.Load())
	}
}

func TestContextTooLong(t *testing.T) {
	var hits atomic.Int32
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		llmtest.WriteError(w, 400, "invalid_request_error", "context_length_exceeded",
			"This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.")
	})
	_, err := complete(c)
	if e := wantKind(t, err, KindContextTooLong); e.Retryable() || hits.Load() != 1 {
		t.Fatalf("retryable %t hits %d", e.Retryable(), hits.Load())
	}
}

func TestEchoedKeyIsRedacted(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		key := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		llmtest.WriteError(w, 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: "+key+" (also sk-abc1****6789).")
	})
	_, err := complete(c)
	e := wantKind(t, err, KindAuth)
	if !strings.Contains(e.Error(), "Incorrect API key provided: [redacted]") || strings.Contains(e.Error(), "sk-abc1") {
		t.Fatalf("error %q should show the message with the key redacted", e)
	}

	// A body that is not the OpenAI error shape is redacted too.
	c, _ = fake(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "bad header: "+r.Header.Get("Authorization"), http.StatusInternalServerError)
	}, func(l *config.LLM) { l.MaxRetries = 0 })
	_, err = complete(c)
	if e := wantKind(t, err, KindServer); !strings.Contains(e.Detail, "[redacted]") {
		t.Fatalf("detail %q", e.Detail)
	}
}

func TestSlowServerTimesOut(t *testing.T) {
	// The server never answers: only the client's timeout can end the call.
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}, func(l *config.LLM) { l.Timeout = 100 * time.Millisecond; l.MaxRetries = 0 })
	_, err := complete(c)
	if e := wantKind(t, err, KindTimeout); !errors.Is(e, context.DeadlineExceeded) || !strings.Contains(e.Reason, "100ms") {
		t.Fatalf("error %q", e)
	}
}

func TestStreamIdleTimeout(t *testing.T) {
	// llm.timeout bounds each wait on the server, not the reply: the time
	// the caller spends between pieces (longer than the timeout here) does
	// not count, and silence from the server does.
	const timeout = time.Second
	second := llmtest.NewGate()
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, testModel)
		llmtest.Chunk(w, testModel, "x")
		if !second.Wait(r) {
			return
		}
		llmtest.Chunk(w, testModel, "y")
		<-r.Context().Done() // then silence
	}, func(l *config.LLM) { l.Timeout = timeout })
	s, err := c.Stream(context.Background(), hello)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if chunk, _, err := nextText(s); err != nil || chunk != "x" {
		t.Fatalf("first piece %q %v", chunk, err)
	}
	time.Sleep(timeout + timeout/2) // the caller is busy: not the server's silence
	second.Open()
	if chunk, _, err := nextText(s); err != nil || chunk != "y" {
		t.Fatalf("second piece %q %v: the caller's time was counted against the server", chunk, err)
	}
	_, done, err := nextText(s)
	if done {
		t.Fatal("stream should time out, not finish")
	}
	wantKind(t, err, KindTimeout)
}

func TestStreamCancelReachesServer(t *testing.T) {
	serverSawDone := make(chan struct{})
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, testModel)
		llmtest.Chunk(w, testModel, "thinking")
		<-r.Context().Done()
		close(serverSawDone)
	})
	ctx, cancel := context.WithCancel(context.Background())
	s, err := c.Stream(ctx, hello)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if chunk, _, err := nextText(s); err != nil || chunk != "thinking" {
		t.Fatalf("first piece %q %v", chunk, err)
	}
	result := make(chan error, 1)
	go func() {
		_, _, err := nextText(s)
		result <- err
	}()
	cancel()
	select {
	case err := <-result:
		if e := wantKind(t, err, KindCanceled); !errors.Is(e, context.Canceled) {
			t.Fatalf("error %v should wrap context.Canceled", e)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Next did not return after cancel")
	}
	select {
	case <-serverSawDone:
	case <-time.After(10 * time.Second):
		t.Fatal("the server never saw the request end")
	}
}

func TestStreamRateLimitedAtStartIsNotRetried(t *testing.T) {
	var hits atomic.Int32
	c, waits := fake(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Retry-After", "7")
		llmtest.WriteError(w, 429, "rate_limit_error", "", "Slow down.")
	})
	_, err := c.Stream(context.Background(), hello)
	e := wantKind(t, err, KindRateLimited)
	if e.RetryAfter != 7*time.Second || hits.Load() != 1 || len(*waits) != 0 {
		t.Fatalf("RetryAfter %v hits %d waits %v", e.RetryAfter, hits.Load(), *waits)
	}
}

func TestStreamErrorEvent(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.StartStream(w, testModel)
		llmtest.Raw(w, `data: {"error": {"message": "model overloaded", "type": "server_error"}}`+"\n\n")
	})
	s, err := c.Stream(context.Background(), hello)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, _, err = nextText(s)
	if e := wantKind(t, err, KindServer); !strings.Contains(e.Detail, "model overloaded") {
		t.Fatalf("detail %q", e.Detail)
	}
}

func TestNetworkDown(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	lc := config.Default().LLM
	lc.Enabled, lc.BaseURL, lc.Model, lc.MaxRetries = true, url, testModel, 0
	c, err := New(lc, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	_, err = complete(c)
	if e := wantKind(t, err, KindNetwork); e.Retryable() || !strings.Contains(e.Error(), url) {
		t.Fatalf("error %q", e)
	}
}

func TestNotFoundModel(t *testing.T) {
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteError(w, 404, "invalid_request_error", "model_not_found", "The model does not exist.")
	})
	_, err := complete(c)
	wantKind(t, err, KindRejected)
}

func TestNew(t *testing.T) {
	noEnv := func(string) string { return "" }
	base := config.Default().LLM
	base.Enabled, base.Model = true, "m"

	if _, err := New(config.Default().LLM, noEnv); !errors.Is(err, ErrDisabled) {
		t.Fatalf("disabled: %v", err)
	}
	off := base
	off.Model = ""
	if _, err := New(off, noEnv); err == nil || !strings.Contains(err.Error(), "llm.model") {
		t.Fatalf("no model: %v", err)
	}
	// OpenAI itself needs a key; a local server does not.
	if _, err := New(base, noEnv); err == nil || !strings.Contains(err.Error(), "$OPENAI_API_KEY") {
		t.Fatalf("OpenAI without a key: %v", err)
	}
	local := base
	local.BaseURL = "http://user:pw@localhost:11434/v1/"
	c, err := New(local, noEnv)
	if err != nil {
		t.Fatalf("Ollama without a key: %v", err)
	}
	if c.Endpoint() != "http://localhost:11434/v1" {
		t.Fatalf("endpoint shown as %q (no credentials, no trailing slash)", c.Endpoint())
	}
	custom := base
	custom.APIKeyEnv = "MY_KEY"
	if _, err := New(custom, func(k string) string { return map[string]string{"MY_KEY": "sk-x"}[k] }); err != nil {
		t.Fatalf("key from MY_KEY: %v", err)
	}
}

func TestAzure(t *testing.T) {
	var path, version, apiKey, auth string
	c, _ := fake(t, func(w http.ResponseWriter, r *http.Request) {
		path, version = r.URL.Path, r.URL.Query().Get("api-version")
		apiKey, auth = r.Header.Get("api-key"), r.Header.Get("Authorization")
		llmtest.WriteCompletion(w, testModel, "ok")
	}, func(l *config.LLM) {
		l.APIType, l.APIVersion, l.BaseURL = "azure", "2024-10-21", strings.TrimSuffix(l.BaseURL, "/v1")
	})
	if _, err := complete(c); err != nil {
		t.Fatal(err)
	}
	if path != "/openai/deployments/"+testModel+"/chat/completions" || version != "2024-10-21" || apiKey != testKey || auth != "" {
		t.Fatalf("Azure request: path %q version %q api-key set %t auth %q", path, version, apiKey == testKey, auth)
	}
	lc := config.Default().LLM
	lc.Enabled, lc.Model, lc.APIType, lc.APIVersion, lc.BaseURL = true, "m", "azure", "2024-10-21", "https://x.openai.azure.com"
	if _, err := New(lc, func(string) string { return "" }); err == nil {
		t.Fatal("Azure without a key should fail")
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	h := http.Header{}
	h.Set("Retry-After", now.Add(5*time.Second).Format(http.TimeFormat))
	if d := parseRetryAfter(h, now); d != 5*time.Second {
		t.Fatalf("HTTP date: %v", d)
	}
	h.Set("Retry-After-Ms", "250")
	if d := parseRetryAfter(h, now); d != 250*time.Millisecond {
		t.Fatalf("ms: %v", d)
	}
	if d := parseRetryAfter(http.Header{}, now); d != 0 {
		t.Fatalf("none: %v", d)
	}
}

func TestKeyFromConfigWhenEnvUnset(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("Authorization")
		llmtest.WriteCompletion(w, testModel, "ok")
	}))
	defer srv.Close()
	lc := config.Default().LLM
	lc.Enabled, lc.BaseURL, lc.Model, lc.APIKey = true, srv.URL+"/v1", testModel, "sk-from-file-0123456789"
	for _, env := range []struct{ value, want string }{{"", "Bearer sk-from-file-0123456789"}, {"sk-from-env-0123456789", "Bearer sk-from-env-0123456789"}} {
		c, err := New(lc, func(string) string { return env.value })
		if err != nil {
			t.Fatal(err)
		}
		if _, err := complete(c); err != nil || got != env.want {
			t.Fatalf("env %q: sent %q, err %v", env.value, got, err)
		}
	}
}

func TestReason(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{&Error{Kind: KindRateLimited, Status: 429, Reason: "rate-limited", Detail: "a long server message"}, "rate-limited (HTTP 429)"},
		{&Error{Kind: KindNetwork, Reason: "cannot reach x"}, "cannot reach x"},
		{errors.New("plain"), "plain"},
	} {
		if got := Reason(tt.err); got != tt.want {
			t.Errorf("Reason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// complete and nextText are Complete and Next with the text as a string,
// for comparing.
func complete(c *Client) (string, error) {
	t, err := c.Complete(context.Background(), hello)
	return t.String(), err
}

func nextText(s *Stream) (string, bool, error) {
	t, done, err := s.Next()
	return t.String(), done, err
}
