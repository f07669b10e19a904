package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/coach-tui/coach/coach"
	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui"
)

// loadBank loads the default bank and the user's banks, warning on stderr
// about user files that were skipped.
func loadBank(cmd *cobra.Command, g *globals) (*questions.Bank, error) {
	c, err := g.load()
	if err != nil {
		return nil, err
	}
	b, err := coach.LoadBank(coach.BanksDir(c.Path), g.banks)
	if err != nil {
		return nil, err
	}
	for _, p := range b.Problems {
		fmt.Fprintf(cmd.ErrOrStderr(), "coach: skipped %s:\n%s\n", p.File, indent(p.Error()))
	}
	return b, nil
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// openData opens the database and loads the bank, user banks included,
// for the commands that report on practice.
// openUserStore opens the user's database as the configuration says.
func openUserStore(g *globals) (*store.Store, error) {
	c, err := g.load()
	if err != nil {
		return nil, err
	}
	return store.Open(context.Background(), c.DataDir)
}

func openData(g *globals) (*store.Store, *questions.Bank, error) {
	c, err := g.load()
	if err != nil {
		return nil, nil, err
	}
	st, err := store.Open(context.Background(), c.DataDir)
	if err != nil {
		return nil, nil, err
	}
	bank, err := coach.LoadBank(coach.BanksDir(c.Path), g.banks)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, bank, nil
}

// filterFlags are the question filters shared by bank list and ask.
type filterFlags struct {
	roles, kinds, categories, tags []string
	difficulty                     []int
	company, search                string
}

func (f *filterFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringSliceVar(&f.roles, "role", nil, "role: "+joinStrings(questions.Roles))
	fl.StringSliceVar(&f.kinds, "kind", nil, "kind: "+joinStrings(questions.Kinds))
	fl.StringSliceVar(&f.categories, "category", nil, "category, e.g. databases or languages/go")
	fl.IntSliceVar(&f.difficulty, "difficulty", nil, "difficulty: 1 (junior), 2 (mid), 3 (senior)")
	fl.StringSliceVar(&f.tags, "tag", nil, "skill id, e.g. kubernetes")
	fl.StringVar(&f.company, "company", "", "questions from one company's interviews")
	fl.StringVar(&f.search, "search", "", "words that must appear in the question")
}

func joinStrings[T ~string](list []T) string {
	s := make([]string, len(list))
	for i, v := range list {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

func (f *filterFlags) filter() (questions.Filter, error) {
	out := questions.Filter{Categories: f.categories, Tags: f.tags, Company: f.company, Search: f.search}
	for _, r := range f.roles {
		if !oneOf(questions.Roles, questions.Role(r)) {
			return out, usageError{fmt.Errorf("--role %q: use one of %s", r, joinStrings(questions.Roles))}
		}
		out.Roles = append(out.Roles, questions.Role(r))
	}
	for _, k := range f.kinds {
		kind, ok := questions.ParseKind(k)
		if !ok {
			return out, usageError{fmt.Errorf("--kind %q: use one of %s", k, joinStrings(questions.Kinds))}
		}
		out.Kinds = append(out.Kinds, kind)
	}
	for _, d := range f.difficulty {
		if d < 1 || d > 3 {
			return out, usageError{fmt.Errorf("--difficulty %d: use 1, 2 or 3", d)}
		}
	}
	out.Difficulties = f.difficulty
	return out, nil
}

func oneOf[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func newBankCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bank",
		Short: "List, inspect and validate question banks",
		Long: `The question bank: the embedded default questions plus your own banks
(every *.yaml in the banks folder beside the config file, and --bank FILE).`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newBankListCmd(g), newBankStatsCmd(g), newBankValidateCmd(), newBankShowCmd(g))
	return cmd
}

func newBankListCmd(g *globals) *cobra.Command {
	var f filterFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List questions, optionally filtered",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			flt, err := f.filter()
			if err != nil {
				return err
			}
			b, err := loadBank(cmd, g)
			if err != nil {
				return err
			}
			qs := b.Filter(flt)
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), qs)
			}
			return writeQuestionTable(cmd.OutOrStdout(), qs, terminalWidth(cmd.OutOrStdout()))
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the questions as JSON")
	return cmd
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeQuestionTable prints one question a line. On a terminal (width > 0)
// each line is cut to the width with an ellipsis, since the terminal would
// otherwise wrap the question mid-word under the next row's columns;
// piped, every line is whole.
func writeQuestionTable(w io.Writer, qs []*questions.Question, width int) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tCATEGORY\tLEVEL\tTIME\tQUESTION")
	for _, q := range qs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", q.ID, q.Kind, q.Category, q.DifficultyName(),
			questions.FormatTime(q.Time), oneLine(q.Text))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if width <= 0 {
		_, err := w.Write(buf.Bytes())
		return err
	}
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		if _, err := fmt.Fprintln(w, ansi.Truncate(line, width, "…")); err != nil {
			return err
		}
	}
	return nil
}

// terminalWidth is the width of the terminal w writes to, or 0 when it is
// not a terminal.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !isTerminal(f) {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return width
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func newBankStatsCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count questions by kind, category, role and difficulty",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			b, err := loadBank(cmd, g)
			if err != nil {
				return err
			}
			kinds, cats, roles, levels := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
			user := 0
			for _, q := range b.Questions() {
				kinds[string(q.Kind)]++
				cats[q.Category]++
				levels[q.DifficultyName()]++
				for _, r := range q.Roles {
					roles[string(r)]++
				}
				if q.Source.User {
					user++
				}
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%d questions (%d from your banks, %d overriding a default)\n", b.Len(), user, len(b.Overridden))
			for _, s := range []struct {
				title  string
				counts map[string]int
			}{{"By kind", kinds}, {"By role", roles}, {"By difficulty", levels}, {"By category", cats}} {
				fmt.Fprintf(w, "\n%s\n", s.title)
				for _, k := range words.ByCount(s.counts) {
					fmt.Fprintf(w, "%6d  %s\n", s.counts[k], k)
				}
			}
			return nil
		},
	}
}

// errInvalidBank makes validate exit 1 after printing every problem.
var errInvalidBank = errors.New("invalid bank")

func newBankValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check bank files and print every problem with its file and line",
		Args:  usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, files []string) error {
			p, err := coach.BankParser()
			if err != nil {
				return err
			}
			b, err := questions.Default()
			if err != nil {
				return err
			}
			b.AddUserFiles(files, p)
			for _, prob := range b.Problems {
				fmt.Fprintln(cmd.ErrOrStderr(), prob.Error())
			}
			if len(b.Problems) > 0 {
				verb := "have"
				if len(b.Problems) == 1 {
					verb = "has"
				}
				return fmt.Errorf("%w: %d of %s %s problems", errInvalidBank, len(b.Problems), words.Count(len(files), "file"), verb)
			}
			cat, err := skills.Load()
			if err != nil {
				return err
			}
			lint := feedback.NewAnalyzer(cat)
			n, warnings := 0, 0
			for _, q := range b.Questions() {
				if !q.Source.User {
					continue
				}
				n++
				// Warnings, not errors: the question loads and is asked, but
				// its feedback would credit the wrong answers.
				for _, w := range lint.Lint(q) {
					warnings++
					fmt.Fprintf(cmd.ErrOrStderr(), "%s:%d: question %q: warning: %s\n", q.Source.File, q.Source.Line, q.ID, w)
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s, %s: all valid", words.Count(len(files), "file"), words.Count(n, "question"))
			if warnings > 0 {
				fmt.Fprintf(cmd.OutOrStdout(), ", %s about key point terms", words.Count(warnings, "warning"))
			}
			fmt.Fprintln(cmd.OutOrStdout())
			return nil
		},
	}
}

func newBankShowCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "Show a question with its key points, follow-ups and model outline",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := findQuestion(cmd, g, args[0])
			if err != nil {
				return err
			}
			return printMarkdown(cmd, g, q.Markdown())
		},
	}
}

// findQuestion is the question with id in the loaded banks; an unknown
// id is a usage error.
func findQuestion(cmd *cobra.Command, g *globals, id string) (*questions.Question, error) {
	b, err := loadBank(cmd, g)
	if err != nil {
		return nil, err
	}
	q, ok := b.Get(id)
	if !ok {
		return nil, usageError{fmt.Errorf("no question with id %q (coach bank list shows the ids)", id)}
	}
	return q, nil
}

// printMarkdown renders with glamour when stdout is a terminal and writes
// the markdown itself when it is piped.
func printMarkdown(cmd *cobra.Command, g *globals, md string) error {
	out := cmd.OutOrStdout()
	if !isTerminal(out) {
		_, err := io.WriteString(out, md)
		return err
	}
	c, err := g.load()
	if err != nil {
		return err
	}
	look := tui.DecideAppearance(c.Theme, !c.NoColor)
	width := 80
	if w, _, err := termSize(out); err == nil && w > 20 {
		width = min(w, 100) - 2
	}
	s, err := look.Markdown().Render(md, width)
	if err != nil {
		return err
	}
	_, err = io.WriteString(out, s)
	return err
}

func newAskCmd(g *globals) *cobra.Command {
	var f filterFlags
	cmd := &cobra.Command{
		Use:   "ask",
		Short: "Print one random question matching the filters",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			flt, err := f.filter()
			if err != nil {
				return err
			}
			b, err := loadBank(cmd, g)
			if err != nil {
				return err
			}
			qs := b.Filter(flt)
			if len(qs) == 0 {
				return errors.New("no question matches those filters")
			}
			q := qs[rand.IntN(len(qs))]
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s\n\n(%s · %s · %s · %s · coach bank show %s)\n",
				oneLine(q.Text), q.Kind, q.Category, q.DifficultyName(), questions.FormatTime(q.Time), q.ID)
			return err
		},
	}
	f.register(cmd)
	return cmd
}

func termSize(w io.Writer) (int, int, error) {
	f, ok := w.(*os.File)
	if !ok {
		return 0, 0, errors.New("not a file")
	}
	return getSize(f)
}
