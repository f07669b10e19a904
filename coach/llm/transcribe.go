package llm

import (
	"context"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/questions/textsafe"
)

// Transcription is what a transcription endpoint heard, cleaned: the
// reply is outside text, and a transcript is shown on screen.
type Transcription struct {
	Text     string      `json:"text"`
	Language string      `json:"language,omitempty"`
	Duration float64     `json:"duration_seconds,omitempty"`
	Words    []TimedText `json:"word_list,omitempty"`
	Segments []TimedText `json:"segments,omitempty"`
}

// TimedText is a word or a segment with where it falls in the audio.
type TimedText struct {
	Text  string  `json:"text"`
	Start float64 `json:"start"`
	End   float64 `json:"end"`
}

// speechTimeout bounds one transcription: a ten-minute answer takes a
// local CPU model a few minutes.
const speechTimeout = 5 * time.Minute

// NewSpeech builds a client for the transcription endpoint in s (any
// OpenAI-compatible /v1/audio/transcriptions), with the LLM's rules for
// the key, retries and errors.
func NewSpeech(s config.Speech, env func(string) string) (*Client, error) {
	if !s.Enabled {
		return nil, ErrDisabled
	}
	if strings.TrimSpace(s.Model) == "" {
		return nil, &Error{Kind: KindConfig, Reason: "no transcription model is set: put one in speech.model (or COACH_SPEECH_MODEL)"}
	}
	return New(config.LLM{Enabled: true, BaseURL: s.BaseURL, Model: s.Model, APIKeyEnv: s.APIKeyEnv,
		APIType: config.APITypeOpenAI, Timeout: speechTimeout, MaxRetries: config.DefaultMaxRetries}, env)
}

// Transcribe sends the WAV file at path and returns what was heard, with
// word and segment timestamps where the endpoint gives them (verbose_json).
// language is ISO 639-1, or "" to let the endpoint tell. Rate limits and
// server errors are retried as Complete retries them.
func (c *Client) Transcribe(ctx context.Context, path, language string) (*Transcription, error) {
	req := openai.AudioRequest{Model: c.model, FilePath: path, Format: openai.AudioResponseFormatVerboseJSON, Language: language,
		TimestampGranularities: []openai.TranscriptionTimestampGranularity{openai.TranscriptionTimestampGranularityWord, openai.TranscriptionTimestampGranularitySegment}}
	for attempt := 0; ; attempt++ {
		out, err := c.transcribeOnce(ctx, req)
		if err == nil {
			return out, nil
		}
		delay, ok := c.RetryDelay(err, attempt)
		if !ok {
			return nil, err
		}
		if werr := c.wait(ctx, delay); werr != nil {
			return nil, c.classify(ctx, werr, false, nil)
		}
	}
}

func (c *Client) transcribeOnce(ctx context.Context, req openai.AudioRequest) (*Transcription, *Error) {
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	h := &hint{}
	resp, err := c.api.CreateTranscription(withHint(actx, h), req)
	if err != nil {
		return nil, c.classify(ctx, err, actx.Err() == context.DeadlineExceeded, h)
	}
	clean := func(s string) string { return c.redact(textsafe.Clean(s)) }
	t := &Transcription{Text: strings.TrimSpace(clean(resp.Text)), Language: clean(resp.Language), Duration: resp.Duration}
	for _, w := range resp.Words {
		t.Words = append(t.Words, TimedText{Text: clean(w.Word), Start: w.Start, End: w.End})
	}
	for _, s := range resp.Segments {
		t.Segments = append(t.Segments, TimedText{Text: strings.TrimSpace(clean(s.Text)), Start: s.Start, End: s.End})
	}
	return t, nil
}
