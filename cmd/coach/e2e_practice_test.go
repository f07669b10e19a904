package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coach-tui/coach/cmd/coach/internal/termtest"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
)

// e2eBank is a user bank with one short question, so time-outs come fast.
const e2eBank = `questions:
  - id: e2e-short
    text: In one breath, what does a load balancer do?
    kind: technical
    category: e2e-drill
    roles: [backend]
    difficulty: 1
    time: 15s
    tags: [networking]
    key_points:
      - point: Spreads requests over several servers
        terms: [spreads, distributes, servers]
      - point: Stops sending to unhealthy ones
        terms: [health check, unhealthy]
      - point: Can end TLS
        terms: [tls, ssl]
    follow_ups:
      - "What is the difference between L4 and L7?"
    outline: Spread load, check health, terminate TLS.
`

// rememberSetup stores a practice setup as if chosen before, so the
// setup screen opens on it.
func rememberSetup(t *testing.T, dataDir string, s sess.Setup) {
	t.Helper()
	st, err := store.Open(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SetSetting(context.Background(), "setup.practice", s.Encode()); err != nil {
		t.Fatal(err)
	}
}

func shortDrill() sess.Setup {
	s := sess.DefaultSetup()
	s.Categories, s.Count, s.Allowance, s.Reading, s.FollowUps = []string{"e2e-drill"}, 1, 1, 0, false
	return s
}

// openPractice goes from home to the first question of the remembered
// practice setup, which matches the one question of e2eBank.
func openPractice(tm *termtest.Term) {
	tm.WaitFor("questions · offline", waitLong)
	tm.Type("p")
	tm.WaitFor("1 question matches", waitLong)
	tm.Type(termtest.Enter)
}

// latestAttempts opens the data directory after a run and returns the
// latest session's attempts (and the store, for further checks).
func latestAttempts(t *testing.T, data string) (*store.Store, []store.Attempt) {
	t.Helper()
	st, err := store.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.Sessions(context.Background())
	if err != nil || len(list) == 0 {
		st.Close()
		t.Fatalf("no session saved: %v", err)
	}
	attempts, err := st.Attempts(context.Background(), list[0].ID)
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	return st, attempts
}

func startWithBank(t *testing.T, env []string) *termtest.Term {
	bank := filepath.Join(t.TempDir(), "e2e.yaml")
	os.WriteFile(bank, []byte(e2eBank), 0o600)
	return termtest.Start(t, coachBin, termtest.Options{Width: 80, Height: 24, Env: env, Args: []string{"--bank", bank}})
}

func TestE2EPracticeFeedbackSummaryHistory(t *testing.T) {
	env, data := isolated(t)
	s := shortDrill()
	s.Allowance = 10 // 2m30s: time to type without a time-out
	s.FollowUps = true
	rememberSetup(t, data, s)
	tm := startWithBank(t, env)
	openPractice(tm)
	tm.WaitFor("what does a load balancer do?", waitLong)
	tm.Type("It distributes requests across servers and drops unhealthy ones after a health check.")
	tm.WaitFor("13 words", waitLong)
	tm.Type("\x13") // ctrl+s
	tm.WaitFor("Score:", waitLong)
	tm.WaitFor("Next time:", waitLong)
	tm.Type(termtest.Enter) // the follow-up
	tm.WaitFor("Follow-up to question 1", waitLong)
	tm.Type("L4 routes connections; L7 reads HTTP and routes by path.")
	tm.Type("\x13")
	tm.WaitFor("Score:", waitLong)
	tm.Type(termtest.Enter)
	tm.WaitFor("Session summary", waitLong)
	tm.WaitFor("What would help most", waitLong)

	tm.Type(termtest.Esc)
	tm.WaitFor("Practice · choose your session", waitLong)
	tm.Type(termtest.Esc)
	tm.WaitFor("questions · offline", waitLong)
	tm.Type("h")
	tm.WaitFor(" 2 answers", waitLong)
	tm.Type(termtest.Enter)
	tm.WaitFor("what does a load balancer do?", waitLong)
	tm.Type(termtest.Enter)
	tm.WaitFor("Your answer", waitLong)
	tm.Type("q")
	if code := tm.WaitExit(waitLong); code != 0 {
		t.Fatalf("exit status %d", code)
	}

	// The session exports from the command line.
	t.Setenv("COACH_DATA_DIR", data)
	t.Setenv("COACH_CONFIG", filepath.Join(t.TempDir(), "none.yaml"))
	code, out, errOut := runCLI(t, "report", "--json")
	var doc struct {
		Answers []struct {
			Attempt struct{ Answer string }
		}
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Answers) != 2 ||
		!strings.Contains(doc.Answers[0].Attempt.Answer, "distributes requests") {
		t.Fatalf("report --json: %d %q\n%s", code, errOut, out)
	}
	code, out, _ = runCLI(t, "report")
	if code != 0 || !strings.Contains(out, "# Practice session") || !strings.Contains(out, "↳ What is the difference between L4 and L7?") {
		t.Fatalf("report: %d\n%s", code, out)
	}
}

func TestE2EStrictTimeOutKeepsTheText(t *testing.T) {
	env, data := isolated(t)
	rememberSetup(t, data, shortDrill())
	tm := startWithBank(t, env)
	openPractice(tm)
	tm.WaitFor("left of 00:15", waitLong)
	tm.Type("It spreads requests over servers")
	tm.WaitFor("Score:", 25*time.Second) // the clock runs out after 15 s
	tm.Type(termtest.Enter)
	tm.WaitFor("Session summary", waitLong)
	tm.Type("q")
	tm.WaitExit(waitLong)

	st, attempts := latestAttempts(t, data)
	defer st.Close()
	if len(attempts) != 1 || attempts[0].Answer != "It spreads requests over servers" || !attempts[0].TimedOut {
		t.Fatalf("attempt after the time-out: %+v", attempts)
	}
}

// kill -9 gives no chance to save; the draft saved every few seconds is
// what the next start offers.
func TestE2EKilledDuringAnAnswerOffersTheDraft(t *testing.T) {
	env, data := isolated(t)
	s := shortDrill()
	s.Allowance = 20
	rememberSetup(t, data, s)
	tm := startWithBank(t, env)
	openPractice(tm)
	tm.WaitFor("load balancer", waitLong)
	tm.Type("Half an answer about health checks")
	tm.WaitFor("draft saved", waitLong)
	tm.Signal(syscall.SIGKILL)
	tm.WaitExit(waitLong)

	tm = startWithBank(t, env)
	tm.WaitFor("Unfinished answer", waitLong)
	tm.WaitFor("Press u to resume", waitLong)
	tm.Type("u")
	tm.WaitFor("Half an answer about health checks", waitLong)
	tm.Type(" and TLS")
	tm.Type("\x13")
	tm.WaitFor("Score:", waitLong)
	tm.Type("q")
	tm.WaitExit(waitLong)

	st, attempts := latestAttempts(t, data)
	defer st.Close()
	if len(attempts) != 1 || attempts[0].Answer != "Half an answer about health checks and TLS" {
		t.Fatalf("resumed attempt: %+v", attempts)
	}
	if _, ok, _ := newestDraft(st); ok {
		t.Fatal("the draft should be gone once the answer is saved")
	}
}

// SIGTERM and a closed terminal (SIGHUP) save the answer being typed.
func TestE2ESignalsSaveTheDraft(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			env, data := isolated(t)
			s := shortDrill()
			s.Allowance = 20
			rememberSetup(t, data, s)
			tm := startWithBank(t, env)
			openPractice(tm)
			tm.WaitFor("load balancer", waitLong)
			tm.Type("typed just before the signal")
			tm.WaitFor("typed just before the signal", waitLong)
			tm.Signal(sig)
			tm.WaitExit(waitLong)
			st, err := store.Open(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			d, ok, err := newestDraft(st)
			if err != nil || !ok || d.Answer != "typed just before the signal" {
				t.Fatalf("draft after %v: %+v %v %v", sig, d, ok, err)
			}
		})
	}
}

// ctrl+e hands the answer to $EDITOR and takes back what was saved.
func TestE2EEditorRoundTrip(t *testing.T) {
	env, data := isolated(t)
	s := shortDrill()
	s.Allowance = 20
	rememberSetup(t, data, s)
	editor := filepath.Join(t.TempDir(), "editor.sh")
	os.WriteFile(editor, []byte("#!/bin/sh\nprintf ' and it checks health' >> \"$1\"\n"), 0o755)
	tm := startWithBank(t, append(env, "EDITOR="+editor))
	openPractice(tm)
	tm.WaitFor("load balancer", waitLong)
	tm.Type("It spreads load")
	tm.WaitFor("3 words", waitLong)
	tm.Type("\x05") // ctrl+e
	tm.WaitFor("It spreads load and it checks health", waitLong)
	tm.WaitFor("7 words", waitLong)
	tm.Type("q")
	tm.WaitFor("7 words", waitLong) // q is typed into the answer, not a quit
	tm.Type(termtest.CtrlC)
	tm.WaitExit(waitLong)
}

// The whole loop of your own questions: write one in the form, practise
// it, grade it, and find it scheduled for drills.
func TestE2EOwnQuestionPractisedAndScheduled(t *testing.T) {
	env, data := isolated(t)
	s := sess.DefaultSetup()
	s.Company, s.Count, s.Reading, s.Allowance, s.FollowUps = "Acme", 1, 0, 10, false
	rememberSetup(t, data, s)
	tm := termtest.Start(t, coachBin, termtest.Options{Width: 100, Height: 40, Env: env})
	tm.WaitFor("questions · offline", waitLong)
	tm.Type("y")
	tm.WaitFor("No questions of your own yet", waitLong)
	tm.Type("a")
	tm.WaitFor("Key points", waitLong)
	field := func(text string) {
		tm.Type(text)
		tm.Type("\t")
	}
	field("Walk me through the Acme checkout outage you led.") // text
	field("")                                                  // kind: behavioural
	field("failure")                                           // category
	field(" ")                                                 // roles: the first, backend
	field("")                                                  // difficulty
	field("")                                                  // time: the default
	field("Acme")                                              // company
	field("incident-response")                                 // tags
	field("States the customer impact: customers, minutes")    // key points
	field("What changed afterwards?")                          // follow-ups
	tm.Type("Impact, timeline, your actions, the fix, what changed.")
	tm.Type("\x13") // ctrl+s
	tm.WaitFor("Added. It is in your bank now", waitLong)
	tm.Type(termtest.Esc)
	tm.WaitFor("questions · offline", waitLong)

	tm.Type("p")
	tm.WaitFor("1 question matches", waitLong)
	tm.Type(termtest.Enter)
	tm.WaitFor("Acme checkout outage", waitLong)
	tm.Type("I led the fix: 4,000 customers could not pay for 35 minutes; I rolled back and added a canary.")
	tm.Type("\x13")
	tm.WaitFor("How did it go?", waitLong)
	tm.Type("2") // hard
	tm.WaitFor("Session summary", waitLong)
	tm.Type("q")
	tm.WaitExit(waitLong)

	st, err := store.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cards, _ := st.Cards(context.Background())
	if len(cards) != 1 || !strings.HasPrefix(cards[0].QuestionID, "my-walk-me-through") {
		t.Fatalf("scheduled cards: %+v", cards)
	}
}

// newestDraft is the most recently saved unfinished answer, if any.
func newestDraft(st *store.Store) (store.Draft, bool, error) {
	list, err := st.Drafts(context.Background())
	if err != nil || len(list) == 0 {
		return store.Draft{}, false, err
	}
	return list[0], true, nil
}
