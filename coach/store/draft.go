package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/coach-tui/coach/questions/textsafe"
)

// Draft is the answer in progress, saved every few seconds and when the
// program is stopped, so a crash or a closed terminal loses nothing.
type Draft struct {
	SessionID    int64
	ParentID     int64
	QuestionID   string
	QuestionText string
	Answer       string
	Limit        time.Duration
	Remaining    time.Duration
	TimerMode    string
	HintUsed     bool
	SavedAt      time.Time
}

// SaveDraft replaces the draft.
func (s *Store) SaveDraft(ctx context.Context, d Draft) error {
	var session, parent any
	if d.SessionID != 0 {
		session = d.SessionID
	}
	if d.ParentID != 0 {
		parent = d.ParentID
	}
	_, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO draft (id, session_id, parent_id, question_id, question_text,
		answer, limit_ms, remaining_ms, timer_mode, hint_used, saved_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		session, parent, d.QuestionID, d.QuestionText, d.Answer, d.Limit.Milliseconds(), d.Remaining.Milliseconds(),
		d.TimerMode, d.HintUsed, formatTime(d.SavedAt))
	return err
}

// Draft returns the saved draft, and false when there is none.
func (s *Store) Draft(ctx context.Context) (Draft, bool, error) {
	var d Draft
	var limit, remaining int64
	var saved string
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(session_id, 0), COALESCE(parent_id, 0), question_id, question_text,
		answer, limit_ms, remaining_ms, timer_mode, hint_used, saved_at FROM draft WHERE id = 1`).
		Scan(&d.SessionID, &d.ParentID, &d.QuestionID, &d.QuestionText, &d.Answer, &limit, &remaining, &d.TimerMode, &d.HintUsed, &saved)
	if errors.Is(err, sql.ErrNoRows) {
		return d, false, nil
	}
	if err != nil {
		return d, false, err
	}
	d.Limit, d.Remaining = time.Duration(limit)*time.Millisecond, time.Duration(remaining)*time.Millisecond
	d.SavedAt = parseTime(saved)
	textsafe.CleanDecoded(&d)
	return d, true, nil
}

// ClearDraft removes the draft.
func (s *Store) ClearDraft(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM draft`)
	return err
}
