package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/config"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the command ran and failed: unreadable data, a crash
	exitUsage = 2 // bad flags, arguments or configuration
)

type streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// usageError marks errors the user fixes by changing how coach is called or
// configured; they exit with status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// globals are the flags every command accepts.
type globals struct {
	configPath string
	dataDir    string
	offline    bool
	noColor    bool
	banks      []string
}

func (g *globals) load() (config.Config, error) {
	c, err := config.Load(config.Overrides{
		ConfigPath: g.configPath,
		DataDir:    g.dataDir,
		Offline:    g.offline,
		NoColor:    g.noColor,
	}, os.Getenv)
	// A bad config is fixed in the file, not on the command line, so it is
	// not a usage error.
	return c, err
}

func newRootCmd(s streams) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "coach",
		Short: "Interview and resume practice for software engineers",
		Long: `coach is a terminal interview and resume coach for software engineers.

Run it with no command to open the app. Everything works offline; your
answers and ratings stay in a database on this machine.`,
		Args:          usageArgs(cobra.NoArgs),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runApp(g, s)
		},
		Version: buildVersion(),
	}
	root.SetVersionTemplate("coach {{.Version}}\n")
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return usageError{err}
	})

	f := root.PersistentFlags()
	f.StringVar(&g.configPath, "config", "", "config file (default $XDG_CONFIG_HOME/coach/config.yaml; env COACH_CONFIG)")
	f.StringVar(&g.dataDir, "data-dir", "", "directory for coach's database (default $XDG_DATA_HOME/coach; env COACH_DATA_DIR)")
	f.BoolVar(&g.offline, "offline", false, "never use the network, even if an LLM is configured")
	f.BoolVar(&g.noColor, "no-color", false, "turn colours off (env NO_COLOR)")
	f.StringArrayVar(&g.banks, "bank", nil, "an extra question bank file (repeatable)")

	root.AddCommand(newVersionCmd(), newConfigCmd(g), newBankCmd(g), newAskCmd(g), newSkillsCmd(g), newResumeCmd(), newReportCmd(g), newDrillsCmd(g), newStatsCmd(g), newLLMCmd(g), newScoreCmd(g), newCoverLetterCmd(g), newHeadlineCmd(g), newTranscribeCmd(g))
	return root
}

// execute runs the command line and turns the outcome into an exit status,
// printing any error as one line on stderr.
func execute(args []string, s streams) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var crash interface{ CrashReport() string }
	if errors.As(err, &crash) {
		fmt.Fprintln(s.Err, crash.CrashReport())
		return exitError
	}
	fmt.Fprintf(s.Err, "coach: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) || isCobraUsageError(err) {
		fmt.Fprintf(s.Err, "Run '%s --help' for usage.\n", cmd.CommandPath())
		return exitUsage
	}
	return exitError
}

// isCobraUsageError recognises the one usage error cobra raises without a
// hook of ours: an unknown subcommand, found while resolving the command.
func isCobraUsageError(err error) bool {
	return strings.HasPrefix(err.Error(), "unknown command ")
}

// usageArgs marks argument-count errors as usage errors.
func usageArgs(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
