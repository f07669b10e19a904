package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/term"

	"github.com/coach-tui/coach/coach"
	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/speech"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui"
	"github.com/coach-tui/coach/tui/common"
)

// runApp opens the full-screen app.
func runApp(g *globals, s streams) error {
	c, err := g.load()
	if err != nil {
		return err
	}
	if !isTerminal(s.In) || !isTerminal(s.Out) {
		return usageError{errors.New("the app needs a terminal on stdin and stdout; for scripts use a subcommand (coach --help lists them)")}
	}
	look := tui.DecideAppearance(c.Theme, !c.NoColor)
	_, statErr := os.Stat(c.Path)
	m := tui.New(tui.Options{
		Info: common.Info{
			Version:      buildVersion(),
			ConfigPath:   c.Path,
			ConfigExists: statErr == nil,
			DataDir:      c.DataDir,
			Theme:        c.Theme,
			Dark:         look.Dark,
			Detected:     look.Detected,
			DetectedDark: look.Detected && look.Dark,
			Color:        look.Color,
			Offline:      c.Offline,
		},
		Theme:    look.Theme(),
		Markdown: look.Markdown(),
		OpenDB:   openStore(c),
		LoadBank: func() (*questions.Bank, error) {
			return coach.LoadBank(coach.BanksDir(c.Path), g.banks)
		},
		LLM:    appLLM(c),
		Speech: appSpeech(c),
	})
	err = tui.Run(m, tui.RunOptions{Input: s.In, Output: s.Out})
	speech.StopAll() // a recorder runs apart from the terminal's signals
	if st := m.Store(); st != nil {
		// However the program ended (quit, SIGTERM, a closed terminal, a
		// crash), the answer being typed is kept for the next start.
		if d, ok := m.Draft(); ok {
			if derr := st.SaveDraft(context.Background(), d); derr != nil && err == nil {
				err = fmt.Errorf("could not keep your unfinished answer: %w", derr)
			}
		}
		st.Close()
	}
	var crash *tui.Crash
	if errors.As(err, &crash) {
		return crashReport{crash: crash, path: writeCrashReport(crash)}
	}
	return err
}

// appLLM builds the model client when the LLM is on. A configured LLM that
// cannot work (no model, no key) leaves the app offline with the reason on
// the home screen, rather than refusing to start.
func appLLM(c config.Config) common.LLM {
	l := common.LLM{FollowUps: c.LLM.FollowUps}
	client, err := llm.New(c.LLM, os.Getenv)
	switch {
	case errors.Is(err, llm.ErrDisabled):
	case err != nil:
		l.Problem = err.Error()
	default:
		l.Client = client
	}
	return l
}

// appSpeech builds the transcription client when speech is on; one that
// cannot work leaves the audio measured here, with the reason.
func appSpeech(c config.Config) common.Speech {
	s := common.Speech{RecordCommand: c.Speech.RecordCommand, Language: c.Speech.Language, KeepAudio: c.Speech.KeepAudio}
	client, err := llm.NewSpeech(c.Speech, os.Getenv)
	switch {
	case errors.Is(err, llm.ErrDisabled):
	case err != nil:
		s.Problem = err.Error()
	default:
		s.Client = client
	}
	return s
}

func openStore(c config.Config) tui.OpenStore {
	return func(ctx context.Context) (*store.Store, error) {
		return store.OpenWindow(ctx, c.DataDir)
	}
}

func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// crashReport is what a user sees after a panic: one line on what happened
// and where the full report went. The terminal is already restored.
type crashReport struct {
	crash *tui.Crash
	path  string
}

func (r crashReport) Error() string { return r.crash.Error() }

func (r crashReport) CrashReport() string {
	msg := fmt.Sprintf("coach: %v. The terminal has been restored.", r.crash)
	if r.path != "" {
		msg += fmt.Sprintf("\nThe full report is in %s; please attach it to a bug report.", r.path)
	}
	return msg
}

// writeCrashReport saves the stack trace to a file in the temp directory
// (the data directory may be the thing that failed) and returns its path,
// or "" if it could not be written.
func writeCrashReport(c *tui.Crash) string {
	name := fmt.Sprintf("coach-crash-%s.txt", time.Now().Format("20060102-150405"))
	path := filepath.Join(os.TempDir(), name)
	body := fmt.Sprintf("coach %s\n%v\n\n%s", buildVersion(), c, c.Stack)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		return ""
	}
	return path
}

func getSize(f *os.File) (int, int, error) { return term.GetSize(int(f.Fd())) }
