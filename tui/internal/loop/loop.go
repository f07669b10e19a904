// Package loop runs a screen's commands the way Bubble Tea does, for tests
// that talk to real servers: each command in its own goroutine, batches
// and sequences unpacked, every message handed to one update function on
// the test's goroutine, until a condition holds.
package loop

import (
	"fmt"
	"reflect"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Run executes cmd and the commands its messages lead to, feeding each
// message to update, until done reports true or timeout passes. Messages
// update does not know are its business: it receives every one.
func Run(update func(tea.Msg) tea.Cmd, cmd tea.Cmd, done func() bool, timeout time.Duration) error {
	msgs := make(chan tea.Msg, 64)
	start := func(c tea.Cmd) {
		if c != nil {
			go func() { msgs <- c() }()
		}
	}
	start(cmd)
	deadline := time.After(timeout)
	for !done() {
		select {
		case msg := <-msgs:
			for _, c := range unpack(msg) {
				start(c)
			}
			if isCommandList(msg) || msg == nil {
				continue
			}
			start(update(msg))
		case <-deadline:
			return fmt.Errorf("not done after %s", timeout)
		}
	}
	return nil
}

// unpack returns the commands inside a batch or a sequence. Sequences are
// run concurrently too, which is enough for tests that wait on a state.
func unpack(msg tea.Msg) []tea.Cmd {
	if b, ok := msg.(tea.BatchMsg); ok {
		return b
	}
	v := reflect.ValueOf(msg)
	if !isCommandList(msg) {
		return nil
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out
}

func isCommandList(msg tea.Msg) bool {
	if msg == nil {
		return false
	}
	v := reflect.ValueOf(msg)
	return v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil))
}
