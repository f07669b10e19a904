package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// LLMFeedback is a model's critique of one attempt. Scores is the JSON of
// the parsed rubric scores ("[]" when the model ignored the format);
// Complete is false when the stream was cancelled or broke off, so what is
// kept is only what arrived.
type LLMFeedback struct {
	AttemptID int64
	Endpoint  string
	Model     string
	Prompt    string // the prompt's name and version, e.g. feedback.v1
	Text      string
	Scores    string
	Complete  bool
	CreatedAt time.Time
}

// SaveLLMFeedback stores (or replaces) the critique of an attempt.
func (s *Store) SaveLLMFeedback(ctx context.Context, f LLMFeedback) error {
	if f.Scores == "" {
		f.Scores = "[]"
	}
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO llm_feedback (attempt_id, endpoint, model, prompt, text, scores, complete, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (attempt_id) DO UPDATE SET endpoint = excluded.endpoint, model = excluded.model,
			prompt = excluded.prompt, text = excluded.text, scores = excluded.scores,
			complete = excluded.complete, created_at = excluded.created_at`,
		f.AttemptID, f.Endpoint, f.Model, f.Prompt, f.Text, f.Scores, f.Complete, formatTime(f.CreatedAt))
	return err
}

// LLMFeedbackFor returns the critique of an attempt, and false when it has
// none.
func (s *Store) LLMFeedbackFor(ctx context.Context, attemptID int64) (LLMFeedback, bool, error) {
	f := LLMFeedback{AttemptID: attemptID}
	var created string
	err := s.db.QueryRowContext(ctx, `
		SELECT endpoint, model, prompt, text, scores, complete, created_at
		FROM llm_feedback WHERE attempt_id = ?`, attemptID).
		Scan(&f.Endpoint, &f.Model, &f.Prompt, &f.Text, &f.Scores, &f.Complete, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return LLMFeedback{}, false, nil
	}
	if err != nil {
		return LLMFeedback{}, false, err
	}
	f.CreatedAt = parseTime(created)
	return f, true, nil
}

// consentKey is the setting that records the user's yes for one endpoint:
// a new endpoint is a new recipient and is asked again.
func consentKey(endpoint string) string { return "llm.consent " + endpoint }

// LLMConsent reports whether the user agreed to send answers to endpoint.
func (s *Store) LLMConsent(ctx context.Context, endpoint string) (bool, error) {
	v, ok, err := s.Setting(ctx, consentKey(endpoint))
	return ok && v == "yes", err
}

// SetLLMConsent records that the user agreed to send answers to endpoint.
func (s *Store) SetLLMConsent(ctx context.Context, endpoint string) error {
	return s.SetSetting(ctx, consentKey(endpoint), "yes")
}
