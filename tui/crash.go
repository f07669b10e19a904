package tui

import (
	"fmt"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"
)

// Crash records a panic caught inside the program, so the terminal can be
// restored and a short report printed instead of a raw stack dump.
type Crash struct {
	Value any
	Where string // Update, View or command
	Stack []byte
}

func (c *Crash) Error() string {
	return fmt.Sprintf("internal error in %s: %v", c.Where, c.Value)
}

type panicMsg struct{ crash *Crash }

func newCrash(where string, v any) *Crash {
	return &Crash{Value: v, Where: where, Stack: debug.Stack()}
}

// guard wraps a command so a panic inside it becomes a message instead of
// killing the program with the terminal still in raw mode. Batches are
// guarded one command at a time.
func (m *Model) guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = panicMsg{newCrash("a background command", r)}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			guarded := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				guarded[i] = m.guard(c)
			}
			return guarded
		}
		return msg
	}
}
