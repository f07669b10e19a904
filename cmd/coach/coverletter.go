package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/google/renameio/v2/maybe"
	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/letter"
	"github.com/coach-tui/coach/coach/resume"
)

// newCoverLetterCmd is `coach cover-letter`.
func newCoverLetterCmd(g *globals) *cobra.Command {
	var job, tpl, out string
	var asJSON, force bool
	cmd := &cobra.Command{
		Use:   "cover-letter RESUME --job POSTING",
		Short: "Draft a cover letter from your resume and a job posting, inventing nothing",
		Long: `Draft a cover letter of 250 to 400 words from a resume (.md, .txt, .pdf or
.docx) and a job posting. It names the role and the company from the
posting, leads with the results on your resume that answer the posting's
heaviest keywords (their figures quoted exactly), says why this team in the
posting's own words, and closes plainly. What neither file says, such as
the hiring manager's name, is left in [brackets] for you to fill in.

Templates: classic, achievement (the posting's keywords, each answered by a
result) and career-change (chosen when your roles are in another field).
Without --template the one that fits is chosen and the reason given.

POSTING is a text or markdown file, or - for standard input. The letter is
rendered on a terminal, written as markdown when piped, saved with --out,
and printed with the facts it used as JSON with --json. It runs on this
machine; the app's letter screen can also draft one with your LLM.`,
		Example: `  coach cover-letter cv.pdf --job posting.txt
  coach cover-letter cv.md --job posting.md --template achievement --out letter.md
  pbpaste | coach cover-letter cv.docx --job - --json`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := letter.ParseTemplate(tpl)
			if err != nil {
				return usageError{fmt.Errorf("--template: %w", err)}
			}
			f, err := letterFacts(cmd, args[0], job, true)
			if err != nil {
				return err
			}
			l := letter.Write(f, t)
			switch {
			case asJSON:
				return writeJSON(cmd.OutOrStdout(), l)
			case out != "":
				if err := saveLetter(out, l.Text, force); err != nil {
					return err
				}
				_, err := fmt.Fprintf(cmd.OutOrStdout(), "Wrote %s: a %s letter of %d words%s\n", out, l.Template, l.Words, fillIn(l.Placeholders))
				return err
			}
			return printMarkdown(cmd, g, letterMarkdown(l))
		},
	}
	cmd.Flags().StringVar(&job, "job", "", "the job posting: a text or markdown file, or - for standard input")
	cmd.Flags().StringVar(&tpl, "template", "", "classic, achievement or career-change (default: the one that fits)")
	cmd.Flags().StringVar(&out, "out", "", "save the letter to this file")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the --out file if it exists")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the letter and the facts it used as JSON")
	return cmd
}

// newHeadlineCmd is `coach headline`.
func newHeadlineCmd(g *globals) *cobra.Command {
	var job string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "headline RESUME [--job POSTING]",
		Short: "Suggest LinkedIn headlines and a short summary from your resume",
		Long: `Suggest three LinkedIn-style headlines (at most 220 characters each) and a
three-sentence summary from your resume: your role, your top skills and
your strongest result, with nothing the resume does not say. With --job
the skills are the posting's that your resume shows, and the posting's job
is named as the one you are seeking.`,
		Example: `  coach headline cv.md
  coach headline cv.pdf --job posting.txt --json`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := letterFacts(cmd, args[0], job, false)
			if err != nil {
				return err
			}
			h := letter.WriteHeadlines(f)
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), h)
			}
			return printMarkdown(cmd, g, headlineMarkdown(h))
		},
	}
	cmd.Flags().StringVar(&job, "job", "", "a job posting to aim the headlines at: a file, or - for standard input")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the headlines and summary as JSON")
	return cmd
}

// letterFacts reads the resume and, when given or needed, the posting.
func letterFacts(cmd *cobra.Command, resumePath, job string, needJob bool) (*resume.Facts, error) {
	if job == "" && needJob {
		return nil, usageError{errors.New("--job is required: give the job posting's file, or - to read it from standard input")}
	}
	var posting string
	if job != "" {
		var err error
		if posting, err = readPosting(cmd, job); err != nil {
			return nil, err
		}
	}
	doc, err := resume.ReadFile(resumePath)
	if err != nil {
		return nil, err
	}
	if job == "" {
		return resume.ResumeFacts(doc, resume.Options{})
	}
	return resume.LetterFacts(doc, posting, resume.Options{})
}

// saveLetter writes the letter whole or not at all: a crash mid-write
// leaves the old file, never half a letter.
func saveLetter(path, text string, force bool) error {
	if !force {
		if _, err := os.Stat(path); err == nil {
			return usageError{fmt.Errorf("%s already exists (use --force to overwrite it)", path)}
		}
	}
	if err := maybe.WriteFile(path, []byte(text), 0o644); err != nil {
		return fmt.Errorf("save the letter to %s: %w", path, plainFileError(err))
	}
	return nil
}

func fillIn(ph []string) string {
	if len(ph) == 0 {
		return ""
	}
	return "; fill in " + strings.Join(ph, ", ")
}

// letterMarkdown is the letter under a line saying what it is.
func letterMarkdown(l *letter.Letter) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Cover letter: %s at %s\n\n", l.Used.Role, orBlank(l.Used.Company))
	fmt.Fprintf(&b, "*%s template (%s) · %d words*\n\n---\n\n", l.Template, l.Reason, l.Words)
	b.WriteString(l.Text)
	if len(l.Placeholders) > 0 {
		b.WriteString("\n---\n\nBefore you send it, fill in:\n\n")
		for _, p := range l.Placeholders {
			fmt.Fprintf(&b, "- %s\n", p)
		}
	}
	return b.String()
}

func orBlank(company string) string {
	if company == "" {
		return "[Company]"
	}
	return company
}

func headlineMarkdown(h *letter.Headlines) string {
	var b strings.Builder
	b.WriteString("# Headlines\n\n")
	for i, l := range h.Headlines {
		fmt.Fprintf(&b, "%d. %s (%d characters)\n", i+1, l, len([]rune(l)))
	}
	b.WriteString("\n## Summary\n\n" + h.Summary + "\n")
	return b.String()
}
