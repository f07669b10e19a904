// Package store keeps coach's user data in one SQLite database: a pure-Go
// driver (no cgo), WAL journal, foreign keys on, and versioned migrations
// applied inside a transaction when the database is opened.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofrs/flock"
	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// FileName is the database file inside the data directory.
const FileName = "coach.db"

// Store is an open database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	// window is the lock an app window holds (see OpenWindow); others is
	// set when another window held it first.
	window *flock.Flock
	others bool
}

// Errors a caller may want to tell apart; each is wrapped with the path.
var (
	ErrNewerSchema = errors.New("was written by a newer coach")
	ErrCorrupt     = errors.New("is not a readable coach database")
)

// Open opens (creating if needed) the database in dir, creating dir with
// mode 0700 and the file with mode 0600, and migrates it to the current
// schema. It never deletes or rewrites a database it cannot understand.
func Open(ctx context.Context, dir string) (*Store, error) {
	if err := prepareDir(dir); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, FileName)
	if err := prepareFile(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, describe(path, err)
	}
	return s, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// DB exposes the handle to the packages in coach that own tables.
func (s *Store) DB() *sql.DB { return s.db }

// Close checkpoints the WAL and closes the database, and lets another
// window take the app's lock.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.window != nil {
		s.window.Unlock()
	}
	return err
}

func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"busy_timeout(5000)",
		"foreign_keys(1)",
		"synchronous(NORMAL)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

func prepareDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("data directory %s: %w", dir, plain(err))
	}
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("data directory %s: %w", dir, plain(err))
	}
	if !info.IsDir() {
		return fmt.Errorf("data directory %s: not a directory", dir)
	}
	// Probe for write access now: SQLite's own error for a read-only
	// directory ("attempt to write a readonly database") hides the cause.
	probe, err := os.CreateTemp(dir, ".write-test-*")
	if err != nil {
		return fmt.Errorf("data directory %s is not writable: %w", dir, plain(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

func prepareFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("database %s: %w", path, plain(err))
	}
	return f.Close()
}

// describe turns driver errors into messages that say what to do.
func describe(path string, err error) error {
	if errors.Is(err, ErrNewerSchema) {
		return fmt.Errorf("database %s %w; upgrade coach, or use another --data-dir", path, err)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("database %s %w; move it aside (mv %s %s.broken) and coach will start a new one", path, ErrCorrupt, path, path)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			return fmt.Errorf("database %s cannot be written: %s", path, strings.TrimSpace(sqlite.ErrorCodeString[se.Code()]))
		}
	}
	return fmt.Errorf("database %s: %w", path, err)
}

func plain(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
