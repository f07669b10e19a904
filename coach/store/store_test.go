package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

func TestOpenCreatesPrivateFiles(t *testing.T) {
	s, dir := openTemp(t)
	di, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if di.Mode().Perm() != 0o700 {
		t.Errorf("data dir mode = %v, want 0700", di.Mode().Perm())
	}
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode = %v, want 0600", fi.Mode().Perm())
	}
}

func TestOpenSetsPragmas(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	var mode string
	if err := s.DB().QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var fk, timeout int
	if err := s.DB().QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if err := s.DB().QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&timeout); err != nil {
		t.Fatal(err)
	}
	if fk != 1 || timeout != 5000 {
		t.Errorf("foreign_keys = %d, busy_timeout = %d", fk, timeout)
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		s, err := Open(ctx, dir)
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		v, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v != SchemaVersion() {
			t.Fatalf("version = %d, want %d", v, SchemaVersion())
		}
		var rows int
		if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version`).Scan(&rows); err != nil {
			t.Fatal(err)
		}
		if rows != 1 {
			t.Fatalf("schema_version has %d rows", rows)
		}
		s.Close()
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	s, dir := openTemp(t)
	ctx := context.Background()
	if _, ok, err := s.Setting(ctx, "practice.last"); err != nil || ok {
		t.Fatalf("unset key: ok=%v err=%v", ok, err)
	}
	if err := s.SetSetting(ctx, "practice.last", "a"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "practice.last", "b"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s2, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	v, ok, err := s2.Setting(ctx, "practice.last")
	if err != nil || !ok || v != "b" {
		t.Fatalf("after reopen: %q %v %v", v, ok, err)
	}
}

func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	s, dir := openTemp(t)
	ctx := context.Background()
	future := SchemaVersion() + 5
	if _, err := s.DB().ExecContext(ctx, `UPDATE schema_version SET version = ?`, future); err != nil {
		t.Fatal(err)
	}
	s.Close()

	_, err := Open(ctx, dir)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("want ErrNewerSchema, got %v", err)
	}
	if !strings.Contains(err.Error(), filepath.Join(dir, FileName)) {
		t.Errorf("error does not name the file: %v", err)
	}

	// Read the version without migrating: Open must not have changed it.
	raw, err := sql.Open("sqlite", filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var v int
	if err := raw.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != future {
		t.Fatalf("version changed to %d", v)
	}
}

func TestCorruptFileIsReportedAndKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	junk := bytes.Repeat([]byte("this is not sqlite "), 400)
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), dir)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("want ErrCorrupt, got %v", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, "mv ") {
		t.Errorf("error should name %s and say how to move it aside: %s", path, msg)
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, junk) {
		t.Fatal("the corrupt file was modified")
	}
}

func TestReadOnlyDataDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), dir)
	if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "not writable") {
		t.Fatalf("want a not-writable error naming %s, got %v", dir, err)
	}
}

func TestDataDirIsAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), file)
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Fatalf("want an error naming %s, got %v", file, err)
	}
}

func TestRatingsRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	for _, step := range []struct {
		id string
		r  int
	}{{"go", 2}, {"kubernetes", 1}, {"go", 3}, {"kubernetes", 0}} {
		if err := s.SetRating(ctx, step.id, step.r); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Ratings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["go"] != 3 {
		t.Fatalf("ratings = %v", got)
	}
	if err := s.SetRating(ctx, "go", 7); err == nil {
		t.Fatal("a rating above 3 must be refused")
	}
}

func TestMigratesAVersionOneDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	// Put the database back to how version 1 left it.
	if _, err := s.DB().ExecContext(ctx, `DROP TABLE llm_feedback; DROP TABLE drill_reviews; DROP TABLE drill_cards; DROP TABLE drafts; DROP TABLE attempts; DROP TABLE sessions; DROP TABLE skill_ratings; UPDATE schema_version SET version = 1`); err != nil {
		t.Fatal(err)
	}
	s.SetSetting(ctx, "kept", "yes")
	s.Close()

	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Version(ctx); v != SchemaVersion() {
		t.Fatalf("version %d", v)
	}
	if v, ok, _ := s.Setting(ctx, "kept"); !ok || v != "yes" {
		t.Fatal("data from version 1 was lost")
	}
	if err := s.SetRating(ctx, "go", 2); err != nil {
		t.Fatalf("new table missing: %v", err)
	}
}

func TestSessionsAttemptsAndDraft(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	start := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	sid, err := s.CreateSession(ctx, "practice", "backend", `{"count":2}`, start)
	if err != nil {
		t.Fatal(err)
	}
	d := Draft{SessionID: sid, QuestionID: "q1", QuestionText: "Why?", Answer: "Because I", Limit: 2 * time.Minute,
		Remaining: 75 * time.Second, TimerMode: "strict", HintUsed: true, SavedAt: start.Add(time.Minute)}
	if err := s.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	d.Answer = "Because I measured it"
	if err := s.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	drafts, err := s.Drafts(ctx)
	if err != nil || len(drafts) != 1 {
		t.Fatalf("drafts = %+v, %v", drafts, err)
	}
	got := drafts[0]
	if got.Answer != "Because I measured it" || got.Remaining != 75*time.Second || !got.HintUsed {
		t.Fatalf("draft = %+v", got)
	}

	a := Attempt{SessionID: sid, QuestionID: "q1", QuestionText: "Why?", Kind: "behavioral", Category: "growth",
		Answer: d.Answer, StartedAt: start, SubmittedAt: start.Add(2 * time.Minute), Limit: 2 * time.Minute,
		Used: 110 * time.Second, TimerMode: "strict", HintUsed: true, Overall: 72, Report: `{"overall":72}`}
	id, err := s.AddAttempt(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if drafts, _ := s.Drafts(ctx); len(drafts) != 0 {
		t.Fatal("saving the attempt must clear its draft")
	}
	follow := a
	follow.ParentID, follow.QuestionText, follow.Overall, follow.SubmittedAt = id, "How did you measure it?", 40, start.Add(4*time.Minute)
	fid, err := s.AddAttempt(ctx, follow)
	if err != nil {
		t.Fatal(err)
	}

	list, err := s.Attempts(ctx, sid)
	if err != nil || len(list) != 2 || list[1].ParentID != id || list[0].Used != 110*time.Second || !list[0].SubmittedAt.Equal(start.Add(2*time.Minute)) {
		t.Fatalf("attempts = %+v, %v", list, err)
	}
	sessions, err := s.Sessions(ctx)
	if err != nil || len(sessions) != 1 || sessions[0].Attempts != 2 || sessions[0].Average != 56 {
		t.Fatalf("sessions = %+v, %v", sessions, err)
	}
	last, _ := s.LastAsked(ctx)
	if !last["q1"].Equal(start.Add(4 * time.Minute)) {
		t.Fatalf("last asked = %v", last)
	}

	// Deleting the first attempt takes its follow-up with it.
	if err := s.DeleteAttempt(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attempt(ctx, fid); !errors.Is(err, ErrNotFound) {
		t.Fatalf("follow-up survived its parent: %v", err)
	}
	if err := s.DeleteAttempt(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
	if err := s.DeleteSession(ctx, sid); err != nil {
		t.Fatal(err)
	}
	if sessions, _ := s.Sessions(ctx); len(sessions) != 0 {
		t.Fatal("session not deleted")
	}
}

// A spoken answer keeps its delivery and where its recording is.
func TestAttemptKeepsItsDelivery(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	sid, err := s.CreateSession(ctx, "practice", "backend", "{}", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.AddAttempt(ctx, Attempt{SessionID: sid, QuestionID: "q", QuestionText: "Q?", Kind: "technical", Answer: "spoken words",
		StartedAt: time.Now(), SubmittedAt: time.Now(), Delivery: `{"duration_seconds":12.5,"pauses":2}`, Audio: "/data/recordings/1.wav"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Attempt(ctx, id)
	if err != nil || a.Delivery != `{"duration_seconds":12.5,"pauses":2}` || a.Audio != "/data/recordings/1.wav" {
		t.Fatalf("%+v %v", a, err)
	}
}
