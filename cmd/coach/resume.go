package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/resume"
)

func newResumeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "resume",
		Short: "Resume tools: the example resume as a template",
		Args:  usageArgs(cobra.NoArgs),
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newResumeExampleCmd())
	return cmd
}

func newResumeExampleCmd() *cobra.Command {
	var out string
	var force, notes bool
	cmd := &cobra.Command{
		Use:   "example",
		Short: "Write the example resume as a markdown template to edit into your own",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			md := resume.ExampleTemplate()
			if notes {
				md = resume.Example()
			}
			if out == "" {
				_, err := io.WriteString(cmd.OutOrStdout(), md)
				return err
			}
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(out, flags, 0o644)
			if errors.Is(err, os.ErrExist) {
				return usageError{fmt.Errorf("%s already exists (use --force to overwrite it)", out)}
			}
			if err != nil {
				return err
			}
			if _, err := io.WriteString(f, md); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "Wrote %s\n", out)
			return err
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "write to this file instead of standard output")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the --out file if it exists")
	cmd.Flags().BoolVar(&notes, "notes", false, "keep the coaching notes in the output")
	return cmd
}
