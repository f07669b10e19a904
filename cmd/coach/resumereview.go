package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/resume"
)

// maxPostingSize bounds a job posting read from a file or stdin.
const maxPostingSize = 2 << 20

// newResumeReviewCmd is `coach resume review`. The resume command is built
// without the globals, so this one reads the global flags back from the
// parsed command line.
func newResumeReviewCmd() *cobra.Command {
	var job string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "review RESUME --job POSTING",
		Short: "Review a resume against a job posting, as an ATS and a recruiter would",
		Long: `Review a resume (.md, .txt, .pdf or .docx) against a job posting: a score
out of 100 with its breakdown (keyword coverage, sections, bullet quality,
length, the plain-text test), the posting's keywords you are missing and
where they belong, what an ATS extracts from your file, and the interview
questions the resume is likely to draw.

POSTING is a text or markdown file, or - to read it from standard input.
The report is rendered on a terminal, written as markdown when piped, and
printed as JSON with --json. Everything runs on this machine.`,
		Example: `  coach resume review cv.pdf --job posting.txt
  pbpaste | coach resume review cv.docx --job -
  coach resume review cv.md --job posting.md --json > review.json`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := globalsFrom(cmd)
			if err != nil {
				return err
			}
			if job == "" {
				return usageError{errors.New("--job is required: give the job posting's file, or - to read it from standard input")}
			}
			posting, err := readPosting(cmd, job)
			if err != nil {
				return err
			}
			doc, err := resume.ReadFile(args[0])
			if err != nil {
				return err
			}
			bank, err := loadBank(cmd, g)
			if err != nil {
				return err
			}
			rep, err := resume.Review(doc, posting, resume.Options{Bank: bank})
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), rep)
			}
			return printMarkdown(cmd, g, rep.Markdown())
		},
	}
	cmd.Flags().StringVar(&job, "job", "", "the job posting: a text or markdown file, or - for standard input")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the review as JSON")
	return cmd
}

// readPosting reads the posting from a file or, for "-", from stdin.
func readPosting(cmd *cobra.Command, job string) (string, error) {
	var r io.Reader
	name := job
	if job == "-" {
		r, name = cmd.InOrStdin(), "standard input"
	} else {
		f, err := os.Open(job)
		if err != nil {
			return "", fmt.Errorf("job posting %s: %w", job, plainFileError(err))
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxPostingSize+1))
	if err != nil {
		return "", fmt.Errorf("job posting %s: %w", name, plainFileError(err))
	}
	if len(data) > maxPostingSize {
		return "", fmt.Errorf("job posting %s: larger than %d MB, which is not a job posting", name, maxPostingSize>>20)
	}
	if err := resume.CheckPosting(string(data)); err != nil {
		return "", fmt.Errorf("job posting %s: %w", name, err)
	}
	return string(data), nil
}

// globalsFrom reads the global flags (--config, --data-dir, --offline,
// --no-color, --bank) as parsed for cmd.
func globalsFrom(cmd *cobra.Command) (*globals, error) {
	g := &globals{}
	fl := cmd.Flags()
	var errs []error
	get := func(err error) { errs = append(errs, err) }
	var err error
	g.configPath, err = fl.GetString("config")
	get(err)
	g.dataDir, err = fl.GetString("data-dir")
	get(err)
	g.offline, err = fl.GetBool("offline")
	get(err)
	g.noColor, err = fl.GetBool("no-color")
	get(err)
	g.banks, err = fl.GetStringArray("bank")
	get(err)
	return g, errors.Join(errs...)
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}

func plainFileError(err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errors.New("no such file")
	case errors.Is(err, os.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
