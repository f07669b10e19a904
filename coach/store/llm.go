package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/coach-tui/coach/questions/textsafe"
)

// LLMFeedback is a model's critique of one attempt. Scores is the JSON of
// the parsed rubric scores ("[]" when the model ignored the format);
// Complete is false when the stream was cancelled or broke off, so what is
// kept is only what arrived.
type LLMFeedback struct {
	AttemptID int64           `json:"-"`
	Endpoint  string          `json:"endpoint"`
	Model     string          `json:"model"`
	Prompt    string          `json:"prompt"` // the prompt's name and version, e.g. feedback.v1
	Text      string          `json:"text"`
	Scores    json.RawMessage `json:"scores"` // [{"Name": "depth", "Value": 3}]; [] when the model ignored the format
	Complete  bool            `json:"complete"`
	CreatedAt time.Time       `json:"created_at"`
}

// SaveLLMFeedback stores (or replaces) the critique of an attempt.
func (s *Store) SaveLLMFeedback(ctx context.Context, f LLMFeedback) error {
	if len(f.Scores) == 0 {
		f.Scores = json.RawMessage("[]")
	}
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO llm_feedback (attempt_id, endpoint, model, prompt, text, scores, complete, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (attempt_id) DO UPDATE SET endpoint = excluded.endpoint, model = excluded.model,
			prompt = excluded.prompt, text = excluded.text, scores = excluded.scores,
			complete = excluded.complete, created_at = excluded.created_at`,
		f.AttemptID, f.Endpoint, f.Model, f.Prompt, f.Text, string(f.Scores), f.Complete, formatTime(f.CreatedAt))
	return err
}

const feedbackColumns = `attempt_id, endpoint, model, prompt, text, scores, complete, created_at`

func scanFeedback(row interface{ Scan(...any) error }) (LLMFeedback, error) {
	var f LLMFeedback
	var created, scores string
	err := row.Scan(&f.AttemptID, &f.Endpoint, &f.Model, &f.Prompt, &f.Text, &scores, &f.Complete, &created)
	f.Scores, f.CreatedAt = json.RawMessage(scores), parseTime(created)
	textsafe.CleanDecoded(&f) // a row an older version wrote may hold anything
	return f, err
}

// LLMFeedbackFor returns the critique of an attempt, and false when it has
// none.
func (s *Store) LLMFeedbackFor(ctx context.Context, attemptID int64) (LLMFeedback, bool, error) {
	f, err := scanFeedback(s.db.QueryRowContext(ctx, `SELECT `+feedbackColumns+` FROM llm_feedback WHERE attempt_id = ?`, attemptID))
	if errors.Is(err, sql.ErrNoRows) {
		return LLMFeedback{}, false, nil
	}
	if err != nil {
		return LLMFeedback{}, false, err
	}
	return f, true, nil
}

// sessionCritiques returns the critiques of a session's attempts by
// attempt id.
func (s *Store) sessionCritiques(ctx context.Context, sessionID int64) (map[int64]LLMFeedback, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+feedbackColumns+` FROM llm_feedback
		WHERE attempt_id IN (SELECT id FROM attempts WHERE session_id = ?)`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]LLMFeedback{}
	for rows.Next() {
		f, err := scanFeedback(rows)
		if err != nil {
			return nil, err
		}
		out[f.AttemptID] = f
	}
	return out, rows.Err()
}

// Data is a kind of data a model may be sent. The user agrees to each
// apart, for each endpoint: a yes to critiques of answers does not send a
// resume, and the reverse.
type Data string

const (
	// Answers are a practice question, its reference notes and the answer.
	Answers Data = "answers"
	// Documents are the resume and the job posting.
	Documents Data = "documents"
	// Audio is a recorded answer, sent to a transcription endpoint.
	Audio Data = "audio"
)

// consentPrefix starts every consent setting, including the single yes
// per endpoint that versions before per-kind consent wrote ("llm.consent
// <endpoint>"), which is no longer read: it did not say what was agreed to.
const consentPrefix = "llm.consent"

// consentKey is the setting that records the user's yes to sending d to
// one endpoint: a new endpoint is a new recipient and is asked again.
func consentKey(d Data, endpoint string) string {
	return consentPrefix + "." + string(d) + " " + endpoint
}

// LLMConsent reports whether the user agreed to send d to endpoint.
func (s *Store) LLMConsent(ctx context.Context, d Data, endpoint string) (bool, error) {
	v, ok, err := s.Setting(ctx, consentKey(d, endpoint))
	return ok && v == "yes", err
}

// SetLLMConsent records that the user agreed to send d to endpoint.
func (s *Store) SetLLMConsent(ctx context.Context, d Data, endpoint string) error {
	return s.SetSetting(ctx, consentKey(d, endpoint), "yes")
}

// ForgetLLMConsent takes back every yes given, for every kind of data, so
// the next send asks again. It reports the endpoints that had one, each
// once, in order.
func (s *Store) ForgetLLMConsent(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key FROM settings WHERE `+consentWhere, consentArgs()...)
	if err != nil {
		return nil, err
	}
	var endpoints []string
	seen := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return nil, err
		}
		_, endpoint, _ := strings.Cut(k, " ")
		if !seen[endpoint] {
			seen[endpoint] = true
			endpoints = append(endpoints, endpoint)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.Strings(endpoints)
	_, err = s.db.ExecContext(ctx, `DELETE FROM settings WHERE `+consentWhere, consentArgs()...)
	return endpoints, err
}

// consentWhere matches the consent settings of every kind, and the old
// single one, but not another setting that merely starts alike.
const consentWhere = `substr(key, 1, ?) = ? OR substr(key, 1, ?) = ? OR substr(key, 1, ?) = ? OR substr(key, 1, ?) = ?`

func consentArgs() []any {
	var args []any
	for _, p := range []string{consentPrefix + " ", consentKey(Answers, ""), consentKey(Documents, ""), consentKey(Audio, "")} {
		args = append(args, len(p), p)
	}
	return args
}
