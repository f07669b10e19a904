package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/resume"
)

func newResumeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "resume",
		Short: "Resume tools: the example resume as a template, and a review against a job posting",
		Args:  usageArgs(cobra.NoArgs),
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newResumeExampleCmd(), newResumeReviewCmd())
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
			return writeNew(cmd, out, []byte(md), force)
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "write to this file instead of standard output")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the --out file if it exists")
	cmd.Flags().BoolVar(&notes, "notes", false, "keep the coaching notes in the output")
	return cmd
}
