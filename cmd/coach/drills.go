package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/drills"
)

type drillJSON struct {
	ID        string    `json:"id"`
	Question  string    `json:"question"`
	Due       time.Time `json:"due"`
	DueNow    bool      `json:"due_now"`
	Retention float64   `json:"retention"` // 0–1: the chance the answer still comes to mind
}

func newDrillsCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "drills",
		Short: "List the questions scheduled for drills: what is due and when the rest come back",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, bank, err := openData(g)
			if err != nil {
				return err
			}
			defer st.Close()
			cards, err := st.Cards(context.Background())
			if err != nil {
				return err
			}
			now, sch := time.Now(), drills.NewScheduler()
			list := []drillJSON{}
			for _, card := range cards {
				text := card.QuestionID
				if q, ok := bank.Get(card.QuestionID); ok {
					text = oneLine(q.Text)
				}
				list = append(list, drillJSON{card.QuestionID, text, card.Due, !card.Due.After(now), sch.Retrievability(card, now)})
			}
			out := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(out, list)
			}
			if len(list) == 0 {
				_, err := fmt.Fprintln(out, "Nothing scheduled yet: every question you answer in practice is graded and scheduled.")
				return err
			}
			due := 0
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "DUE\tRECALL\tID\tQUESTION")
			for _, d := range list {
				when := d.Due.Local().Format("Mon 2 Jan 15:04")
				if d.DueNow {
					when, due = "now", due+1
				}
				fmt.Fprintf(tw, "%s\t%3.0f%%\t%s\t%s\n", when, d.Retention*100, d.ID, truncateText(d.Question, 70))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			_, err = fmt.Fprintf(out, "\n%d due now of %d scheduled.\n", due, len(list))
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the schedule as JSON")
	return cmd
}

func truncateText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
