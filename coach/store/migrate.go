package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are applied in order; migrations[i] takes the schema from
// version i to i+1. Never edit a released migration: append a new one.
var migrations = []string{
	// 1: key-value settings, for choices the app remembers between runs.
	`CREATE TABLE settings (
		key        TEXT PRIMARY KEY,
		value      TEXT NOT NULL,
		updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	) STRICT;`,
	// 2: the candidate's self-rating per skill (0 none … 3 strong).
	`CREATE TABLE skill_ratings (
		skill_id   TEXT PRIMARY KEY,
		rating     INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 3),
		updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	) STRICT;`,
	// 3: practice sessions, their attempts, and the answer in progress.
	`CREATE TABLE sessions (
		id         INTEGER PRIMARY KEY,
		mode       TEXT NOT NULL CHECK (mode IN ('practice', 'mock', 'drill')),
		role       TEXT NOT NULL,
		setup      TEXT NOT NULL DEFAULT '{}',
		started_at TEXT NOT NULL,
		ended_at   TEXT
	) STRICT;
	CREATE TABLE attempts (
		id            INTEGER PRIMARY KEY,
		session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
		parent_id     INTEGER REFERENCES attempts (id) ON DELETE CASCADE,
		question_id   TEXT NOT NULL,
		question_text TEXT NOT NULL,
		kind          TEXT NOT NULL,
		category      TEXT NOT NULL,
		answer        TEXT NOT NULL,
		started_at    TEXT NOT NULL,
		submitted_at  TEXT NOT NULL,
		limit_ms      INTEGER NOT NULL,
		used_ms       INTEGER NOT NULL,
		timer_mode    TEXT NOT NULL,
		hint_used     INTEGER NOT NULL DEFAULT 0,
		skipped       INTEGER NOT NULL DEFAULT 0,
		timed_out     INTEGER NOT NULL DEFAULT 0,
		overall       INTEGER NOT NULL,
		report        TEXT NOT NULL DEFAULT '{}'
	) STRICT;
	CREATE INDEX attempts_by_session ON attempts (session_id);
	CREATE INDEX attempts_by_question ON attempts (question_id, submitted_at);
	CREATE TABLE draft (
		id            INTEGER PRIMARY KEY CHECK (id = 1),
		session_id    INTEGER REFERENCES sessions (id) ON DELETE CASCADE,
		parent_id     INTEGER,
		question_id   TEXT NOT NULL,
		question_text TEXT NOT NULL,
		answer        TEXT NOT NULL,
		limit_ms      INTEGER NOT NULL,
		remaining_ms  INTEGER NOT NULL,
		timer_mode    TEXT NOT NULL,
		hint_used     INTEGER NOT NULL DEFAULT 0,
		saved_at      TEXT NOT NULL
	) STRICT;`,
	// 4: the drill schedule (an FSRS card per question) and every grade.
	`CREATE TABLE drill_cards (
		question_id TEXT PRIMARY KEY,
		card        TEXT NOT NULL,
		due         TEXT NOT NULL,
		updated_at  TEXT NOT NULL
	) STRICT;
	CREATE INDEX drill_cards_by_due ON drill_cards (due);
	CREATE TABLE drill_reviews (
		id          INTEGER PRIMARY KEY,
		question_id TEXT NOT NULL,
		attempt_id  INTEGER REFERENCES attempts (id) ON DELETE SET NULL,
		rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
		reviewed_at TEXT NOT NULL
	) STRICT;`,
	// 5: the LLM's critique of an attempt, kept beside the offline report.
	`CREATE TABLE llm_feedback (
		attempt_id INTEGER PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
		endpoint   TEXT NOT NULL,
		model      TEXT NOT NULL,
		prompt     TEXT NOT NULL,
		text       TEXT NOT NULL,
		scores     TEXT NOT NULL DEFAULT '[]',
		complete   INTEGER NOT NULL,
		created_at TEXT NOT NULL
	) STRICT;`,
	// 6: any number of answers in progress, one per session, question and
	// follow-up, so leaving one answer to start another keeps both. The
	// single draft of version 5 is carried over.
	`CREATE TABLE drafts (
		id            INTEGER PRIMARY KEY,
		session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
		parent_id     INTEGER NOT NULL DEFAULT 0,
		question_id   TEXT NOT NULL,
		question_text TEXT NOT NULL,
		answer        TEXT NOT NULL,
		limit_ms      INTEGER NOT NULL,
		remaining_ms  INTEGER NOT NULL,
		timer_mode    TEXT NOT NULL,
		hint_used     INTEGER NOT NULL DEFAULT 0,
		saved_at      TEXT NOT NULL,
		UNIQUE (session_id, parent_id, question_id)
	) STRICT;
	CREATE INDEX drafts_by_saved ON drafts (saved_at);
	INSERT INTO drafts (session_id, parent_id, question_id, question_text, answer, limit_ms, remaining_ms,
		timer_mode, hint_used, saved_at)
	SELECT session_id, COALESCE(parent_id, 0), question_id, question_text, answer, limit_ms, remaining_ms,
		timer_mode, hint_used, saved_at FROM draft WHERE session_id IS NOT NULL;
	DROP TABLE draft;`,
	// 7: a spoken answer's delivery (its measures and transcript, as
	// JSON) and where its recording is kept, if it is.
	`ALTER TABLE attempts ADD COLUMN delivery TEXT NOT NULL DEFAULT '';
	ALTER TABLE attempts ADD COLUMN audio TEXT NOT NULL DEFAULT '';`,
}

// SchemaVersion is the version this build of coach writes.
func SchemaVersion() int { return len(migrations) }

// migrate brings the database to SchemaVersion in one transaction, so a
// failure part-way leaves it exactly as it was.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	current, err := readVersion(ctx, tx)
	if err != nil {
		return err
	}
	if current > len(migrations) {
		return fmt.Errorf("%w (schema version %d, this coach knows up to %d)", ErrNewerSchema, current, len(migrations))
	}
	if current == len(migrations) {
		return tx.Commit()
	}
	for v := current; v < len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM schema_version`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, len(migrations)); err != nil {
		return err
	}
	return tx.Commit()
}

func readVersion(ctx context.Context, tx *sql.Tx) (int, error) {
	var v sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_version`).Scan(&v)
	if err != nil {
		return 0, err
	}
	return int(v.Int64), nil
}

// Version reports the schema version recorded in the database.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	return v, err
}
