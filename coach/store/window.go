package store

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/gofrs/flock"
)

// lockName is the file an open app window holds a lock on. The operating
// system drops the lock when the process ends, however it ends, so a
// window killed with kill -9 is not taken for one still open.
const lockName = "coach.lock"

// OpenWindow opens the store for the full-screen app, and notes whether
// another coach window already has this data open. Both run: SQLite's WAL
// and busy timeout let them write side by side, and each answer in
// progress is its own row. Others reports what was found.
func OpenWindow(ctx context.Context, dir string) (*Store, error) {
	s, err := Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	lock := flock.New(filepath.Join(dir, lockName), flock.SetPermissions(0o600))
	held, err := lock.TryLock()
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("lock file %s: %w", lock.Path(), err)
	}
	if held {
		s.window = lock
	} else {
		s.others = true
	}
	return s, nil
}

// Others reports whether another coach window had the same data open when
// this one opened it.
func (s *Store) Others() bool { return s.others }
