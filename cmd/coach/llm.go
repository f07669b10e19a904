package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/llm"
)

func newLLMCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "llm",
		Short: "Check the optional LLM endpoint, or take back your yes to it",
		Args:  usageArgs(cobra.NoArgs),
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "check",
		Short: "Send one tiny request to the configured LLM and report how it went",
		Long: `Send one tiny request to the configured LLM endpoint and print the
endpoint, the model and the latency, or the reason it failed.

Exit status: 0 when the endpoint answered, 1 when it failed, 2 when the LLM
is off (llm.enabled is false, or --offline) or its settings cannot work.
The API key is never printed.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runLLMCheck(cmd, g) },
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "forget",
		Short: "Take back every yes to sending data to an LLM (answers, resumes and postings): coach asks again before the next send",
		Args:  usageArgs(cobra.NoArgs),
		RunE:  func(cmd *cobra.Command, _ []string) error { return runLLMForget(cmd, g) },
	})
	return cmd
}

func runLLMForget(cmd *cobra.Command, g *globals) error {
	st, err := openUserStore(g)
	if err != nil {
		return err
	}
	defer st.Close()
	endpoints, err := st.ForgetLLMConsent(context.Background())
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	if len(endpoints) == 0 {
		fmt.Fprintln(out, "No yes to take back: coach has not been allowed to send anything.")
		return nil
	}
	for _, e := range endpoints {
		fmt.Fprintf(out, "Forgot your yes for %s: coach asks before it sends anything there again.\n", e)
	}
	return nil
}

func runLLMCheck(cmd *cobra.Command, g *globals) error {
	c, err := g.load()
	if err != nil {
		return err
	}
	switch {
	case c.Offline:
		return usageError{errors.New("the LLM is off because of --offline; run coach llm check without it")}
	case !c.LLM.Enabled:
		return usageError{fmt.Errorf("the LLM is off: set llm.enabled: true in %s (or COACH_LLM_ENABLED=1), with llm.model and llm.base_url; see coach config init", c.Path)}
	}
	lc := c.LLM
	lc.MaxRetries = 0 // one request: report a rate limit instead of waiting it out
	client, err := llm.New(lc, os.Getenv)
	if err != nil {
		return usageError{err} // no model, no key for OpenAI, Azure half set up
	}
	out := cmd.OutOrStdout()
	fmt.Fprintf(out, "endpoint: %s\nmodel:    %s\n", client.Endpoint(), client.Model())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	reply, err := client.Complete(ctx, []llm.Message{
		{Role: llm.RoleSystem, Content: "You are a connectivity check. Reply with the single word: ok"},
		{Role: llm.RoleUser, Content: "ok?"},
	})
	latency := time.Since(start).Round(time.Millisecond)
	if err != nil {
		var le *llm.Error
		if errors.As(err, &le) {
			return fmt.Errorf("llm check failed after %s: %s [%s]", latency, le, le.Kind)
		}
		return fmt.Errorf("llm check failed after %s: %w", latency, err)
	}
	_, err = fmt.Fprintf(out, "latency:  %s\nreply:    %s\n", latency, oneLineShort(reply.String(), 60))
	return err
}

// oneLineShort flattens an already-cleaned reply to one short line.
func oneLineShort(s string, n int) string {
	r := []rune(s)
	for i, c := range r {
		if c == '\n' || c == '\t' {
			r[i] = ' '
		}
	}
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return string(r)
}
