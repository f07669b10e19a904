package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

func TestEveryUnfinishedAnswerIsKept(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	first, _ := s.CreateSession(ctx, "practice", "backend", `{}`, at)
	second, _ := s.CreateSession(ctx, "mock", "sre", `{}`, at.Add(time.Minute))
	save := func(d Draft) {
		t.Helper()
		if err := s.SaveDraft(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	save(Draft{SessionID: first, QuestionID: "q1", QuestionText: "Why?", Answer: "left with esc esc", SavedAt: at})
	save(Draft{SessionID: second, QuestionID: "q1", QuestionText: "Why?", Answer: "the other window", SavedAt: at.Add(2 * time.Minute)})
	save(Draft{SessionID: second, ParentID: 7, QuestionID: "q1", QuestionText: "And then?", Answer: "a follow-up", SavedAt: at.Add(3 * time.Minute)})
	// The same answer saved again replaces its text, and only its own.
	save(Draft{SessionID: first, QuestionID: "q1", QuestionText: "Why?", Answer: "left with esc esc, then more", SavedAt: at.Add(4 * time.Minute)})

	got, err := s.Drafts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var answers []string
	for _, d := range got {
		answers = append(answers, d.Answer)
	}
	want := []string{"left with esc esc, then more", "a follow-up", "the other window"}
	if len(answers) != len(want) || answers[0] != want[0] || answers[1] != want[1] || answers[2] != want[2] {
		t.Fatalf("drafts newest first = %q, want %q", answers, want)
	}

	// Submitting one answer deletes its draft and no other.
	if _, err := s.AddAttempt(ctx, Attempt{SessionID: second, QuestionID: "q1", QuestionText: "Why?", Answer: "the other window",
		StartedAt: at, SubmittedAt: at.Add(5 * time.Minute), TimerMode: "soft"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Drafts(ctx); len(got) != 2 {
		t.Fatalf("after one answer was submitted: %+v", got)
	}
	// A save made before the submit but written after it (a command that
	// ran late) does not bring the answered question back.
	save(Draft{SessionID: second, QuestionID: "q1", QuestionText: "Why?", Answer: "the other window", SavedAt: at.Add(4 * time.Minute)})
	if got, _ := s.Drafts(ctx); len(got) != 2 {
		t.Fatalf("a late save came back: %+v", got)
	}
	// The same question asked again later (a drill) keeps a new draft.
	save(Draft{SessionID: second, QuestionID: "q1", QuestionText: "Why?", Answer: "again", SavedAt: at.Add(6 * time.Minute)})
	if got, _ := s.Drafts(ctx); len(got) != 3 || got[0].Answer != "again" {
		t.Fatalf("a second try at the question: %+v", got)
	}

	if err := s.DeleteDraft(ctx, Draft{SessionID: first, QuestionID: "q1"}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Drafts(ctx)
	if len(got) != 2 || got[0].SessionID != second || got[1].SessionID != second {
		t.Fatalf("after discarding the first session's draft: %+v", got)
	}
}

func TestMigrationCarriesTheSingleDraftForward(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctx := context.Background()
	path := filepath.Join(dir, FileName)
	if err := prepareDir(dir); err != nil {
		t.Fatal(err)
	}
	// A database as version 5 of the schema left it, with its one draft.
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	steps := append([]string{`CREATE TABLE schema_version (version INTEGER NOT NULL)`}, migrations[:5]...)
	steps = append(steps, `INSERT INTO schema_version VALUES (5)`,
		`INSERT INTO sessions (id, mode, role, started_at) VALUES (3, 'practice', 'backend', '2026-12-01T09:00:00.000Z')`,
		`INSERT INTO draft (id, session_id, parent_id, question_id, question_text, answer, limit_ms, remaining_ms, timer_mode, hint_used, saved_at)
		 VALUES (1, 3, NULL, 'q9', 'Walk me through an outage.', 'We paged at 02:10 and', 210000, 95000, 'strict', 1, '2026-12-01T09:03:00.000Z')`)
	for _, q := range steps {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Drafts(ctx)
	if err != nil || len(got) != 1 {
		t.Fatalf("drafts after the migration: %+v, %v", got, err)
	}
	d := got[0]
	if d.SessionID != 3 || d.ParentID != 0 || d.QuestionID != "q9" || d.Answer != "We paged at 02:10 and" ||
		d.Remaining != 95*time.Second || d.Limit != 210*time.Second || d.TimerMode != "strict" || !d.HintUsed ||
		!d.SavedAt.Equal(time.Date(2026, 12, 1, 9, 3, 0, 0, time.UTC)) {
		t.Fatalf("carried draft: %+v", d)
	}
}

func TestASecondWindowIsToldOfTheFirst(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctx := context.Background()
	first, err := OpenWindow(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if first.Others() {
		t.Fatal("the first window is alone")
	}
	second, err := OpenWindow(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Others() {
		t.Fatal("the second window should know of the first")
	}
	// A command (coach report) opens the store without counting as a window.
	cli, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	cli.Close()
	second.Close()
	first.Close()
	third, err := OpenWindow(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if third.Others() {
		t.Fatal("once both closed, a new window is alone")
	}
}

func TestASessionLeftEmptyIsNotListed(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	empty, _ := s.CreateSession(ctx, "practice", "backend", `{}`, at)
	typed, _ := s.CreateSession(ctx, "practice", "backend", `{}`, at.Add(time.Minute))
	answered, _ := s.CreateSession(ctx, "mock", "sre", `{}`, at.Add(2*time.Minute))
	if err := s.SaveDraft(ctx, Draft{SessionID: typed, QuestionID: "q1", QuestionText: "Why?", Answer: "half", SavedAt: at}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAttempt(ctx, Attempt{SessionID: answered, QuestionID: "q1", QuestionText: "Why?", Answer: "all",
		StartedAt: at, SubmittedAt: at, TimerMode: "soft", Overall: 50, Report: "{}"}); err != nil {
		t.Fatal(err)
	}
	list, err := s.Sessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != answered || list[1].ID != typed || list[1].Unfinished != 1 || list[0].Attempts != 1 {
		t.Fatalf("listed: %+v", list)
	}
	if got, err := s.Session(ctx, empty); err != nil || got.ID != empty {
		t.Fatalf("an unlisted session can still be read by id: %+v %v", got, err)
	}
}
