package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/feedback"
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/questions/textsafe"
)

// maxAnswerSize bounds an answer read from a file or stdin: an hour of
// speech is under 100 KB, so anything near this is not an answer.
const maxAnswerSize = 1 << 20

func newScoreCmd(g *globals) *cobra.Command {
	var answerPath string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "score ID",
		Short: "Score an answer to a question offline, as the app does",
		Long: `score judges an answer to the question ID the way the app does after
each answer, offline: key points, structure, specificity, ownership, length
against the question's spoken time, and filler. The answer comes from
--answer FILE, or from standard input.`,
		Example: `  coach score beh-conflict-technical-approach --answer answer.txt
  pbpaste | coach score tech-db-index --json`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := findQuestion(cmd, g, args[0])
			if err != nil {
				return err
			}
			answer, err := readAnswer(cmd, answerPath)
			if err != nil {
				return usageError{err}
			}
			cat, err := skills.Load()
			if err != nil {
				return err
			}
			r := feedback.NewAnalyzer(cat).Analyze(q, answer)
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(scoreJSON{Question: q.ID, Overall: r.Overall, Words: r.Words, Dimensions: r.Dimensions, KeyPoints: r.KeyPoints})
			}
			return printMarkdown(cmd, g, sess.FeedbackMarkdown(q, r))
		},
	}
	cmd.Flags().StringVar(&answerPath, "answer", "", "file holding the answer (default: standard input)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "JSON instead of the feedback")
	return cmd
}

type scoreJSON struct {
	Question   string               `json:"question"`
	Overall    int                  `json:"overall"`
	Words      int                  `json:"words"`
	Dimensions []feedback.Dimension `json:"dimensions"`
	KeyPoints  []feedback.KeyPoint  `json:"key_points"`
}

// readAnswer reads the answer from path, or stdin when path is "" or "-",
// refusing what is not an answer: empty, not text, too large.
func readAnswer(cmd *cobra.Command, path string) (string, error) {
	name, r := "from standard input", cmd.InOrStdin()
	if path != "" && path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return "", fmt.Errorf("answer %s: %w", path, plainFileError(err))
		}
		defer f.Close()
		name, r = path, f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxAnswerSize+1))
	if err != nil {
		return "", fmt.Errorf("answer %s: %w", name, plainFileError(err))
	}
	switch {
	case len(data) > maxAnswerSize:
		return "", fmt.Errorf("answer %s: larger than %d MB, which is not an answer", name, maxAnswerSize>>20)
	case !utf8.Valid(data) || strings.ContainsRune(string(data), 0):
		return "", fmt.Errorf("answer %s: %w", name, errNotText)
	}
	// The answer is shown back in the feedback: it is cleaned as it enters.
	answer := textsafe.Clean(string(data))
	if isBlank(answer) {
		return "", fmt.Errorf("answer %s: %w", name, errEmptyAnswer)
	}
	return answer, nil
}

var (
	errNotText     = errors.New("not text (a binary file?); save the answer as plain UTF-8 text")
	errEmptyAnswer = errors.New("empty: there is no answer to score")
)
