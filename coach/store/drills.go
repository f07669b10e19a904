package store

import (
	"context"
	"time"
)

// Card is a question's drill schedule: the scheduler's state as JSON, and
// when the question is next due.
type Card struct {
	QuestionID string
	State      string // JSON of the scheduler's card
	Due        time.Time
}

// SaveCard stores a question's schedule and the grade that produced it,
// in one transaction.
func (s *Store) SaveCard(ctx context.Context, c Card, rating int, attemptID int64, at time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO drill_cards (question_id, card, due, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (question_id) DO UPDATE SET card = excluded.card, due = excluded.due, updated_at = excluded.updated_at`,
		c.QuestionID, c.State, formatTime(c.Due), formatTime(at)); err != nil {
		return err
	}
	var attempt any
	if attemptID != 0 {
		attempt = attemptID
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO drill_reviews (question_id, attempt_id, rating, reviewed_at) VALUES (?, ?, ?, ?)`,
		c.QuestionID, attempt, rating, formatTime(at)); err != nil {
		return err
	}
	return tx.Commit()
}

// Cards returns every scheduled question, soonest due first.
func (s *Store) Cards(ctx context.Context) ([]Card, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT question_id, card, due FROM drill_cards ORDER BY due, question_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Card
	for rows.Next() {
		var c Card
		var due string
		if err := rows.Scan(&c.QuestionID, &c.State, &due); err != nil {
			return nil, err
		}
		c.Due = parseTime(due)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Card returns one question's schedule, and false when it has none.
func (s *Store) Card(ctx context.Context, questionID string) (Card, bool, error) {
	cards, err := s.Cards(ctx)
	if err != nil {
		return Card{}, false, err
	}
	for _, c := range cards {
		if c.QuestionID == questionID {
			return c, true, nil
		}
	}
	return Card{}, false, nil
}

// RecentScores returns each question's most recent overall score among
// answers (not skipped, not follow-ups) since a time, lowest first.
func (s *Store) RecentScores(ctx context.Context, since time.Time) ([]Attempt, error) {
	return s.queryAttempts(ctx, `SELECT `+attemptColumns+` FROM attempts a
		WHERE parent_id IS NULL AND skipped = 0 AND submitted_at >= ?
		AND submitted_at = (SELECT MAX(submitted_at) FROM attempts b WHERE b.question_id = a.question_id AND b.parent_id IS NULL AND b.skipped = 0)
		ORDER BY overall, submitted_at`, formatTime(since))
}
