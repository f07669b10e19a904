package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/coach-tui/coach/questions/textsafe"
)

// Kind is the class of an LLM failure; it decides retrying and wording.
type Kind string

// Error kinds.
const (
	KindAuth           Kind = "auth"             // 401/403 or no key: fix the key, do not retry
	KindRateLimited    Kind = "rate-limited"     // 429: retry after a pause
	KindServer         Kind = "server"           // 5xx: retry after a pause
	KindContextTooLong Kind = "context-too-long" // the prompt is over the model's limit: trim
	KindNetwork        Kind = "network"          // no connection, or it broke
	KindTimeout        Kind = "timeout"          // llm.timeout passed with no answer
	KindBadResponse    Kind = "bad-response"     // the reply was not the wire format
	KindRejected       Kind = "rejected"         // another 4xx: wrong model, bad request, no quota
	KindCanceled       Kind = "canceled"         // the caller cancelled (Esc)
	KindConfig         Kind = "config"           // the settings cannot work (no model, Azure without version)
)

const (
	maxDetail         = 200 // runes of a server message kept in Detail
	redacted          = "[redacted]"
	contextLengthCode = "context_length_exceeded"
)

// Error is an LLM failure, classified once where it happens. Reason is a
// sentence for the user; Detail is the server's own message, cleaned and
// with the key redacted. Neither ever holds the API key.
type Error struct {
	Kind   Kind
	Status int // HTTP status, 0 when there was none
	Reason string
	Detail string
	// RetryAfter is the server's requested pause (Retry-After), if any.
	RetryAfter time.Duration

	cause error // only context.Canceled or context.DeadlineExceeded
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Reason)
	if e.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.Status)
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// Reason is the one line a screen shows for a failure: the *Error's
// sentence with its HTTP status, without the server's detail, which can
// be long. Other errors are shown as they are.
func Reason(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	if e.Status != 0 {
		return fmt.Sprintf("%s (HTTP %d)", e.Reason, e.Status)
	}
	return e.Reason
}

// Unwrap lets errors.Is see context.Canceled and context.DeadlineExceeded.
func (e *Error) Unwrap() error { return e.cause }

// Retryable reports whether the same request may succeed after a pause:
// rate limits and server errors. Network and timeout failures are left to
// the user, who can see whether the endpoint is up.
func (e *Error) Retryable() bool {
	return e.Kind == KindRateLimited || e.Kind == KindServer
}

// classify turns whatever go-openai or the transport returned into an
// *Error. parent is the caller's context (to tell Esc from a timeout),
// timedOut whether our own timer fired, h the Retry-After seen, if any.
func (c *Client) classify(parent context.Context, err error, timedOut bool, h *hint) *Error {
	e := c.classifyRaw(parent, err, timedOut)
	if h != nil && e.Retryable() {
		e.RetryAfter = h.retryAfter
	}
	e.Reason = c.redact(e.Reason)
	e.Detail = c.redact(oneLine(e.Detail))
	return e
}

func (c *Client) classifyRaw(parent context.Context, err error, timedOut bool) *Error {
	switch {
	case errors.Is(parent.Err(), context.Canceled):
		return &Error{Kind: KindCanceled, Reason: "cancelled", cause: context.Canceled}
	case timedOut || errors.Is(parent.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded):
		return &Error{Kind: KindTimeout, Reason: fmt.Sprintf("no answer from %s within %s", c.endpoint, c.timeout), cause: context.DeadlineExceeded}
	}
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return c.fromStatus(apiErr.HTTPStatusCode, fmt.Sprint(apiErr.Code), apiErr.Type, apiErr.Message)
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) && reqErr.HTTPStatusCode != 0 {
		return c.fromStatus(reqErr.HTTPStatusCode, "", "", string(reqErr.Body))
	}
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &syntaxErr) || errors.As(err, &typeErr) || errors.Is(err, openai.ErrTooManyEmptyStreamMessages) {
		return &Error{Kind: KindBadResponse, Reason: c.endpoint + " sent a reply that is not in the chat-completions format"}
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return &Error{Kind: KindTimeout, Reason: fmt.Sprintf("no answer from %s within %s", c.endpoint, c.timeout)}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &Error{Kind: KindNetwork, Reason: "the connection to " + c.endpoint + " broke off"}
	}
	return &Error{Kind: KindNetwork, Reason: "cannot reach " + c.endpoint, Detail: rootCause(err)}
}

// fromStatus classifies an HTTP error (status 0: an error event inside a
// stream) by status, then by the OpenAI error code and message.
func (c *Client) fromStatus(status int, code, typ, msg string) *Error {
	e := &Error{Status: status, Detail: msg}
	lower := strings.ToLower(code + " " + typ + " " + msg)
	switch {
	case strings.Contains(lower, contextLengthCode) || strings.Contains(lower, "context length") ||
		strings.Contains(lower, "context window") || strings.Contains(lower, "maximum context"):
		e.Kind, e.Reason = KindContextTooLong, "the request is longer than "+c.model+" accepts"
	case status == http.StatusUnauthorized || (status == 0 && isAuthCode(lower)):
		// An error event inside a 200 stream has no status: its code says
		// a wrong key as well, and a wrong key is never retried.
		e.Kind, e.Reason = KindAuth, "the API key is missing or wrong"
	case status == http.StatusForbidden:
		e.Kind, e.Reason = KindAuth, "no permission to use "+c.model+" at "+c.endpoint
	case strings.Contains(lower, "insufficient_quota"):
		e.Kind, e.Reason = KindRejected, "the account has no credit or quota left"
	case status == http.StatusTooManyRequests || strings.Contains(lower, "rate limit") || strings.Contains(lower, "rate_limit"):
		e.Kind, e.Reason = KindRateLimited, c.endpoint+" is rate-limiting requests"
	case status >= 500 || status == 0:
		e.Kind, e.Reason = KindServer, c.endpoint+" had a server error"
	case status == http.StatusNotFound:
		e.Kind, e.Reason = KindRejected, "not found: check llm.base_url and that the model "+c.model+" exists there"
	default:
		e.Kind, e.Reason = KindRejected, c.endpoint+" refused the request"
	}
	return e
}

// isAuthCode reports whether an error's code, type and message (lower
// case) say the key was refused.
func isAuthCode(lower string) bool {
	for _, w := range []string{"invalid_api_key", "authentication_error", "incorrect api key", "invalid api key", "unauthorized"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// keyLike catches OpenAI-style keys a server may echo, even partly masked.
var keyLike = regexp.MustCompile(`sk-[A-Za-z0-9_\-*.]{6,}`)

// redact removes the API key, and anything shaped like one, from s.
func (c *Client) redact(s string) string {
	if c.key != "" {
		s = strings.ReplaceAll(s, c.key, redacted)
	}
	return keyLike.ReplaceAllString(s, redacted)
}

// oneLine cleans a server message for a one-line error and shortens it.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(textsafe.Clean(s)), " ")
	if r := []rune(s); len(r) > maxDetail {
		s = string(r[:maxDetail]) + "…"
	}
	return s
}

// rootCause is the innermost message of a transport error ("connection
// refused"), without the URL and method that url.Error adds.
func rootCause(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

// hint carries what the HTTP response said about retrying back to the
// classifier; go-openai's errors do not keep the response headers.
type hint struct{ retryAfter time.Duration }

type hintKey struct{}

func withHint(ctx context.Context, h *hint) context.Context {
	return context.WithValue(ctx, hintKey{}, h)
}

// hintDoer is the HTTP client go-openai uses; it records Retry-After.
type hintDoer struct{ c *http.Client }

func (d hintDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.c.Do(req)
	if err == nil && resp.StatusCode >= 400 {
		if h, ok := req.Context().Value(hintKey{}).(*hint); ok {
			h.retryAfter = parseRetryAfter(resp.Header, time.Now())
		}
	}
	return resp, err
}

// parseRetryAfter reads retry-after-ms (OpenAI, Azure) or Retry-After in
// seconds or as an HTTP date.
func parseRetryAfter(h http.Header, now time.Time) time.Duration {
	if ms, err := strconv.ParseFloat(h.Get("Retry-After-Ms"), 64); err == nil && ms > 0 {
		return time.Duration(ms * float64(time.Millisecond))
	}
	v := h.Get("Retry-After")
	if secs, err := strconv.ParseFloat(v, 64); err == nil && secs > 0 {
		return time.Duration(secs * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
