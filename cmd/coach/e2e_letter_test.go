package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-tui/coach/cmd/coach/internal/termtest"
)

// The cover letter as a user reaches it: from home, the files typed in the
// shared form, the letter and headlines drawn, another template, an edit
// in $EDITOR, and a save; then from a review's report, with no typing.
func TestE2ECoverLetter(t *testing.T) {
	env, _ := isolated(t)
	dir := t.TempDir()
	editor := filepath.Join(dir, "editor.sh")
	os.WriteFile(editor, []byte("#!/bin/sh\nprintf 'P.S. Edited by hand.\\n' >> \"$1\"\n"), 0o755)
	saved := filepath.Join(dir, "letter.md")
	abs := func(p string) string { a, _ := filepath.Abs(p); return a }
	tm := termtest.Start(t, coachBin, termtest.Options{Width: 100, Height: 40, Env: append(env, "EDITOR="+editor)})
	tm.WaitFor("questions · offline", waitLong)
	tm.Type("l")
	tm.WaitFor("a letter and LinkedIn headlines", waitLong)
	tm.Type(abs(sreResume))
	tm.Type("\t")
	tm.Type(abs(srePosting))
	tm.Type("\r")
	tm.WaitFor("Site Reliability Engineer at Quillstone Media", waitLong)
	tm.WaitFor("Dear [Hiring manager's name]", waitLong)
	tm.Type("t")
	tm.WaitFor("t for the next", waitLong)
	tm.Type("e")
	tm.WaitFor("Your edits are in", waitLong)
	tm.Type("s")
	tm.WaitFor("Save to", waitLong)
	for range 40 {
		tm.Type("\x7f") // the offered name goes
	}
	tm.Type(saved + "\r")
	tm.WaitFor("Saved to", waitLong)
	got, err := os.ReadFile(saved)
	if err != nil || !strings.HasPrefix(string(got), "Dear ") || !strings.Contains(string(got), "P.S. Edited by hand.") {
		t.Fatalf("saved %q: %v", got, err)
	}
	tm.Type(termtest.Esc)
	tm.WaitFor("a letter and LinkedIn headlines", waitLong)
	tm.Type(termtest.Esc)
	tm.WaitFor("questions · offline", waitLong)

	// from the review's report: the same files, remembered, and c
	tm.Type("r")
	tm.WaitFor("postings/sre.md", waitLong)
	tm.Type("\r")
	tm.WaitFor("c cover letter", waitLong)
	tm.Type("c")
	tm.WaitFor("Dear [Hiring manager's name]", waitLong)
	tm.Type(termtest.CtrlC)
	tm.WaitExit(waitLong)
	assertRestored(t, tm)
}
