// Command coach is a terminal interview and resume coach for software
// engineers. This package only wires the command line to the tui and coach
// packages; it holds no logic of its own.
package main

import (
	"os"
)

func main() {
	os.Exit(execute(os.Args[1:], streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
