package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/coach-tui/coach/questions/textsafe"
)

// timeFormat stores times as UTC text that sorts in time order.
const timeFormat = "2006-01-02T15:04:05.000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeFormat, s)
	return t
}

// Session is one practice session or mock interview.
type Session struct {
	ID        int64
	Mode      string // practice or mock
	Role      string
	Setup     string // JSON of the choices it was started with
	StartedAt time.Time
	EndedAt   time.Time // zero while running
	// Filled by Sessions: a summary of its attempts.
	Attempts   int
	Average    int
	Unfinished int // answers in progress (drafts)
}

// Attempt is one answer to a question or a follow-up.
type Attempt struct {
	ID           int64
	SessionID    int64
	ParentID     int64 // the attempt this follows up, or 0
	QuestionID   string
	QuestionText string
	Kind         string
	Category     string
	Answer       string
	StartedAt    time.Time
	SubmittedAt  time.Time
	Limit        time.Duration
	Used         time.Duration
	TimerMode    string
	HintUsed     bool
	Skipped      bool
	TimedOut     bool
	Overall      int
	Report       string // JSON of the feedback
	// Delivery is a spoken answer's measures and transcript as JSON
	// (speech.Delivery), "" for a typed one.
	Delivery string `json:",omitempty"`
	// Audio is where the recording is kept, "" when it is not.
	Audio string `json:",omitempty"`
	// Critique is the LLM's critique of the answer, if it had one; filled
	// by Attempts and Attempt.
	Critique *LLMFeedback `json:",omitempty"`
}

// CreateSession records a new session and returns its id.
func (s *Store) CreateSession(ctx context.Context, mode, role, setup string, started time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO sessions (mode, role, setup, started_at) VALUES (?, ?, ?, ?)`,
		mode, role, setup, formatTime(started))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// UpdateSessionSetup replaces a session's setup, which carries its plan.
func (s *Store) UpdateSessionSetup(ctx context.Context, id int64, setup string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE sessions SET setup = ? WHERE id = ?`, setup, id)
	return err
}

// EndSession marks a session finished.
func (s *Store) EndSession(ctx context.Context, id int64, ended time.Time) error {
	_, err := s.db.ExecContext(ctx, `UPDATE sessions SET ended_at = ? WHERE id = ?`, formatTime(ended), id)
	return err
}

// AddAttempt saves an attempt and deletes the draft it came from (and no
// other), in one transaction: the answer is either an attempt or still a
// draft.
func (s *Store) AddAttempt(ctx context.Context, a Attempt) (int64, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var parent any
	if a.ParentID != 0 {
		parent = a.ParentID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO attempts (session_id, parent_id, question_id, question_text, kind, category,
		answer, started_at, submitted_at, limit_ms, used_ms, timer_mode, hint_used, skipped, timed_out, overall, report,
		delivery, audio)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.SessionID, parent, a.QuestionID, a.QuestionText, a.Kind, a.Category, a.Answer,
		formatTime(a.StartedAt), formatTime(a.SubmittedAt), a.Limit.Milliseconds(), a.Used.Milliseconds(),
		a.TimerMode, a.HintUsed, a.Skipped, a.TimedOut, a.Overall, a.Report, a.Delivery, a.Audio)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM drafts WHERE session_id = ? AND parent_id = ? AND question_id = ?`,
		a.SessionID, a.ParentID, a.QuestionID); err != nil {
		return 0, err
	}
	return id, tx.Commit()
}

// sessionQuery selects sessions with their attempt count, average score
// (skipped answers count as 0) and unfinished answers; where and having
// narrow it.
func sessionQuery(where, having string) string {
	return `SELECT s.id, s.mode, s.role, s.setup, s.started_at, COALESCE(s.ended_at, ''),
		       COUNT(a.id), COALESCE(ROUND(AVG(a.overall)), 0),
		       (SELECT COUNT(*) FROM drafts d WHERE d.session_id = s.id) AS unfinished
		FROM sessions s LEFT JOIN attempts a ON a.session_id = s.id ` + where + `
		GROUP BY s.id ` + having + ` ORDER BY s.started_at DESC, s.id DESC`
}

// Sessions lists the sessions that hold something, an answer or an answer
// in progress, newest first. A session opened and left before anything
// was typed is not listed: it has nothing to show or resume.
func (s *Store) Sessions(ctx context.Context) ([]Session, error) {
	return s.querySessions(ctx, sessionQuery("", "HAVING COUNT(a.id) > 0 OR unfinished > 0"))
}

// SearchSessions lists, newest first, the sessions with an answer whose
// question or answer contains words, ignoring case (SQLite folds ASCII
// letters only).
func (s *Store) SearchSessions(ctx context.Context, words string) ([]Session, error) {
	return s.querySessions(ctx, sessionQuery(`WHERE s.id IN (SELECT session_id FROM attempts
		WHERE instr(lower(question_text || char(10) || answer), lower(?1)) > 0)`, ""), words)
}

func (s *Store) querySessions(ctx context.Context, query string, args ...any) ([]Session, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		var x Session
		var started, ended string
		var avg float64
		if err := rows.Scan(&x.ID, &x.Mode, &x.Role, &x.Setup, &started, &ended, &x.Attempts, &avg, &x.Unfinished); err != nil {
			return nil, err
		}
		x.StartedAt, x.Average = parseTime(started), int(avg)
		textsafe.CleanDecoded(&x)
		if ended != "" {
			x.EndedAt = parseTime(ended)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// ErrNotFound is returned for an id that does not exist.
var ErrNotFound = errors.New("not found")

// Session returns one session, listed or not.
func (s *Store) Session(ctx context.Context, id int64) (Session, error) {
	list, err := s.querySessions(ctx, sessionQuery("WHERE s.id = ?", ""), id)
	if err != nil {
		return Session{}, err
	}
	if len(list) == 0 {
		return Session{}, fmt.Errorf("session %d: %w", id, ErrNotFound)
	}
	return list[0], nil
}

const attemptColumns = `id, session_id, COALESCE(parent_id, 0), question_id, question_text, kind, category, answer,
	started_at, submitted_at, limit_ms, used_ms, timer_mode, hint_used, skipped, timed_out, overall, report, delivery, audio`

func scanAttempt(row interface{ Scan(...any) error }) (Attempt, error) {
	var a Attempt
	var started, submitted string
	var limit, used int64
	err := row.Scan(&a.ID, &a.SessionID, &a.ParentID, &a.QuestionID, &a.QuestionText, &a.Kind, &a.Category, &a.Answer,
		&started, &submitted, &limit, &used, &a.TimerMode, &a.HintUsed, &a.Skipped, &a.TimedOut, &a.Overall, &a.Report,
		&a.Delivery, &a.Audio)
	a.StartedAt, a.SubmittedAt = parseTime(started), parseTime(submitted)
	a.Limit, a.Used = time.Duration(limit)*time.Millisecond, time.Duration(used)*time.Millisecond
	textsafe.CleanDecoded(&a) // a row an older version wrote may hold anything
	return a, err
}

// Attempts returns a session's attempts in the order they were given,
// with their critiques.
func (s *Store) Attempts(ctx context.Context, sessionID int64) ([]Attempt, error) {
	list, err := s.queryAttempts(ctx, `SELECT `+attemptColumns+` FROM attempts WHERE session_id = ? ORDER BY id`, sessionID)
	if err != nil {
		return nil, err
	}
	critiques, err := s.sessionCritiques(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if f, ok := critiques[list[i].ID]; ok {
			list[i].Critique = &f
		}
	}
	return list, nil
}

// QuestionAttempts returns every answer ever given to one question, in any
// session, oldest first: how it went over time.
func (s *Store) QuestionAttempts(ctx context.Context, questionID string) ([]Attempt, error) {
	return s.queryAttempts(ctx, `SELECT `+attemptColumns+` FROM attempts WHERE question_id = ? ORDER BY submitted_at, id`, questionID)
}

// queryAttempts runs a query selecting attemptColumns.
func (s *Store) queryAttempts(ctx context.Context, query string, args ...any) ([]Attempt, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Attempt
	for rows.Next() {
		a, err := scanAttempt(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Attempt returns one attempt.
func (s *Store) Attempt(ctx context.Context, id int64) (Attempt, error) {
	a, err := scanAttempt(s.db.QueryRowContext(ctx, `SELECT `+attemptColumns+` FROM attempts WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("attempt %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return a, err
	}
	f, ok, err := s.LLMFeedbackFor(ctx, id)
	if ok {
		a.Critique = &f
	}
	return a, err
}

// DeleteAttempt removes an attempt and its follow-ups.
func (s *Store) DeleteAttempt(ctx context.Context, id int64) error {
	return s.deleteOne(ctx, `DELETE FROM attempts WHERE id = ?`, "attempt", id)
}

// DeleteSession removes a session with all its attempts.
func (s *Store) DeleteSession(ctx context.Context, id int64) error {
	return s.deleteOne(ctx, `DELETE FROM sessions WHERE id = ?`, "session", id)
}

func (s *Store) deleteOne(ctx context.Context, query, what string, id int64) error {
	res, err := s.db.ExecContext(ctx, query, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	return nil
}

// LastAsked maps each question id to when it was last answered, so
// selection can prefer questions not asked recently.
func (s *Store) LastAsked(ctx context.Context) (map[string]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT question_id, MAX(submitted_at) FROM attempts GROUP BY question_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var id, at string
		if err := rows.Scan(&id, &at); err != nil {
			return nil, err
		}
		out[id] = parseTime(at)
	}
	return out, rows.Err()
}

// AttemptsSince returns every attempt submitted at or after since, oldest
// first, for statistics.
func (s *Store) AttemptsSince(ctx context.Context, since time.Time) ([]Attempt, error) {
	return s.queryAttempts(ctx, `SELECT `+attemptColumns+` FROM attempts WHERE submitted_at >= ? ORDER BY submitted_at, id`, formatTime(since))
}
