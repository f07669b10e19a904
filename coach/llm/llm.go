// Package llm talks to the optional model endpoint: OpenAI or any
// OpenAI-compatible server (Azure OpenAI, Ollama, LM Studio, vLLM,
// OpenRouter) through github.com/sashabaranov/go-openai. It has no UI: the
// screens drive Stream from a Bubble Tea pull loop, one Next per message.
//
// Everything that comes back is cleaned by coach/textsafe before it is
// returned, every failure is an *Error classified once, and the API key
// never appears in an error.
package llm

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/questions/textsafe"
)

// OpenAIURL is the endpoint used when llm.base_url is empty.
const OpenAIURL = "https://api.openai.com/v1"

// Roles of a Message.
const (
	RoleSystem    = openai.ChatMessageRoleSystem
	RoleUser      = openai.ChatMessageRoleUser
	RoleAssistant = openai.ChatMessageRoleAssistant
)

// Message is one turn of a conversation.
type Message struct {
	Role    string
	Content string
}

// ErrDisabled is returned by New when the configuration has the LLM off
// (llm.enabled false, or --offline).
var ErrDisabled = errors.New("the LLM is off")

// Client sends chat requests to one endpoint with one model. It is safe for
// concurrent use.
type Client struct {
	api         *openai.Client
	endpoint    string // for display: no credentials
	model       string
	key         string // kept only to redact it from errors
	timeout     time.Duration
	maxRetries  int
	temperature float32

	// backoff is the first retry delay when the server gives no
	// Retry-After; it doubles each time. wait sleeps; tests replace it.
	backoff time.Duration
	wait    func(context.Context, time.Duration) error
}

// maxRetryAfter caps how long Complete honours a server's Retry-After; a
// longer wait is returned as the error instead.
const maxRetryAfter = time.Minute

// zeroTemperature stands in for 0: go-openai's request has
// `temperature,omitempty`, so a real 0 would be dropped and the server would
// use its own default (often 1). A tiny positive value is sent instead.
const zeroTemperature = 1e-6

// New builds a client from the configuration. The API key is read from the
// environment variable named by llm.api_key_env (env is os.Getenv outside
// tests), or else from llm.api_key in a config file only its owner can read. A missing key is an error for OpenAI's own endpoint and for Azure;
// local servers and most proxies accept none.
func New(c config.LLM, env func(string) string) (*Client, error) {
	if !c.Enabled {
		return nil, ErrDisabled
	}
	if strings.TrimSpace(c.Model) == "" {
		return nil, &Error{Kind: KindConfig, Reason: "no model is set: put one in llm.model (or COACH_LLM_MODEL)"}
	}
	keyEnv := c.APIKeyEnv
	if keyEnv == "" {
		keyEnv = config.DefaultAPIKeyEnv
	}
	key := strings.TrimSpace(env(keyEnv))
	if key == "" {
		key = c.APIKey // from a config file only its owner can read
	}
	base := strings.TrimRight(c.BaseURL, "/")

	var cfg openai.ClientConfig
	switch c.APIType {
	case config.APITypeAzure:
		if base == "" {
			return nil, &Error{Kind: KindConfig, Reason: "Azure needs llm.base_url, the resource endpoint (https://NAME.openai.azure.com)"}
		}
		if c.APIVersion == "" {
			return nil, &Error{Kind: KindConfig, Reason: "Azure needs llm.api_version (for example 2024-10-21)"}
		}
		if key == "" {
			return nil, &Error{Kind: KindAuth, Reason: "the API key is missing: set $" + keyEnv}
		}
		cfg = openai.DefaultAzureConfig(key, base)
		cfg.APIVersion = c.APIVersion
	case "", config.APITypeOpenAI:
		if base == "" {
			base = OpenAIURL
		}
		if key == "" && isOpenAI(base) {
			return nil, &Error{Kind: KindAuth, Reason: "the API key is missing: set $" + keyEnv}
		}
		cfg = openai.DefaultConfig(key)
		cfg.BaseURL = base
	default:
		return nil, &Error{Kind: KindConfig, Reason: "llm.api_type must be openai or azure"}
	}
	// No http.Client timeout: it would cut long streams. Contexts bound
	// every request instead (see Complete and Stream).
	cfg.HTTPClient = hintDoer{&http.Client{}}

	timeout := c.Timeout
	if timeout <= 0 {
		timeout = config.DefaultLLMTimeout
	}
	t := float32(c.Temperature)
	if t <= 0 {
		t = zeroTemperature
	}
	return &Client{
		api:         openai.NewClientWithConfig(cfg),
		endpoint:    displayURL(base),
		model:       c.Model,
		key:         key,
		timeout:     timeout,
		maxRetries:  max(c.MaxRetries, 0),
		temperature: t,
		backoff:     time.Second,
		wait:        sleep,
	}, nil
}

// Endpoint is the base URL requests go to, without any credentials in it:
// the screen shows it so the user knows who receives their answer.
func (c *Client) Endpoint() string { return c.endpoint }

// Model is the model name sent with each request.
func (c *Client) Model() string { return c.model }

func isOpenAI(base string) bool {
	u, err := url.Parse(base)
	return err == nil && strings.EqualFold(u.Hostname(), "api.openai.com")
}

func displayURL(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	u.User, u.RawQuery, u.Fragment = nil, "", ""
	return u.String()
}

func (c *Client) request(msgs []Message) openai.ChatCompletionRequest {
	req := openai.ChatCompletionRequest{
		Model:       c.model,
		Temperature: c.temperature,
		Messages:    make([]openai.ChatCompletionMessage, len(msgs)),
	}
	for i, m := range msgs {
		req.Messages[i] = openai.ChatCompletionMessage{Role: m.Role, Content: m.Content}
	}
	return req
}

// Complete sends the conversation and returns the whole reply, cleaned of
// control and escape sequences. Rate limits (429) and server errors (5xx)
// are retried up to llm.max_retries times with exponential backoff (or the
// server's Retry-After, up to a minute); each attempt has llm.timeout.
// A failure is an *Error.
func (c *Client) Complete(ctx context.Context, msgs []Message) (textsafe.Text, error) {
	req := c.request(msgs)
	for attempt := 0; ; attempt++ {
		out, err := c.completeOnce(ctx, req)
		if err == nil {
			return textsafe.Safe(out), nil
		}
		delay, ok := c.RetryDelay(err, attempt)
		if !ok {
			return textsafe.Text{}, err
		}
		if werr := c.wait(ctx, delay); werr != nil {
			return textsafe.Text{}, c.classify(ctx, werr, false, nil)
		}
	}
}

// RetryDelay is the one retry rule, used by Complete and by screens that
// show a countdown before reopening a Stream: after the attempt-th failure
// (0 for the first), whether to try again and after how long. Only rate
// limits and server errors are retried, at most llm.max_retries times, after
// the server's Retry-After (up to a minute) or a backoff that doubles.
func (c *Client) RetryDelay(err error, attempt int) (time.Duration, bool) {
	var e *Error
	if !errors.As(err, &e) || !e.Retryable() || attempt >= c.maxRetries {
		return 0, false
	}
	if e.RetryAfter > 0 {
		return e.RetryAfter, e.RetryAfter <= maxRetryAfter
	}
	return c.backoff << attempt, true
}

func (c *Client) completeOnce(ctx context.Context, req openai.ChatCompletionRequest) (string, *Error) {
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	h := &hint{}
	resp, err := c.api.CreateChatCompletion(withHint(actx, h), req)
	if err != nil {
		return "", c.classify(ctx, err, actx.Err() == context.DeadlineExceeded, h)
	}
	if len(resp.Choices) == 0 {
		return "", &Error{Kind: KindBadResponse, Reason: "the reply had no text in it"}
	}
	// Cleaned first: an escape sequence inside the key would hide it.
	return c.redact(textsafe.Clean(resp.Choices[0].Message.Content)), nil
}

// Stream is a reply arriving in pieces. Call Next until done or an error,
// then Close. Next blocks; a Bubble Tea Cmd calls it once and returns the
// piece as a message, and Update appends it and issues the next Cmd.
// Cancelling the context given to Client.Stream ends the request (the
// server sees the connection close) and makes Next return a canceled
// *Error. llm.timeout bounds the wait for the reply to start and, inside
// Next, for each following piece, not the whole reply: time the caller
// spends between calls to Next does not count.
type Stream struct {
	c        *Client
	parent   context.Context
	cancel   context.CancelFunc
	timer    *time.Timer
	timedOut atomic.Bool
	s        *openai.ChatCompletionStream
	filter   textsafe.Filter
	secrets  redactor
	finished bool // a chunk carried a finish_reason
	gotChunk bool // a data: line decoded as a chunk
	err      error
	done     bool
	close    sync.Once
}

// Stream starts a streamed reply. It does not retry: a retryable *Error
// (rate-limited, server) carries RetryAfter for the caller's countdown.
func (c *Client) Stream(ctx context.Context, msgs []Message) (*Stream, error) {
	sctx, cancel := context.WithCancel(ctx)
	st := &Stream{c: c, parent: ctx, cancel: cancel, secrets: redactor{c: c}}
	st.timer = time.AfterFunc(c.timeout, func() {
		st.timedOut.Store(true)
		cancel()
	})
	h := &hint{}
	s, err := c.api.CreateChatCompletionStream(withHint(sctx, h), c.request(msgs))
	if err != nil {
		st.timer.Stop()
		cancel()
		return nil, c.classify(ctx, err, st.timedOut.Load(), h)
	}
	st.s = s
	st.timer.Stop() // Next runs it only while waiting on the server
	return st, nil
}

// Next returns the next piece of text (never empty unless done or err),
// done once the reply is complete, or an *Error. After done or an error it
// keeps returning the same.
func (s *Stream) Next() (chunk textsafe.Text, done bool, err error) {
	text, done, err := s.next()
	// Already clean: the filter and the redactor made it so; Safe makes
	// that a type the caller can rely on.
	return textsafe.Safe(text), done, err
}

func (s *Stream) next() (chunk string, done bool, err error) {
	if s.err != nil || s.done {
		return "", s.done, s.err
	}
	for {
		s.timer.Reset(s.c.timeout)
		resp, rerr := s.s.Recv()
		s.timer.Stop()
		if errors.Is(rerr, io.EOF) {
			if !s.finished && !s.gotChunk {
				// Not one chunk in the body (an HTML page, a plain
				// JSON reply, SSE without data: lines): not a cut.
				return s.failAfterHeld(&Error{Kind: KindBadResponse, Reason: s.c.endpoint + " sent a reply that is not in the chat-completions format"})
			}
			if !s.finished {
				// go-openai reports [DONE] and a closed connection
				// alike; without a finish_reason the reply was cut.
				return s.failAfterHeld(&Error{Kind: KindNetwork, Reason: "the connection closed before the reply was complete"})
			}
			s.filter.Reset()
			if rest := s.secrets.flush(); rest != "" {
				return rest, false, nil // done on the next call
			}
			s.done = true
			s.Close()
			return "", true, nil
		}
		if rerr != nil {
			return s.failAfterHeld(s.c.classify(s.parent, rerr, s.timedOut.Load(), nil))
		}
		s.gotChunk = true
		if len(resp.Choices) == 0 {
			continue // e.g. a usage-only chunk
		}
		ch := resp.Choices[0]
		if ch.FinishReason != "" {
			s.finished = true
		}
		if text := s.secrets.write(s.filter.Write(ch.Delta.Content)); text != "" {
			return text, false, nil
		}
	}
}

// failAfterHeld ends the stream with err, first returning the word the
// redactor held back: it arrived, so it is shown; err comes on the next
// call.
func (s *Stream) failAfterHeld(err *Error) (string, bool, error) {
	ferr := s.fail(err)
	if rest := s.secrets.flush(); rest != "" {
		return rest, false, nil
	}
	return "", false, ferr
}

func (s *Stream) fail(err *Error) error {
	s.err = err
	s.Close()
	return err
}

// Close ends the request and releases the connection. It is safe to call
// more than once and from another goroutine than Next.
func (s *Stream) Close() {
	s.close.Do(func() {
		s.timer.Stop()
		s.cancel()
		if s.s != nil {
			s.s.Close()
		}
	})
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
