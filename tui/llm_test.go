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
	"github.com/coach-tui/coach/coach/store"
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
		{"declined", common.LLM{Client: testClient(t), Answers: common.ConsentDeclined, Documents: common.ConsentDeclined}, "offline this run"},
		{"declined answers only", common.LLM{Client: testClient(t), Answers: common.ConsentDeclined}, "LLM llama3.1 at http://127.0.0.1:9/v1"},
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

func TestConsentIsRememberedPerKindAndEndpoint(t *testing.T) {
	open := tempStore(t)
	m := llmModel(t, open, common.LLM{Client: testClient(t)})
	_, load := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runCmds(m, load)
	if l := m.common.App.LLM; l.Answers != common.ConsentUnknown || l.Documents != common.ConsentUnknown {
		t.Fatal("consent before anyone asked")
	}
	_, cmd := m.Update(common.ConsentMsg{Data: store.Answers, Given: true})
	runCmds(m, cmd)
	if l := m.common.App.LLM; !l.On(store.Answers) || !l.Asking(store.Documents) {
		t.Fatalf("a yes to answers covers the resume and posting: %+v", l)
	}

	// The next run, on the same database, does not ask again about
	// answers, and still asks about the resume and posting.
	next := llmModel(t, open, common.LLM{Client: testClient(t)})
	_, load = next.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runCmds(next, load)
	if l := next.common.App.LLM; l.Answers != common.ConsentGiven || l.Documents != common.ConsentUnknown {
		t.Fatalf("consent after restart: %+v", l)
	}
	ctx := context.Background()
	if ok, _ := next.Store().LLMConsent(ctx, store.Answers, "http://127.0.0.1:9/v1"); !ok {
		t.Fatal("not in the database")
	}
	if ok, _ := next.Store().LLMConsent(ctx, store.Documents, "http://127.0.0.1:9/v1"); ok {
		t.Fatal("the resume and posting were agreed to in the database")
	}

	// A no lasts for the run only, and for its kind only.
	_, cmd = next.Update(common.ConsentMsg{Data: store.Documents, Given: false})
	runCmds(next, cmd)
	if l := next.common.App.LLM; l.Documents != common.ConsentDeclined || l.Answers != common.ConsentGiven {
		t.Fatalf("no was not taken, or taken for both: %+v", l)
	}
}
