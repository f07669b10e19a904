package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/coach-tui/coach/cmd/coach/internal/termtest"
	"github.com/coach-tui/coach/coach/store"
)

// draftAnswers opens the data directory after a run and returns the text
// of every unfinished answer, newest first.
func draftAnswers(t *testing.T, data string) []string {
	t.Helper()
	st, err := store.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.Drafts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range list {
		out = append(out, d.Answer)
	}
	return out
}

// roomyDrill remembers the one-question drill with five minutes to
// answer, so typing never meets the time-out.
func roomyDrill(t *testing.T) (env []string, data string) {
	env, data = isolated(t)
	s := shortDrill()
	s.Allowance = 20
	rememberSetup(t, data, s)
	return env, data
}

// startAnswering starts coach and goes to the drill's question.
func startAnswering(t *testing.T, env []string) *termtest.Term {
	tm := startWithBank(t, env)
	openPractice(tm)
	tm.WaitFor("load balancer", waitLong)
	return tm
}

// leaveToHome leaves the answer being typed (esc esc) and goes home.
func leaveToHome(tm *termtest.Term) {
	tm.Type(termtest.Esc)
	tm.WaitFor("Press esc again", waitLong)
	tm.Type(termtest.Esc)
	tm.WaitFor("Practice · choose your session", waitLong)
	tm.Type(termtest.Esc)
}

// An answer left with esc esc survives a second session's answer and a
// ctrl+c; home offers both at once and after a restart, and discarding
// asks first.
func TestE2EEveryUnfinishedAnswerIsKept(t *testing.T) {
	env, data := roomyDrill(t)
	tm := startAnswering(t, env)
	tm.Type("left with esc esc")
	tm.WaitFor("left with esc esc", waitLong)
	leaveToHome(tm)
	// Home offers it the moment it is shown, not at the next start.
	tm.WaitFor(`Unfinished answer to "In one breath`, waitLong)
	tm.Type("p")
	tm.WaitFor("1 question matches", waitLong)
	tm.Type(termtest.Enter)
	tm.WaitFor("load balancer", waitLong)
	tm.Type("typed before ctrl c")
	tm.WaitFor("typed before ctrl c", waitLong)
	tm.Type(termtest.CtrlC)
	tm.WaitExit(waitLong)
	if got := draftAnswers(t, data); !slices.Equal(got, []string{"typed before ctrl c", "left with esc esc"}) {
		t.Fatalf("unfinished answers after ctrl+c: %q", got)
	}

	tm = startWithBank(t, env)
	tm.WaitFor("2 unfinished answers", waitLong)
	tm.Type("a")
	tm.WaitFor("Unfinished answers", waitLong)
	tm.WaitFor("typed before ctrl c", waitLong)
	tm.Type("x")
	tm.WaitFor("Discard this answer", waitLong)
	tm.Type("n")
	tm.Type(termtest.Esc)
	tm.WaitFor("2 unfinished answers", waitLong)
	tm.Type("x")
	tm.WaitFor("Discard your unfinished answer", waitLong)
	tm.Type("y")
	tm.WaitFor(`Unfinished answer to "In one breath`, waitLong)
	tm.Type("q")
	tm.WaitExit(waitLong)
	if got := draftAnswers(t, data); !slices.Equal(got, []string{"left with esc esc"}) {
		t.Fatalf("after n kept it and y discarded the newest: %q", got)
	}
}

// Two windows on one data directory, each typing, both killed with kill
// -9 after their autosave: both answers are kept, and the second window
// said that the first was open.
func TestE2ETwoWindowsKilledKeepBothAnswers(t *testing.T) {
	env, data := roomyDrill(t)
	one := startAnswering(t, env)
	one.Type("typed in the first window")
	one.WaitFor("draft saved", waitLong)

	two := startWithBank(t, env)
	two.WaitFor("Another coach window is open on this data", waitLong)
	openPractice(two)
	two.WaitFor("load balancer", waitLong)
	two.Type("typed in the second window")
	two.WaitFor("draft saved", waitLong)
	one.Signal(syscall.SIGKILL)
	two.Signal(syscall.SIGKILL)
	one.WaitExit(waitLong)
	two.WaitExit(waitLong)

	got := draftAnswers(t, data)
	slices.Sort(got)
	if !slices.Equal(got, []string{"typed in the first window", "typed in the second window"}) {
		t.Fatalf("unfinished answers after two kill -9: %q", got)
	}
	// The lock died with them: a new window is alone, and offers both.
	tm := startWithBank(t, env)
	tm.WaitFor("2 unfinished answers", waitLong)
	if strings.Contains(tm.Screen(), "Another coach window") {
		t.Fatalf("no other window is open now:\n%s", tm.Screen())
	}
	tm.Type("q")
	tm.WaitExit(waitLong)
}

// A session left part-way is continued from History, at its answer.
func TestE2EContinueASessionFromHistory(t *testing.T) {
	env, data := roomyDrill(t)
	tm := startAnswering(t, env)
	tm.Type("begun before a break")
	tm.WaitFor("begun before a break", waitLong)
	leaveToHome(tm)
	tm.WaitFor("Unfinished answer", waitLong)
	tm.Type("h")
	tm.WaitFor("in progress", waitLong)
	tm.Type("u")
	tm.WaitFor("begun before a break", waitLong)
	tm.Type(", then finished")
	tm.Type("\x13") // ctrl+s
	tm.WaitFor("Score:", waitLong)
	tm.Type("q")
	tm.WaitExit(waitLong)
	st, attempts := latestAttempts(t, data)
	defer st.Close()
	if len(attempts) != 1 || attempts[0].Answer != "begun before a break, then finished" {
		t.Fatalf("the continued session's answer: %+v", attempts)
	}
	if got := draftAnswers(t, data); len(got) != 0 {
		t.Fatalf("the submitted answer is no longer unfinished: %q", got)
	}
}

// An answer of 40 lines is taken whole, and words that name keys, arriving
// in one read, are text.
func TestE2ELongAnswerAndKeyNamesAreText(t *testing.T) {
	env, data := roomyDrill(t)
	tm := startAnswering(t, env)
	var lines []string
	for i := 1; i <= 40; i++ {
		line := fmt.Sprintf("line %d of the answer", i)
		lines = append(lines, line)
		tm.Type(line + termtest.Enter)
	}
	words := "down up left right home end enter delete"
	lines = append(lines, words)
	tm.Type(words)
	tm.WaitFor("delete", waitLong)
	tm.WaitFor("draft saved", waitLong)
	tm.Signal(syscall.SIGHUP)
	tm.WaitExit(waitLong)
	want := strings.Join(lines, "\n")
	if got := draftAnswers(t, data); len(got) != 1 || got[0] != want {
		t.Fatalf("kept after SIGHUP: %q", got)
	}

	tm = startWithBank(t, env)
	tm.WaitFor("Unfinished answer", waitLong)
	tm.Type("u")
	tm.WaitFor("208 words", waitLong)
	tm.Type("\x13")
	tm.WaitFor("Score:", waitLong)
	tm.Type("q")
	tm.WaitExit(waitLong)
	st, attempts := latestAttempts(t, data)
	defer st.Close()
	if len(attempts) != 1 || attempts[0].Answer != want {
		t.Fatalf("submitted: %d attempts, answer of %d lines", len(attempts), strings.Count(attempts[0].Answer, "\n")+1)
	}
}
