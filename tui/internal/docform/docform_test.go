package docform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/tui/common"
)

// Check names what is missing and moves the cursor there; a posting file
// too large to be one is refused before it is read whole.
func TestFormChecksAndReads(t *testing.T) {
	f := New(common.NewStyles(common.DefaultTheme()), "write")
	if err := f.Check(); err == nil || !strings.Contains(err.Error(), "resume") || f.Focus != FieldResume {
		t.Fatalf("empty form: %v, focus %d", err, f.Focus)
	}
	dir := t.TempDir()
	cv := filepath.Join(dir, "cv.md")
	os.WriteFile(cv, []byte("# Ada Lovelace\n\n## Experience\n\n- Built things.\n"), 0o644)
	f.Resume.SetValue(cv)
	if err := f.Check(); err == nil || f.Focus != FieldPosting {
		t.Fatalf("no posting: %v, focus %d", err, f.Focus)
	}
	f.Update(tea.KeyMsg{Type: tea.KeyCtrlP})
	if !f.Pasting || f.Focus != FieldPosting {
		t.Fatal("ctrl+p switches to pasting")
	}
	if _, submit := f.Update(tea.KeyMsg{Type: tea.KeyEnter}); submit {
		t.Fatal("enter in the pasted posting is a new line, not submit")
	}
	f.Update(tea.KeyMsg{Type: tea.KeyCtrlP})
	big := filepath.Join(dir, "posting.txt")
	os.WriteFile(big, []byte(strings.Repeat("a", 2<<20)), 0o644)
	f.PostingPath.SetValue(big)
	if _, _, err := f.Inputs().Read(); err == nil || !strings.Contains(err.Error(), "not a job posting") {
		t.Fatalf("a 2 MB posting: %v", err)
	}
	os.WriteFile(big, []byte("Backend Engineer\n\nBuild APIs in Go."), 0o644)
	doc, posting, err := f.Inputs().Read()
	if err != nil || doc.Name != "cv.md" || !strings.HasPrefix(posting, "Backend Engineer") {
		t.Fatalf("%v %q %q", err, doc.Name, posting)
	}
}
