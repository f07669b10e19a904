package stats

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/looks"
)

// A small bank of its own, so these goldens change with the screen and
// not whenever the default bank grows.
const looksBank = `questions:
  - id: t1
    text: Explain database indexes.
    kind: technical
    category: databases
    roles: [backend, sre]
    difficulty: 1
    time: 2m
    tags: [sql]
    key_points: [{point: sorted structure, terms: [b-tree]}]
    follow_ups: ["When is it skipped?"]
    outline: A sorted tree of keys.
  - id: t2
    text: Design an idempotent API.
    kind: technical
    category: apis
    roles: [backend]
    difficulty: 2
    time: 3m
    tags: [api-design]
    key_points: [{point: keys, terms: [idempotency key]}]
    follow_ups: ["Where is the key kept?"]
    outline: Store an idempotency key.
  - id: b1
    text: Tell me about a conflict you resolved.
    kind: behavioral
    category: conflict
    roles: [backend, sre]
    difficulty: 1
    time: 2m
    tags: [conflict-resolution]
    key_points: [{point: listens first, terms: [listened]}]
    follow_ups: ["What would you do differently?"]
    outline: "Situation, task, action, result."
`

// Stats in every look at 40x12, 80x24 and 200x60, page by page to the end.
func TestStatsGoldensAtThreeSizes(t *testing.T) {
	looks.Each(t, func(t *testing.T, l looks.Look, w, h int) {
		ctx := context.Background()
		st, err := store.Open(ctx, filepath.Join(t.TempDir(), "data"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		path := filepath.Join(t.TempDir(), "bank.yaml")
		os.WriteFile(path, []byte(looksBank), 0o600)
		bank := questions.FromFiles([]string{path}, questions.Parser{})
		if bank.Len() != 3 {
			t.Fatalf("bank: %d questions, problems %v", bank.Len(), bank.Problems)
		}
		now := time.Date(2026, 11, 28, 18, 0, 0, 0, time.UTC)
		sid, _ := st.CreateSession(ctx, "practice", "backend", "{}", now.Add(-3*24*time.Hour))
		for i, a := range []struct {
			id, kind, cat string
			score         int
		}{{"t1", "technical", "databases", 35}, {"t2", "technical", "apis", 80}, {"b1", "behavioral", "conflict", 65}} {
			at := now.Add(-time.Duration(3-i) * 24 * time.Hour)
			st.AddAttempt(ctx, store.Attempt{SessionID: sid, QuestionID: a.id, QuestionText: a.id, Kind: a.kind, Category: a.cat, Answer: "a",
				StartedAt: at, SubmittedAt: at, Used: 2 * time.Minute, TimerMode: "strict", Overall: a.score, Report: "{}"})
		}
		m := New(common.Common{Styles: l.Styles, Markdown: l.Markdown, App: &common.App{Store: st, Bank: bank, Now: func() time.Time { return now }}})
		m.SetSize(w, h)
		m.Update(m.Init()())
		golden.RequireEqual(t, []byte(looks.Pages(t, w, h, m.View, func() bool { return m.pager.AtBottom() }, func() {
			m.Update(tea.KeyMsg{Type: tea.KeyPgDown})
		})))
	})
}
