package questions

import (
	"fmt"
	"strings"
)

// Error is one problem in a bank file, with its position.
type Error struct {
	File     string
	Line     int
	Column   int
	Question string // the question's id, when known
	Msg      string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Question != "" {
		fmt.Fprintf(&b, "question %q: ", e.Question)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors are the problems found in one or more files.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// FileProblem is a user bank file that was skipped, with why.
type FileProblem struct {
	File   string
	Errors Errors
}

func (p FileProblem) Error() string { return p.Errors.Error() }
