package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-tui/coach/questions/textsafe/textsafetest"
)

const outboxAnswer = `Writing to the database and then to the broker is a dual write: the process can crash between the two commits, so the order is saved with no event, or the event goes out for an order that was rolled back. The outbox pattern fixes it by inserting the event into an outbox table in the same transaction as the order, so both commit or neither does. A relay then publishes the outbox rows, by polling the table or with change data capture such as Debezium reading the WAL. The relay can crash after publishing and before marking a row, so delivery is at least once and consumers must be idempotent, deduplicating by event id. Use the order id as the message key to keep per-aggregate ordering, and clean up published rows. For example, at my last job we lost events during broker maintenance; after the outbox, events were delayed by up to two minutes during outages but never lost.`

func TestScoreJSONFromAFileAndStdin(t *testing.T) {
	cliEnv(t)
	path := filepath.Join(t.TempDir(), "answer.txt")
	if err := os.WriteFile(path, []byte(outboxAnswer), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "score", "dist-transactional-outbox", "--answer", path, "--json")
	if code != 0 {
		t.Fatalf("score: %d %s", code, errOut)
	}
	var got struct {
		Question   string `json:"question"`
		Overall    int    `json:"overall"`
		Words      int    `json:"words"`
		Dimensions []struct {
			Name, Finding, Next string
			Score, Weight       int
		} `json:"dimensions"`
		KeyPoints []struct {
			Point   string `json:"point"`
			Covered bool   `json:"covered"`
			Matched string `json:"matched"`
		} `json:"key_points"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	covered := 0
	for _, kp := range got.KeyPoints {
		if kp.Covered {
			covered++
			if kp.Matched == "" {
				t.Errorf("a covered point names no words: %+v", kp)
			}
		}
	}
	if got.Question != "dist-transactional-outbox" || got.Words != 160 || len(got.Dimensions) < 5 || covered < 4 || got.Overall < 70 {
		t.Fatalf("a strong answer: %+v", got)
	}
	for _, d := range got.Dimensions {
		if d.Name == "" || d.Finding == "" || d.Next == "" || d.Weight == 0 {
			t.Errorf("dimension without its fields: %+v", d)
		}
	}

	// The same answer from stdin scores the same; a weak one scores less.
	code, same, _ := runCLIWithInput(t, outboxAnswer, "score", "dist-transactional-outbox", "--json")
	if code != 0 || same != out {
		t.Fatalf("stdin: %d\n%s", code, same)
	}
	code, weak, _ := runCLIWithInput(t, "You write to both and retry if one fails.", "score", "dist-transactional-outbox", "--json")
	var w struct{ Overall int }
	json.Unmarshal([]byte(weak), &w)
	if code != 0 || w.Overall >= got.Overall-30 {
		t.Fatalf("a weak answer scored %d against %d", w.Overall, got.Overall)
	}
}

func TestScoreMarkdownWhenPiped(t *testing.T) {
	cliEnv(t)
	code, out, _ := runCLIWithInput(t, outboxAnswer, "score", "dist-transactional-outbox")
	if code != 0 || !strings.HasPrefix(out, "## Score: ") || !strings.Contains(out, "## Key points") || !strings.Contains(out, "*Next time:*") {
		t.Fatalf("markdown: %d\n%s", code, out)
	}
}

func TestScoreRefusesWhatIsNotAnAnswer(t *testing.T) {
	cliEnv(t)
	dir := t.TempDir()
	binary := filepath.Join(dir, "a.out")
	os.WriteFile(binary, []byte("\x7fELF\x02\x01\x01\x00\x00\x00binary"), 0o600)
	huge := filepath.Join(dir, "huge.txt")
	os.WriteFile(huge, bytes.Repeat([]byte("word "), 300_000), 0o600)
	for _, c := range []struct {
		name  string
		stdin string
		args  []string
		says  string
	}{
		{"unknown id", "an answer", []string{"score", "no-such-question"}, `no question with id "no-such-question"`},
		{"empty stdin", "  \n\t", []string{"score", "dist-transactional-outbox"}, "answer from standard input: empty"},
		{"missing file", "", []string{"score", "dist-transactional-outbox", "--answer", filepath.Join(dir, "none.txt")}, "none.txt"},
		{"binary", "", []string{"score", "dist-transactional-outbox", "--answer", binary}, "a.out: not text"},
		{"too large", "", []string{"score", "dist-transactional-outbox", "--answer", huge}, "larger than 1 MB"},
		{"no id", "", []string{"score"}, "accepts 1 arg"},
	} {
		code, out, errOut := runCLIWithInput(t, c.stdin, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.says) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 2 and %q", c.name, code, out, errOut, c.says)
		}
	}
}

// An answer carrying escape sequences is cleaned before it is scored and
// shown back.
func TestScoreCleansAHostileAnswer(t *testing.T) {
	cliEnv(t)
	answer := outboxAnswer + " " + textsafetest.Raw
	for _, args := range [][]string{{"score", "dist-transactional-outbox"}, {"score", "dist-transactional-outbox", "--json"}} {
		code, out, _ := runCLIWithInput(t, answer, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		if found := textsafetest.Found([]byte(out), false); len(found) > 0 {
			t.Fatalf("%v printed %s", args, found)
		}
	}
}
