//go:build unix

package speech

import (
	"errors"
	"os/exec"
	"syscall"
)

// setGroup puts the recorder in a process group of its own, so that a
// signal reaches the recorder and not only the shell that started it.
func setGroup(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

func interrupt(cmd *exec.Cmd) { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGINT) }

func kill(cmd *exec.Cmd) { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }

// interrupted: the recorder ended on our SIGINT, which most report as an
// error although the file is complete.
func interrupted(err error) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok {
		return ws.Signaled() && ws.Signal() == syscall.SIGINT || ws.ExitStatus() == 130 || ws.ExitStatus() == 2 || ws.ExitStatus() == 1
	}
	return false
}
