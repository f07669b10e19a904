package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
)

func newReportCmd(g *globals) *cobra.Command {
	var out string
	var asJSON, force bool
	cmd := &cobra.Command{
		Use:   "report [SESSION]",
		Short: "Export a practice session or mock interview as markdown or JSON",
		Long: `Export a session: the summary, every answer with its scores, findings and
missed key points. SESSION is the number shown in the app's History; without
it, the latest session. Markdown is rendered on a terminal and written as is
when piped or saved with --out.`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openUserStore(g)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := pickSession(st, args)
			if err != nil {
				return err
			}
			attempts, err := st.Attempts(context.Background(), s.ID)
			if err != nil {
				return err
			}
			summary := sess.Summarize(s, attempts)
			var body []byte
			if asJSON {
				if body, err = summary.JSON(); err != nil {
					return err
				}
				body = append(body, '\n')
			} else {
				body = []byte(summary.Markdown())
			}
			if out != "" {
				return writeNew(cmd, out, body, force)
			}
			if asJSON {
				_, err := cmd.OutOrStdout().Write(body)
				return err
			}
			return printMarkdown(cmd, g, string(body))
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "write the report to this file")
	cmd.Flags().BoolVar(&asJSON, "json", false, "JSON instead of markdown")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the --out file if it exists")
	return cmd
}

func pickSession(st *store.Store, args []string) (store.Session, error) {
	if len(args) == 1 {
		id, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil {
			return store.Session{}, usageError{fmt.Errorf("session %q: give the session number from History", args[0])}
		}
		s, err := st.Session(context.Background(), id)
		if errors.Is(err, store.ErrNotFound) {
			return s, fmt.Errorf("no session %d (coach report lists the latest without a number)", id)
		}
		return s, err
	}
	list, err := st.Sessions(context.Background())
	if err != nil {
		return store.Session{}, err
	}
	if len(list) == 0 {
		return store.Session{}, errors.New("no sessions yet: practise in the app first")
	}
	return list[0], nil
}

// writeNew writes a file, refusing to replace one unless forced.
func writeNew(cmd *cobra.Command, path string, body []byte, force bool) error {
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if errors.Is(err, os.ErrExist) {
		return usageError{fmt.Errorf("%s already exists (use --force to overwrite it)", path)}
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(body); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(cmd.OutOrStdout(), "Wrote %s\n", path)
	return err
}
