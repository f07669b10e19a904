package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/tui/common"
)

// llmModel is a root model with an LLM configured; nothing is sent in
// these tests, so the endpoint need not answer.
func llmModel(t *testing.T, open OpenStore, l common.LLM) *Model {
	t.Helper()
	return New(Options{
		Info: testInfo(), Theme: common.DefaultTheme(), Markdown: common.NewMarkdown(common.MarkdownDark, false),
		OpenDB: open, LoadBank: testBank(t), LLM: l,
	})
}

func testClient(t *testing.T) *llm.Client {
	t.Helper()
	lc := config.Default().LLM
	lc.Enabled, lc.BaseURL, lc.Model = true, "http://127.0.0.1:9/v1", "llama3.1"
	c, err := llm.New(lc, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestHomeSaysWhereAnswersGo(t *testing.T) {
	for _, tt := range []struct {
		name string
		l    common.LLM
		want string
	}{
		{"off", common.LLM{}, "offline · nothing leaves this machine"},
		{"on", common.LLM{Client: testClient(t)}, "LLM llama3.1 at http://127.0.0.1:9/v1"},
		{"declined", common.LLM{Client: testClient(t), Consent: common.ConsentDeclined}, "offline this run"},
		{"broken", common.LLM{Problem: "the API key is missing: set $OPENAI_API_KEY"}, "LLM off: the API key is missing"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, size := range [][2]int{{80, 24}, {40, 12}} {
				m := llmModel(t, tempStore(t), tt.l)
				_, load := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				runCmds(m, load)
				v := m.View()
				if h := lipgloss.Height(v); h > size[1] {
					t.Errorf("%dx%d: %d lines", size[0], size[1], h)
				}
				flat := strings.Join(strings.Fields(ansi.Strip(v)), " ")
				if size[0] == 80 && !strings.Contains(flat, tt.want) {
					t.Errorf("home lacks %q:\n%s", tt.want, v)
				}
				if size[0] == 40 && tt.l.Problem != "" && !strings.Contains(flat, "LLM off: see Settings (c)") {
					t.Errorf("a small home does not say the LLM is off:\n%s", v)
				}
			}
		})
	}
}

func TestConsentIsRememberedPerEndpoint(t *testing.T) {
	open := tempStore(t)
	m := llmModel(t, open, common.LLM{Client: testClient(t)})
	_, load := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runCmds(m, load)
	if m.common.App.LLM.Consent != common.ConsentUnknown {
		t.Fatal("consent before anyone asked")
	}
	_, cmd := m.Update(common.ConsentMsg{Given: true})
	runCmds(m, cmd)

	// The next run, on the same database, does not ask again.
	next := llmModel(t, open, common.LLM{Client: testClient(t)})
	_, load = next.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runCmds(next, load)
	if next.common.App.LLM.Consent != common.ConsentGiven {
		t.Fatalf("consent after restart: %v", next.common.App.LLM.Consent)
	}
	if ok, _ := next.Store().LLMConsent(context.Background(), "http://127.0.0.1:9/v1"); !ok {
		t.Fatal("not in the database")
	}

	// A no lasts for the run only.
	_, cmd = next.Update(common.ConsentMsg{Given: false})
	runCmds(next, cmd)
	if next.common.App.LLM.Consent != common.ConsentDeclined {
		t.Fatal("no was not taken")
	}
}
