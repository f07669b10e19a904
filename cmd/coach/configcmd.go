package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm"
)

func newConfigCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show, locate or create coach's config file",
		// Runnable so that an unknown subcommand is an error, not help.
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "path",
			Short: "Print the config file's path (it may not exist yet)",
			Args:  usageArgs(cobra.NoArgs),
			RunE: func(cmd *cobra.Command, _ []string) error {
				_, err := fmt.Fprintln(cmd.OutOrStdout(), configPath(g))
				return err
			},
		},
		newConfigInitCmd(g),
		&cobra.Command{
			Use:   "show",
			Short: "Print the settings in effect, after the file, environment and flags",
			Args:  usageArgs(cobra.NoArgs),
			RunE: func(cmd *cobra.Command, _ []string) error {
				c, err := g.load()
				if err != nil {
					return err
				}
				return printConfig(cmd, c)
			},
		},
	)
	return cmd
}

// configPath resolves the path without reading the file, so `config path`
// works even when the file is broken.
func configPath(g *globals) string {
	if g.configPath != "" {
		return g.configPath
	}
	if p := os.Getenv("COACH_CONFIG"); p != "" {
		return p
	}
	return config.DefaultPath()
}

func newConfigInitCmd(g *globals) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented config file with every setting at its default",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			path := configPath(g)
			if err := config.WriteTemplate(path, force); err != nil {
				if errors.Is(err, config.ErrExists) {
					return usageError{err}
				}
				return err
			}
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "Wrote %s\n", path)
			return err
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing config file")
	return cmd
}

func printConfig(cmd *cobra.Command, c config.Config) error {
	exists := "does not exist; defaults in use"
	if _, err := os.Stat(c.Path); err == nil {
		exists = "exists"
	}
	out := cmd.OutOrStdout()
	if _, err := fmt.Fprintf(out,
		"# config file: %s (%s)\ntheme: %s\ndata_dir: %s\n# offline: %t\n# color: %t\n",
		c.Path, exists, c.Theme, c.DataDir, c.Offline, !c.NoColor); err != nil {
		return err
	}
	// The key itself is never shown: only whether its variable is set.
	l := c.LLM
	enabled := fmt.Sprint(l.Enabled)
	if c.Offline {
		enabled += " # --offline"
	}
	base := l.BaseURL
	if base == "" && l.APIType != config.APITypeAzure {
		base = `"" # ` + llm.OpenAIURL
	}
	keyState := "not set"
	switch {
	case os.Getenv(l.APIKeyEnv) != "":
		keyState = "set"
	case l.APIKey != "":
		keyState = "not set; llm.api_key in the file is used"
	}
	_, err := fmt.Fprintf(out,
		"llm:\n  enabled: %s\n  base_url: %s\n  model: %q\n  api_key_env: %s # %s\n  api_type: %s\n  api_version: %q\n  timeout: %s\n  max_retries: %d\n  temperature: %g\n  follow_ups: %d\n",
		enabled, base, l.Model, l.APIKeyEnv, keyState, l.APIType, l.APIVersion, l.Timeout, l.MaxRetries, l.Temperature, l.FollowUps)
	if err != nil {
		return err
	}
	sp := c.Speech
	enabled = fmt.Sprint(sp.Enabled)
	if c.Offline {
		enabled += " # --offline"
	}
	base = sp.BaseURL
	if base == "" {
		base = `"" # ` + llm.OpenAIURL
	}
	keyState = "not set"
	if os.Getenv(sp.APIKeyEnv) != "" {
		keyState = "set"
	}
	_, err = fmt.Fprintf(out, "speech:\n  enabled: %s\n  base_url: %s\n  model: %q\n  api_key_env: %s # %s\n  language: %q\n  record_command: %q\n  keep_audio: %t\n",
		enabled, base, sp.Model, sp.APIKeyEnv, keyState, sp.Language, sp.RecordCommand, sp.KeepAudio)
	return err
}
