package review

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/docform"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
}

const fixtures = "../../coach/resume/testdata"

func newScreen(t *testing.T) (*Model, *store.Store) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := New(common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Store: st, Bank: bank}})
	m.SetSize(80, 23)
	run(m, m.Init())
	return m, st
}

func run(m *Model, cmd tea.Cmd) {
	for cmd != nil {
		msg := cmd()
		if msg == nil {
			return
		}
		if _, ok := msg.(tea.BatchMsg); ok {
			return
		}
		_, cmd = m.Update(msg)
	}
}

func typeText(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func pressKey(m *Model, k tea.KeyType) tea.Cmd {
	_, cmd := m.Update(tea.KeyMsg{Type: k})
	return cmd
}

func reviewFiles(t *testing.T, m *Model, resumeFile, postingFile string) {
	t.Helper()
	typeText(m, resumeFile)
	pressKey(m, tea.KeyTab)
	typeText(m, postingFile)
	run(m, pressKey(m, tea.KeyEnter))
	if m.err != nil {
		t.Fatal(m.err)
	}
}

func TestReviewGoldenInputs(t *testing.T) {
	m, _ := newScreen(t)
	typeText(m, "~/resume.pdf")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestReviewReportSortAndPractice(t *testing.T) {
	m, st := newScreen(t)
	reviewFiles(t, m, filepath.Join(fixtures, "resumes/go-backend.md"), filepath.Join(fixtures, "postings/backend-go.txt"))
	if m.report == nil || m.report.Score <= 0 {
		t.Fatal("no report")
	}
	v := m.reportView()
	for _, want := range []string{"Keywords (by weight", "KEYWORD", "What to change", "likely to be asked"} {
		if !strings.Contains(v, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("s")})
	if m.order != byName || !strings.Contains(m.reportView(), "(by name") {
		t.Fatal("s sorts by name")
	}
	// Rows really are in name order.
	var names []string
	for _, line := range strings.Split(m.reportView(), "\n") {
		if strings.HasPrefix(line, "  ") && strings.Contains(line, " required ") {
			names = append(names, strings.ToLower(strings.TrimSpace(line[2:28])))
		}
	}
	for i := 1; i < len(names); i++ {
		if names[i] < names[i-1] {
			t.Fatalf("not sorted by name: %q before %q", names[i-1], names[i])
		}
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("p")})
	if _, ok := cmd().(common.PushMsg); !ok {
		t.Fatal("p starts practice on the likely questions")
	}
	// The paths are remembered for next time.
	if v, ok, _ := st.Setting(context.Background(), "review.resume"); !ok || !strings.HasSuffix(v, "go-backend.md") {
		t.Fatalf("remembered %q", v)
	}
	again, _ := newScreenWith(t, st)
	if !strings.HasSuffix(again.form.Resume.Value(), "go-backend.md") {
		t.Fatal("the next review starts from the same files")
	}
	if !m.BackLevel() || m.report != nil || m.BackLevel() {
		t.Fatal("esc goes from the report back to the inputs, then leaves")
	}
}

func newScreenWith(t *testing.T, st *store.Store) (*Model, *store.Store) {
	bank, _ := questions.Default()
	m := New(common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Store: st, Bank: bank}})
	m.SetSize(80, 23)
	run(m, m.Init())
	return m, st
}

func TestReviewPastedPostingAndErrors(t *testing.T) {
	m, _ := newScreen(t)
	run(m, pressKey(m, tea.KeyEnter))
	if m.err == nil || !strings.Contains(m.View(), "give the path of your resume") {
		t.Fatalf("missing resume:\n%s", m.View())
	}
	typeText(m, filepath.Join(t.TempDir(), "nope.pdf"))
	pressKey(m, tea.KeyCtrlP)
	if !m.form.Pasting || m.form.Focus != docform.FieldPosting {
		t.Fatal("ctrl+p pastes the posting")
	}
	posting, _ := os.ReadFile(filepath.Join(fixtures, "postings/sre.md"))
	m.form.PostingText.SetValue(string(posting))
	run(m, pressKey(m, tea.KeyCtrlS))
	if m.err == nil || !strings.Contains(m.err.Error(), "nope.pdf") {
		t.Fatalf("an unreadable resume says which file: %v", m.err)
	}
	if m.form.PostingText.Value() != string(posting) {
		t.Fatal("the pasted posting must survive an error")
	}
	m.form.Resume.SetValue(filepath.Join(fixtures, "resumes/sre.txt"))
	run(m, pressKey(m, tea.KeyCtrlS))
	if m.err != nil || m.report == nil {
		t.Fatalf("pasted review: %v", m.err)
	}
}

func TestEscLeavesFromTheInputs(t *testing.T) {
	m, _ := newScreen(t)
	if !m.TakingText() {
		t.Fatal("the inputs take q and ?")
	}
	cmd := pressKey(m, tea.KeyEsc)
	if cmd == nil {
		t.Fatal("esc leaves the screen")
	}
	if _, ok := cmd().(common.BackMsg); !ok {
		t.Fatal("esc sends Back")
	}
}

func TestReviewGoldenReport(t *testing.T) {
	m, _ := newScreen(t)
	reviewFiles(t, m, filepath.Join(fixtures, "resumes/go-backend.md"), filepath.Join(fixtures, "postings/backend-go.txt"))
	golden.RequireEqual(t, []byte(m.View()))
}
