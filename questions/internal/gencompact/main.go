// Command gencompact writes questions/bank.bin, the compact form of the
// default bank that coach embeds, from the YAML in questions/bank. Run it
// with go generate ./questions after editing a bank file; a test fails
// while the two differ.
package main

import (
	"fmt"
	"os"

	"github.com/coach-tui/coach/questions"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gencompact:", err)
		os.Exit(1)
	}
}

func run() error {
	qs, err := questions.ParseDir(os.DirFS("."), "bank")
	if err != nil {
		return err
	}
	data := questions.EncodeCompact(qs)
	// written beside and renamed, so a failed run never leaves half a file
	if err := os.WriteFile("bank.bin.tmp", data, 0o644); err != nil {
		return err
	}
	return os.Rename("bank.bin.tmp", "bank.bin")
}
