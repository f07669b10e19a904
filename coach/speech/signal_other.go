//go:build !unix

package speech

import "os/exec"

func setGroup(*exec.Cmd) {}

func interrupt(cmd *exec.Cmd) { _ = cmd.Process.Kill() }

func kill(cmd *exec.Cmd) { _ = cmd.Process.Kill() }

func interrupted(error) bool { return true }
