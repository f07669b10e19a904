package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/coach/llm"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/coach/speech"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
)

// transcribed is what `coach transcribe --json` prints: the delivery
// measures (speech.Delivery) with the file and where the words came from.
type transcribed struct {
	File string `json:"file"`
	speech.Delivery
	// Endpoint is where the audio went, "" when it stayed here.
	Endpoint string `json:"endpoint,omitempty"`
	// Note says why there is no transcript, when there is none.
	Note string `json:"note,omitempty"`
	// Feedback is the transcript scored as a typed answer, with --question.
	Feedback   *scoreJSON `json:"feedback,omitempty"`
	feedbackMD string
}

func newTranscribeCmd(g *globals) *cobra.Command {
	var asJSON, send bool
	var questionID string
	cmd := &cobra.Command{
		Use:   "transcribe FILE.wav",
		Short: "Measure a spoken answer: pace, pauses and filler words",
		Long: `Measure a recorded answer (a PCM WAV file): its length, speaking time,
pauses and the silence before the first word, all on this machine. With
speech.enabled and a transcription endpoint in the config (OpenAI, a
whisper.cpp server, faster-whisper-server, LocalAI), the audio is sent to be
transcribed, after you agree once for that endpoint, and the words add the
pace in words per minute, filler words and hedges. Without an endpoint no
transcript is made up: the audio's measures are the answer.

--send agrees for this run without asking; on a terminal coach asks, and
remembers a yes (coach llm forget takes it back).`,
		Example: `  coach transcribe answer.wav
  coach transcribe answer.wav --json
  COACH_SPEECH_ENABLED=1 COACH_SPEECH_BASE_URL=http://localhost:8080/v1 coach transcribe answer.wav --send
  coach transcribe answer.wav --question beh-conflict-technical-approach`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := g.load()
			if err != nil {
				return err
			}
			var q *questions.Question
			if questionID != "" {
				if q, err = findQuestion(cmd, g, questionID); err != nil {
					return err
				}
			}
			a, err := speech.ReadWAV(args[0])
			if err != nil {
				return err
			}
			out := transcribed{File: filepath.Base(args[0])}
			m := speech.Measure(a)
			text := ""
			switch {
			case c.Offline:
				out.Note = "not transcribed: --offline keeps the audio on this machine"
			case !c.Speech.Enabled:
				out.Note = "not transcribed: no transcription endpoint is on (speech.enabled in " + c.Path + ")"
			case !m.Speech:
				out.Note = "not transcribed: the recording holds no speech"
			default:
				client, err := llm.NewSpeech(c.Speech, os.Getenv)
				if err != nil {
					return fmt.Errorf("speech: %w", err)
				}
				ok, err := audioConsent(cmd, g, client, args[0], send)
				if err != nil {
					return err
				}
				if !ok {
					out.Note = "not transcribed: you did not agree to send the audio to " + client.Endpoint()
					break
				}
				tr, err := client.Transcribe(context.Background(), args[0], c.Speech.Language)
				if err != nil {
					return fmt.Errorf("transcription at %s: %s", client.Endpoint(), llm.Reason(err))
				}
				text, out.Endpoint = tr.Text, client.Endpoint()
			}
			out.Delivery = speech.Deliver(m, text)
			if q != nil && text != "" {
				// the words are an answer like a typed one
				cat, err := skills.Load()
				if err != nil {
					return err
				}
				r := feedback.NewAnalyzer(cat).Analyze(q, text)
				out.Feedback = &scoreJSON{Question: q.ID, Overall: r.Overall, Words: r.Words, Dimensions: r.Dimensions, KeyPoints: r.KeyPoints}
				out.feedbackMD = sess.FeedbackMarkdown(q, r)
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), out)
			}
			return printMarkdown(cmd, g, deliveryMarkdown(out))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the measures as JSON")
	cmd.Flags().BoolVar(&send, "send", false, "agree to send the audio to the transcription endpoint for this run")
	cmd.Flags().StringVar(&questionID, "question", "", "score the transcript as an answer to this question, as coach score does")
	return cmd
}

// audioConsent is the user's yes to sending audio to the endpoint: given
// before (and remembered), given now with --send, or asked on a terminal.
func audioConsent(cmd *cobra.Command, g *globals, c *llm.Client, file string, send bool) (bool, error) {
	if send {
		return true, nil
	}
	st, err := openUserStore(g)
	if err != nil {
		return false, err
	}
	defer st.Close()
	ctx := context.Background()
	if ok, err := st.LLMConsent(ctx, store.Audio, c.Endpoint()); err != nil || ok {
		return ok, err
	}
	in, isFile := cmd.InOrStdin().(*os.File)
	if !isFile || !isTerminal(in) {
		return false, nil
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "Send %s to %s at %s to be transcribed? Nothing else is sent. [y/N] ", filepath.Base(file), c.Model(), c.Endpoint())
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !errors.Is(err, os.ErrClosed) && line == "" {
		return false, nil
	}
	if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
		return false, nil
	}
	return true, st.SetLLMConsent(ctx, store.Audio, c.Endpoint())
}

func deliveryMarkdown(t transcribed) string {
	var b strings.Builder
	d := t.Delivery
	fmt.Fprintf(&b, "# Delivery: %s\n\n", t.File)
	fmt.Fprintf(&b, "- Length: %.1f s; speaking %.1f s; silence %.1f s\n", d.Duration, d.Speaking, d.Silence)
	fmt.Fprintf(&b, "- Silence before the first word: %.1f s\n", d.Lead)
	fmt.Fprintf(&b, "- Pauses of %.1f s or more: %d", speech.MinPause, d.Count)
	if d.Count > 0 {
		fmt.Fprintf(&b, " (the longest %.1f s)", d.Longest)
	}
	b.WriteString("\n")
	if d.Transcribed {
		fmt.Fprintf(&b, "- Pace: %.0f words a minute (%d words)\n", d.WPM, d.Words)
		fmt.Fprintf(&b, "- Filler words: %d; hedges: %d\n", d.Filler.Total, d.Hedges.Total)
	}
	if len(d.Notes) > 0 {
		b.WriteString("\n## What to work on\n\n")
		for _, n := range d.Notes {
			b.WriteString("- " + n + "\n")
		}
	}
	if d.Transcribed {
		b.WriteString("\n## Transcript\n\n" + d.Text + "\n\n*Transcribed at " + t.Endpoint + ".*\n")
		if t.feedbackMD != "" {
			b.WriteString("\n" + t.feedbackMD)
		}
	} else if t.Note != "" {
		b.WriteString("\n*" + upper(t.Note) + ".*\n")
	}
	return b.String()
}

func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
