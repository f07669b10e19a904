package letter

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/coach-tui/coach/coach/config"
	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/llmtest"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/loop"
)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

const (
	fixtures   = "../../coach/resume/testdata/"
	sreResume  = fixtures + "resumes/sre.txt"
	srePosting = fixtures + "postings/sre.md"
)

func newScreen(t *testing.T, l common.LLM) (*Model, *store.Store) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	m := New(common.Common{Styles: common.NewStyles(common.DefaultTheme()), Markdown: common.NewMarkdown(common.MarkdownDark, false),
		App: &common.App{Store: st, LLM: l}})
	m.SetSize(80, 23)
	return m, st
}

// drive runs the screen's commands for real until cond holds.
func drive(t *testing.T, m *Model, cmd tea.Cmd, cond func() bool) {
	t.Helper()
	err := loop.Run(func(msg tea.Msg) tea.Cmd {
		if _, ok := msg.(common.ConsentMsg); ok {
			return nil
		}
		_, next := m.Update(msg)
		return next
	}, cmd, cond, 10*time.Second)
	if err != nil {
		t.Fatalf("%v; view:\n%s", err, ansi.Strip(m.View()))
	}
}

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func press(m *Model, k string) tea.Cmd {
	_, cmd := m.Update(keyMsg(k))
	return cmd
}

func flat(m *Model) string { return strings.Join(strings.Fields(ansi.Strip(m.View())), " ") }

// writeLetter fills the form and waits for the letter.
func writeLetter(t *testing.T, m *Model) {
	t.Helper()
	m.form.Resume.SetValue(sreResume)
	m.form.PostingPath.SetValue(srePosting)
	drive(t, m, press(m, "enter"), func() bool { return m.level == levelLetter && m.text != "" && m.renderedFor == m.text })
}

// The letter from the form: named for the job, the template and why, the
// headlines beside it, and every template a key away; the files are
// remembered for the next letter or review.
func TestLetterFromTheForm(t *testing.T) {
	m, st := newScreen(t, common.LLM{})
	m.SetSize(80, 300) // one page: every part is on screen
	writeLetter(t, m)
	v := flat(m)
	for _, want := range []string{"Cover letter · Site Reliability Engineer at Quillstone Media", "chosen because", "Dear [Hiring manager's name],", "LinkedIn headlines", "Summary", "Fill in before you send it"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	seen := map[string]bool{string(m.letter.Template): true}
	for range 3 {
		press(m, "t")
		seen[string(m.letter.Template)] = true
		if m.letter.Reason != "asked for" || m.source != "offline" {
			t.Fatalf("t gives the next template: %+v", m.letter)
		}
	}
	if len(seen) != 3 {
		t.Errorf("t cycles through the three templates, saw %v", seen)
	}
	if r, _, _ := st.Setting(context.Background(), "review.resume"); !strings.HasSuffix(r, "sre.txt") {
		t.Errorf("the resume is not remembered: %q", r)
	}
	if !m.BackLevel() || m.level != levelInputs || m.form.Resume.Value() != sreResume {
		t.Error("esc goes back to the form, keeping what was typed")
	}
}

// s saves the letter whole to the file named, replacing one that is
// there; an edit from $EDITOR replaces the letter, cleaned of escapes.
func TestLetterEditAndSave(t *testing.T) {
	m, _ := newScreen(t, common.LLM{})
	writeLetter(t, m)
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "letter.md")
	press(m, "s")
	if !m.saving || !strings.HasPrefix(m.saveTo.Value(), "cover-letter-quillstone-media") {
		t.Fatalf("s asks for a file name, offering one: %q", m.saveTo.Value())
	}
	m.saveTo.SetValue(path)
	drive(t, m, press(m, "enter"), func() bool { return !m.saving })
	got, err := os.ReadFile(path)
	if err != nil || string(got) != m.text || !strings.Contains(m.notice, "Saved to "+path) {
		t.Fatalf("saved %q (%v), notice %q", got, err, m.notice)
	}
	m.Update(common.EditorDoneMsg{Owner: "session", Text: "not ours"})
	if m.source != "offline" {
		t.Fatal("another screen's editor reply changed the letter")
	}
	m.Update(common.EditorDoneMsg{Owner: owner, Text: "Dear Ms Rivera,\n\nMy own words.\n"})
	if m.source != "edited" || !strings.HasPrefix(m.text, "Dear Ms Rivera") {
		t.Fatalf("the edit is not the letter: %q (%s)", m.text, m.source)
	}
	press(m, "s")
	drive(t, m, press(m, "enter"), func() bool { return !m.saving })
	if got, _ := os.ReadFile(path); !strings.HasPrefix(string(got), "Dear Ms Rivera") {
		t.Errorf("the edit was not saved over the file: %q", got)
	}
	press(m, "s")
	m.saveTo.SetValue(dir)
	drive(t, m, press(m, "enter"), func() bool { return !m.saving })
	if !strings.Contains(m.notice, "is a folder") {
		t.Errorf("saving to a folder: %q", m.notice)
	}
	press(m, "o")
	if m.source != "offline" {
		t.Error("o brings back the offline letter")
	}
}

// Bad files are refused on the form with the reason, and nothing typed is
// lost.
func TestLetterRefusesBadFiles(t *testing.T) {
	m, _ := newScreen(t, common.LLM{})
	dir := t.TempDir()
	bin := filepath.Join(dir, "posting.txt")
	os.WriteFile(bin, []byte("\x00\x01\x02binary"), 0o644)
	m.form.Resume.SetValue(sreResume)
	m.form.PostingPath.SetValue(bin)
	drive(t, m, press(m, "enter"), func() bool { return !m.busy })
	if m.level != levelInputs || m.err == nil || !strings.Contains(flat(m), "not text") || m.form.PostingPath.Value() != bin {
		t.Fatalf("a binary posting: level %d, err %v\n%s", m.level, m.err, flat(m))
	}
}

// The model improves the letter: asked once for consent, streamed, and
// its figures found in neither file marked and kept in what is saved; a
// failing model leaves the offline letter on show, saying why.
func TestLetterDraftedByTheModel(t *testing.T) {
	fail := false
	srv := llmtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		if fail {
			llmtest.WriteError(w, http.StatusInternalServerError, "server_error", "", "the model is down")
			return
		}
		llmtest.WriteStream(w, "letter-model", "Dear [Hiring manager's name],\n\nAt Lumen Streams I cut idle capacity by 35%",
			" and saved 48% on hosting.\n\nKind regards,\nDmitri Volkov\n")
	}, nil)
	lc := config.Default().LLM
	lc.Enabled, lc.BaseURL, lc.Model, lc.MaxRetries = true, srv.BaseURL(), "letter-model", 0
	c, err := llm.New(lc, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	m, _ := newScreen(t, common.LLM{Client: c})
	writeLetter(t, m)
	offline := m.text
	press(m, "l")
	if !m.asking || !strings.Contains(flat(m), "Send your resume's text and the job posting to letter-model") {
		t.Fatalf("l asks before sending:\n%s", flat(m))
	}
	drive(t, m, press(m, "y"), func() bool { return m.draft.Settled() && len(m.invented) > 0 })
	if m.source != "letter-model" || !strings.Contains(m.text, "**48%** ⚠") || strings.Contains(m.text, "35% ⚠") {
		t.Fatalf("the draft's figures are not checked: %q", m.text)
	}
	if v := flat(m); !strings.Contains(v, "⚠ 1 figure in neither your resume nor the posting: 48%") {
		t.Errorf("the invented figure is not listed:\n%s", v)
	}
	press(m, "o")
	if m.text != offline {
		t.Fatal("o goes back to the offline letter")
	}
	fail = true
	m.App.LLM.Documents = common.ConsentGiven
	drive(t, m, press(m, "l"), func() bool { return !m.drafting })
	if m.text != offline || !strings.Contains(m.notice, "offline letter") {
		t.Errorf("after a failure: notice %q", m.notice)
	}
}

// The letter fits the window at every size, with the headlines beside it
// when the window is wide.
func TestLetterFitsEverySize(t *testing.T) {
	m, _ := newScreen(t, common.LLM{})
	writeLetter(t, m)
	for _, sz := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
		m.SetSize(sz[0], sz[1])
		drive(t, m, m.render(), func() bool { return true })
		v := m.View()
		if h := lipgloss.Height(v); h > sz[1] {
			t.Errorf("%dx%d: %d lines", sz[0], sz[1], h)
		}
		for _, l := range strings.Split(v, "\n") {
			if w := ansi.StringWidth(l); w > sz[0] {
				t.Errorf("%dx%d: a line of %d cells: %q", sz[0], sz[1], w, ansi.Strip(l))
			}
		}
	}
	m.SetSize(200, 60)
	m.view.SetContent(m.content(m.text))
	top := strings.Split(ansi.Strip(m.view.View()), "\n")[:4]
	if !strings.Contains(strings.Join(top, "\n"), "LinkedIn headlines") {
		t.Errorf("at 200 columns the headlines are not beside the letter:\n%s", strings.Join(top, "\n"))
	}
}
