package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-tui/coach/cmd/coach/internal/termtest"
	"github.com/coach-tui/coach/coach/llm/llmtest"
	"github.com/coach-tui/coach/questions/textsafe/textsafetest"
)

// hostileKey is the key the hostile server echoes back in every reply.
const hostileKey = "sk-e2e-SECRETKEY0123456789abcdef"

// hostileBank is a user bank whose one question carries YAML-escaped
// sequences ("\e]0;…\a") in every field a screen shows.
func hostileBank() string {
	h := `"` + textsafetest.YAMLEscaped + `"`
	return `questions:
  - id: e2e-hostile
    text: "In one breath, what does a load balancer do? ` + textsafetest.YAMLEscaped + `"
    kind: technical
    category: e2e-drill
    roles: [backend]
    difficulty: 1
    time: 15s
    key_points:
      - point: ` + h + `
        terms: [spreads, servers]
      - point: Stops sending to unhealthy ones
        terms: [health check, unhealthy]
    follow_ups: [` + h + `]
    outline: ` + h + `
`
}

// hostileLLM answers every request with the corpus, raw (JSON-escaped on
// the wire by the chunk encoder, so raw once decoded) and as JSON escapes
// inside the text, and echoes the Authorization header it was sent.
func hostileLLM(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if bytes.Contains(body, []byte("Dog walker")) {
		// Questions for a posting, as the JSON the prompt asks for, with
		// the sequences as JSON escapes: raw only once decoded.
		h := textsafetest.JSONEscaped
		llmtest.WriteStream(w, e2eModel, `[{"question": "How do you plan a route for three dogs? `+h+`", "kind": "technical", "difficulty": 2,
		  "key_points": [{"point": "`+h+`", "terms": ["route"]}, "Keeps the dogs apart `+h+`"], "outline": "`+h+`"}]`)
		return
	}
	echo := "You sent " + r.Header.Get("Authorization") + " and " + strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	llmtest.WriteStream(w, e2eModel, "## Verdict\n\n"+textsafetest.Raw+"\n\n", "Escaped: "+textsafetest.JSONEscaped+"\n\n",
		echo+"\n\n", "SCORES\ncorrectness: 3\ndepth: 2\ntrade-offs: 2\nclarity: 3\n")
}

func hostileComplete(w http.ResponseWriter, r *http.Request) {
	llmtest.WriteCompletion(w, e2eModel, "ok "+textsafetest.Raw+" you sent "+r.Header.Get("Authorization"))
}

// clean fails if out holds any hostile sequence or the key. drawing allows
// the screen's own CSI sequences.
func clean(t *testing.T, what string, out []byte, drawing bool) {
	t.Helper()
	if found := textsafetest.Found(out, drawing); found != nil {
		t.Errorf("%s holds %v", what, found)
	}
	for _, k := range []string{hostileKey, "SECRETKEY"} {
		if bytes.Contains(out, []byte(k)) {
			t.Errorf("%s holds the key", what)
		}
	}
}

// dataFiles checks every file in the data directory, WAL included.
func dataFiles(t *testing.T, dir, when string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			continue // the WAL may go as the program ends
		}
		if bytes.Contains(b, []byte(hostileKey)) || bytes.Contains(b, []byte("SECRETKEY")) {
			t.Errorf("%s: %s holds the key", when, e.Name())
		}
	}
}

// TestE2EHostileTextNeverReachesTheTerminal runs the built binary against
// a server that sends every kind of escape sequence and echoes the key,
// with a bank that carries them too, and checks the raw bytes the terminal
// got, the database files and every command's output.
func TestE2EHostileTextNeverReachesTheTerminal(t *testing.T) {
	srv := llmtest.NewServer(t, hostileLLM, hostileComplete)
	env, data := isolated(t)
	env = append(env, "COACH_LLM_ENABLED=1", "COACH_LLM_BASE_URL="+srv.URL+"/v1", "COACH_LLM_MODEL="+e2eModel,
		"OPENAI_API_KEY="+hostileKey)
	s := shortDrill()
	s.Allowance = 10
	rememberSetup(t, data, s)
	bank := filepath.Join(t.TempDir(), "hostile.yaml")
	os.WriteFile(bank, []byte(hostileBank()), 0o600)
	tm := termtest.Start(t, coachBin, termtest.Options{Width: 80, Height: 24, Env: env, Args: []string{"--bank", bank}})

	tm.WaitFor("questions · LLM "+e2eModel, waitLong)
	tm.Type("p")
	tm.WaitFor("1 question matches", waitLong)
	tm.Type(termtest.Enter)
	tm.WaitFor("what does a load balancer do?", waitLong)
	tm.Type("\x14") // ctrl+t: the hint shows the key points
	tm.WaitFor("Hint: a strong answer covers", waitLong)
	tm.WaitFor(textsafetest.Marker, waitLong)
	tm.Type("It spreads requests over servers and drops unhealthy ones.")
	tm.WaitFor("9 words", waitLong)
	tm.Type("\x13")
	tm.WaitFor("Send this answer to "+e2eModel, waitLong)
	tm.Type("y")
	tm.WaitFor("c read the critique", waitLong)
	tm.Type("c")
	tm.WaitFor("You sent Bearer [redacted] and [redacted]", waitLong)
	dataFiles(t, data, "while running")
	tm.Type(termtest.Enter)
	tm.WaitFor("Session summary", waitLong)
	tm.Type("q")
	if code := tm.WaitExit(waitLong); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	assertRestored(t, tm)
	clean(t, "the terminal's bytes", []byte(tm.Output()), true)
	dataFiles(t, data, "after the run")

	// Every command that shows this text, byte for byte.
	dir := t.TempDir()
	out := filepath.Join(dir, "report.md")
	resume, posting := filepath.Join(dir, "resume.txt"), filepath.Join(dir, "posting.md")
	os.WriteFile(resume, []byte("Ana Silva\nBackend engineer\n\nExperience\n- Built Go services "+textsafetest.Raw+"\n"), 0o600)
	os.WriteFile(posting, []byte("# Backend engineer "+textsafetest.Raw+"\n\nGo, PostgreSQL and Kafka.\n"), 0o600)
	for _, args := range [][]string{
		{"report"}, {"report", "--json"}, {"report", "--out", out},
		{"bank", "list", "--bank", bank}, {"bank", "show", "e2e-hostile", "--bank", bank},
		{"bank", "validate", bank}, {"llm", "check"}, {"skills"},
		{"resume", "review", resume, "--job", posting}, {"resume", "review", resume, "--job", posting, "--json"},
	} {
		cmd := exec.Command(coachBin, args...)
		cmd.Env = append(os.Environ(), env...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		cmd.Run()
		name := "coach " + strings.Join(args, " ")
		clean(t, name+" stdout", stdout.Bytes(), false)
		clean(t, name+" stderr", stderr.Bytes(), false)
		if stdout.Len() == 0 && args[len(args)-1] != out {
			t.Errorf("%s printed nothing (stderr %q)", name, stderr.String())
		}
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	clean(t, "report --out file", b, false)
	if !bytes.Contains(b, []byte(textsafetest.Marker)) {
		t.Errorf("the report lost the visible text:\n%s", b)
	}
}

// The path of the first report: the model's questions for a posting carry
// JSON-escaped sequences in their key points, and ctrl+t shows them.
func TestE2EPostingQuestionsHintIsClean(t *testing.T) {
	srv := llmtest.NewServer(t, hostileLLM, hostileComplete)
	env, _ := isolated(t)
	env = append(env, "COACH_LLM_ENABLED=1", "COACH_LLM_BASE_URL="+srv.URL+"/v1", "COACH_LLM_MODEL="+e2eModel,
		"OPENAI_API_KEY="+hostileKey)
	tm := termtest.Start(t, coachBin, termtest.Options{Width: 100, Height: 30, Env: env})
	tm.WaitFor("questions · LLM "+e2eModel, waitLong)
	tm.Type("p")
	tm.WaitFor("questions match", waitLong)
	tm.Type("\x10") // ctrl+p: practise for a job posting
	tm.WaitFor("Paste a job posting", waitLong)
	tm.Type("Dog walker: walk three friendly dogs around the park twice a day.")
	tm.WaitFor("twice a day.", waitLong)
	tm.Type("\x13")
	tm.WaitFor("Send the posting to "+e2eModel, waitLong)
	tm.Type("y")
	tm.WaitFor("How do you plan a route for three dogs?", waitLong)
	tm.WaitFor("Press enter to start now", waitLong)
	tm.Type(termtest.Enter)
	tm.WaitFor("0 words", waitLong)
	tm.Type("\x14")
	tm.WaitFor("Keeps the dogs apart", waitLong)
	tm.WaitFor(textsafetest.Marker, waitLong)
	clean(t, "the terminal's bytes", []byte(tm.Output()), true)
	tm.Type("\x03")
	tm.WaitExit(waitLong)
	assertRestored(t, tm)
	clean(t, "the terminal's bytes at the end", []byte(tm.Output()), true)
}
