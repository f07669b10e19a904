package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/progress"
	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/questions"
)

func newStatsCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Print your practice statistics and how ready you are for each role",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, bank, err := openData(g)
			if err != nil {
				return err
			}
			defer st.Close()
			all, err := st.AttemptsSince(context.Background(), time.Time{})
			if err != nil {
				return err
			}
			cards, err := st.Cards(context.Background())
			if err != nil {
				return err
			}
			now := time.Now()
			s := progress.ComputeStats(all, now)
			var ready []progress.Readiness
			for _, r := range questions.Roles {
				ready = append(ready, progress.Compute(bank, r, all, cards, now))
			}
			out := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(out, struct {
					progress.Stats
					Readiness []progress.Readiness `json:"readiness"`
				}{s, ready})
			}
			fmt.Fprintf(out, "%s, %d skipped · %s practised · streak %s\n\n", words.Count(s.Answers, "answer"), s.Skipped,
				questions.FormatTime(s.Practice.Round(time.Minute)), words.Count(s.Streak, "day"))
			fmt.Fprintf(out, "Scores by day (last %d days, · = no answers)\n", progress.Days)
			for _, k := range questions.Kinds {
				if series, ok := s.Series[k]; ok {
					fmt.Fprintf(out, "  %-14s %s  avg %d\n", progress.KindName(k), progress.Sparkline(series), s.Average[k])
				}
			}
			if len(s.Weakest) > 0 {
				fmt.Fprintln(out, "\nWeakest categories")
				for _, w := range s.Weakest {
					fmt.Fprintf(out, "  %-24s avg %d over %s\n", w.Category, w.Average, words.Count(w.Answers, "answer"))
				}
			}
			fmt.Fprintln(out, "\nInterview ready")
			for _, r := range ready {
				fmt.Fprintf(out, "  %-16s %3d/100  coverage %3.0f%%  recall %3.0f%%  next: %s\n", r.Role, r.Score, r.Coverage*100, r.Retention*100, r.Next)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the figures as JSON")
	return cmd
}
