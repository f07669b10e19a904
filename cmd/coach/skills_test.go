package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/coach-tui/coach/coach/store"
)

func TestSkillsCommand(t *testing.T) {
	cliEnv(t)
	st, err := store.Open(context.Background(), os.Getenv("COACH_DATA_DIR"))
	if err != nil {
		t.Fatal(err)
	}
	st.SetRating(context.Background(), "slos", 3)
	st.SetRating(context.Background(), "go", 2)
	st.SetRating(context.Background(), "rust", 1)
	st.Close()

	code, out, _ := runCLI(t, "skills", "--role", "sre")
	if code != 0 || !strings.Contains(out, "# Site Reliability Engineer") || !strings.Contains(out, "- [x] **SLIs and SLOs** (strong)") {
		t.Fatalf("skills --role sre: %d\n%s", code, out)
	}

	code, out, _ = runCLI(t, "skills", "--role", "sre", "--format", "json")
	var doc struct {
		Skills map[string][]struct{ ID, Rating string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 0 {
		t.Fatalf("json: %v", err)
	}
	if doc.Skills["hard"][0].ID != "slos" || doc.Skills["hard"][0].Rating != "strong" {
		t.Fatalf("json hard[0] = %+v", doc.Skills["hard"][0])
	}

	code, out, _ = runCLI(t, "skills", "--resume-line")
	want := "## Skills\n\n- **Languages:** Go\n- **Reliability:** SLIs and SLOs\n"
	if code != 0 || out != want {
		t.Fatalf("--resume-line: %d\n%q\nwant %q", code, out, want)
	}

	if code, _, errOut := runCLI(t, "skills", "--format", "pdf"); code != 2 || !strings.Contains(errOut, "--format") {
		t.Fatalf("bad format: %d %q", code, errOut)
	}
}
