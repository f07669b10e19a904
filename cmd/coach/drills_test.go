package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/coach-tui/coach/coach/drills"
	"github.com/coach-tui/coach/coach/store"
)

func TestDrillsCommand(t *testing.T) {
	cliEnv(t)
	code, out, _ := runCLI(t, "drills")
	if code != 0 || !strings.Contains(out, "Nothing scheduled yet") {
		t.Fatalf("empty: %d %q", code, out)
	}
	st, err := store.Open(context.Background(), os.Getenv("COACH_DATA_DIR"))
	if err != nil {
		t.Fatal(err)
	}
	sch := drills.NewScheduler()
	past := time.Now().Add(-72 * time.Hour)
	c, _ := sch.Grade("db-n-plus-one-queries", nil, drills.Again, past)
	st.SaveCard(context.Background(), c, int(drills.Again), 0, past)
	c, _ = sch.Grade("api-idempotency-keys", nil, drills.Easy, time.Now())
	st.SaveCard(context.Background(), c, int(drills.Easy), 0, time.Now())
	st.Close()

	code, out, _ = runCLI(t, "drills")
	if code != 0 || !strings.Contains(out, "1 due now of 2 scheduled") || !strings.Contains(out, "db-n-plus-one-queries") {
		t.Fatalf("drills: %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "drills", "--json")
	var list []drillJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 || len(list) != 2 {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if !list[0].DueNow || list[0].ID != "db-n-plus-one-queries" || list[1].DueNow || list[0].Question == list[0].ID {
		t.Fatalf("json list %+v", list)
	}
}
