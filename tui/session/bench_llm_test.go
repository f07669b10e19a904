package session

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/llm/llmtest"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/loop"
	"github.com/coach-tui/coach/tui/stream"
)

// longCritique is about 4,000 tokens of markdown, cut into one-token
// pieces the way models stream: about four characters each.
func longCritique() []string {
	var b strings.Builder
	for i := 0; b.Len() < 16000; i++ {
		fmt.Fprintf(&b, "## Point %d\n\nYou said the index **keeps keys sorted**, which is right, but the answer never says what it costs on writes or how you would check it with `EXPLAIN`.\n\n- Name the trade-off.\n- Give one measured number.\n\n", i+1)
	}
	text := b.String()
	var pieces []string
	for len(text) > 0 {
		n := min(4, len(text))
		pieces = append(pieces, text[:n])
		text = text[n:]
	}
	return pieces
}

// BenchmarkCritiquePieceToView times, for every piece of a 4,000-token
// critique streamed from a real server, the work between its arrival as
// a message and the frame that shows it: the screen's Update and View.
// The markdown re-renders run in commands meanwhile, on the same two
// cores, as they would in the app.
func BenchmarkCritiquePieceToView(b *testing.B) {
	pieces := longCritique()
	e := newEnv(b)
	withLLM(b, e, &fakeLLM{critique: func(w http.ResponseWriter, r *http.Request) {
		llmtest.WriteStream(w, llmModel, pieces...)
	}}, common.ConsentGiven)
	var times []time.Duration
	for b.Loop() {
		m := answerBehavioral(&testing.T{}, e, 1)
		m.SetSize(100, 40)
		submit := keyCmd(m, "ctrl+s")
		m.view.GotoBottom() // follow the critique, the costlier case
		err := loop.Run(func(msg tea.Msg) tea.Cmd {
			piece := stream.IsPiece(msg)
			start := time.Now()
			_, cmd := m.Update(msg)
			_ = m.View()
			if piece {
				times = append(times, time.Since(start))
			}
			return cmd
		}, submit, m.critique.Settled, time.Minute)
		if err != nil {
			b.Fatal(err)
		}
	}
	slices.Sort(times)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(float64(len(times))/float64(b.N), "pieces/op")
	b.ReportMetric(ms(times[len(times)/2]), "p50-ms/piece")
	b.ReportMetric(ms(times[len(times)*99/100]), "p99-ms/piece")
	b.ReportMetric(ms(times[len(times)-1]), "max-ms/piece")
}
