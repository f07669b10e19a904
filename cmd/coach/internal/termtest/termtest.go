// Package termtest runs a built binary in a real pseudo-terminal and reads
// its screen through a terminal emulator, for end-to-end tests that see
// exactly what a user would.
package termtest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// Build compiles the package at pkg (an import path or ./dir relative to
// the test's working directory) into dir/name and returns the binary's path.
func Build(dir, name, pkg string) (string, error) {
	bin := filepath.Join(dir, name)
	out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
	}
	return bin, nil
}

// Options describe one run.
type Options struct {
	Width, Height int
	Args          []string
	Env           []string // added to a clean environment (HOME, PATH, TERM)
	Dir           string
	// Credential runs the process as another user (to test permissions
	// when the tests run as root).
	Credential *syscall.Credential
}

// Term is a running program and its emulated screen.
type Term struct {
	t       testing.TB
	cmd     *exec.Cmd
	pty     *os.File
	started time.Time

	mu  sync.Mutex
	emu *vt.Emulator
	raw strings.Builder // every byte the program wrote, for failure reports

	exited   chan struct{}
	drained  chan struct{} // closed when the program's side of the pty closed
	exitCode int
	waitErr  error
}

// Start runs bin in a new pseudo-terminal of the given size.
func Start(t testing.TB, bin string, o Options) *Term {
	t.Helper()
	if o.Width == 0 {
		o.Width, o.Height = 80, 24
	}
	cmd := exec.Command(bin, o.Args...)
	cmd.Dir = o.Dir
	cmd.Env = append([]string{
		"HOME=" + os.Getenv("HOME"),
		"PATH=" + os.Getenv("PATH"),
		"TERM=xterm-256color",
		"LANG=C.UTF-8",
	}, o.Env...)
	if o.Credential != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: o.Credential}
	}
	tm := &Term{t: t, cmd: cmd, emu: vt.NewEmulator(o.Width, o.Height), exited: make(chan struct{}), drained: make(chan struct{})}
	tm.started = time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(o.Width), Rows: uint16(o.Height)})
	if err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	tm.pty = f
	go tm.readOutput()
	go tm.answerQueries()
	go tm.wait()
	t.Cleanup(tm.stop)
	return tm
}

// readOutput feeds everything the program writes into the emulator.
func (tm *Term) readOutput() {
	defer close(tm.drained)
	buf := make([]byte, 32*1024)
	for {
		n, err := tm.pty.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			tm.raw.Write(buf[:n])
			tm.emu.Write(buf[:n])
			tm.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// answerQueries sends the emulator's replies (cursor position, background
// colour, device attributes) back to the program, as a real terminal does;
// without them termenv waits seconds for each query.
func (tm *Term) answerQueries() {
	buf := make([]byte, 1024)
	for {
		n, err := tm.emu.Read(buf)
		if n > 0 {
			tm.pty.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

func (tm *Term) wait() {
	err := tm.cmd.Wait()
	tm.waitErr = err
	var ee *exec.ExitError
	switch {
	case err == nil:
		tm.exitCode = 0
	case errors.As(err, &ee):
		tm.exitCode = ee.ExitCode()
	default:
		tm.exitCode = -1
	}
	close(tm.exited)
}

func (tm *Term) stop() {
	select {
	case <-tm.exited:
	default:
		tm.cmd.Process.Kill()
		<-tm.exited
	}
	tm.pty.Close()
	// The emulator is not closed: vt's Close writes a flag that its Read
	// checks without a lock, a data race with answerQueries. That goroutine
	// stays parked on the emulator's empty reply pipe until the test
	// binary exits.
}

// Screen is the visible text, one line per row, trailing spaces trimmed.
func (tm *Term) Screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	lines := strings.Split(tm.emu.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// AltScreen reports whether the program is using the alternate screen.
func (tm *Term) AltScreen() bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.IsAltScreen()
}

// CursorHidden reports whether the program has hidden the cursor.
func (tm *Term) CursorHidden() bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.CursorHidden()
}

// Output is every byte the program has written so far.
func (tm *Term) Output() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.raw.String()
}

// Type writes text as typed keys. Special keys are written as their
// escape sequences: see the Key constants.
func (tm *Term) Type(s string) {
	tm.t.Helper()
	if _, err := io.WriteString(tm.pty, s); err != nil {
		tm.t.Fatalf("type %q: %v", s, err)
	}
}

// Keys that are not plain text.
const (
	Enter = "\r"
	Esc   = "\x1b"
	CtrlC = "\x03"
	Up    = "\x1b[A"
	Down  = "\x1b[B"
)

// Signal sends a signal to the program, as kill(1) would.
func (tm *Term) Signal(sig syscall.Signal) {
	tm.t.Helper()
	if err := tm.cmd.Process.Signal(sig); err != nil {
		tm.t.Fatalf("signal %v: %v", sig, err)
	}
}

// Resize changes the terminal size, as a user dragging the window would.
func (tm *Term) Resize(w, h int) {
	tm.t.Helper()
	tm.mu.Lock()
	tm.emu.Resize(w, h)
	tm.mu.Unlock()
	if err := pty.Setsize(tm.pty, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)}); err != nil {
		tm.t.Fatalf("resize: %v", err)
	}
}

// WaitFor waits until text is on the screen and returns the time since the
// program started. On timeout it fails the test and prints the screen.
func (tm *Term) WaitFor(text string, timeout time.Duration) time.Duration {
	tm.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		if strings.Contains(tm.Screen(), text) {
			return time.Since(tm.started)
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waited %v for %q; screen:\n%s", timeout, text, tm.Screen())
		}
		select {
		case <-tm.exited:
			// what the program wrote last may still be in the pty
			select {
			case <-tm.drained:
			case <-time.After(time.Second):
			}
			if !strings.Contains(tm.Screen(), text) {
				tm.t.Fatalf("program exited (status %d) before showing %q; screen:\n%s", tm.exitCode, text, tm.Screen())
			}
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// WaitExit waits for the program to end and returns its exit status.
func (tm *Term) WaitExit(timeout time.Duration) int {
	tm.t.Helper()
	select {
	case <-tm.exited:
		// Everything written before the exit is read once the pty's other
		// side is closed (EIO); a child still holding it only delays this.
		select {
		case <-tm.drained:
		case <-time.After(timeout):
		}
		return tm.exitCode
	case <-time.After(timeout):
		tm.t.Fatalf("program still running after %v; screen:\n%s", timeout, tm.Screen())
		return -1
	}
}
