package store

import (
	"context"
	"time"

	"github.com/coach-tui/coach/questions/textsafe"
)

// Draft is an answer in progress, saved every few seconds and when the
// program is stopped, so a crash or a closed terminal loses nothing. There
// is one per session, question and follow-up (ParentID), and any number in
// all.
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
	// Filled by Drafts from the session, to say which one it belongs to.
	Mode, Role string
}

// SaveDraft keeps d, replacing the earlier text of the same answer. A save
// that arrives after the answer was submitted (the program saves from
// commands that may run late) is dropped rather than bringing the answered
// question back as unfinished.
func (s *Store) SaveDraft(ctx context.Context, d Draft) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO drafts (session_id, parent_id, question_id, question_text,
		answer, limit_ms, remaining_ms, timer_mode, hint_used, saved_at)
		SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10
		WHERE NOT EXISTS (SELECT 1 FROM attempts WHERE session_id = ?1 AND COALESCE(parent_id, 0) = ?2
			AND question_id = ?3 AND question_text = ?4 AND submitted_at >= ?10)
		ON CONFLICT (session_id, parent_id, question_id) DO UPDATE SET question_text = excluded.question_text,
			answer = excluded.answer, limit_ms = excluded.limit_ms, remaining_ms = excluded.remaining_ms,
			timer_mode = excluded.timer_mode, hint_used = excluded.hint_used, saved_at = excluded.saved_at`,
		d.SessionID, d.ParentID, d.QuestionID, d.QuestionText, d.Answer, d.Limit.Milliseconds(), d.Remaining.Milliseconds(),
		d.TimerMode, d.HintUsed, formatTime(d.SavedAt))
	return err
}

// Drafts returns every answer in progress, the most recently saved first.
func (s *Store) Drafts(ctx context.Context) ([]Draft, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.session_id, d.parent_id, d.question_id, d.question_text,
		d.answer, d.limit_ms, d.remaining_ms, d.timer_mode, d.hint_used, d.saved_at, s.mode, s.role
		FROM drafts d JOIN sessions s ON s.id = d.session_id ORDER BY d.saved_at DESC, d.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Draft
	for rows.Next() {
		var d Draft
		var limit, remaining int64
		var saved string
		if err := rows.Scan(&d.SessionID, &d.ParentID, &d.QuestionID, &d.QuestionText, &d.Answer, &limit, &remaining,
			&d.TimerMode, &d.HintUsed, &saved, &d.Mode, &d.Role); err != nil {
			return nil, err
		}
		d.Limit, d.Remaining = time.Duration(limit)*time.Millisecond, time.Duration(remaining)*time.Millisecond
		d.SavedAt = parseTime(saved)
		textsafe.CleanDecoded(&d)
		out = append(out, d)
	}
	return out, rows.Err()
}

// DeleteDraft removes the answer in progress that d is a copy of: the one
// of its session, question and follow-up.
func (s *Store) DeleteDraft(ctx context.Context, d Draft) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM drafts WHERE session_id = ? AND parent_id = ? AND question_id = ?`,
		d.SessionID, d.ParentID, d.QuestionID)
	return err
}
