package common

import (
	"fmt"
	tea "github.com/charmbracelet/bubbletea"
	"os"
	"os/exec"

	"github.com/coach-tui/coach/questions/textsafe"
)

// EditorReadyMsg says the text to edit is in a temporary file; Owner is
// the screen that asked.
type EditorReadyMsg struct {
	Owner, Path string
	Err         error
}

// EditorDoneMsg carries the text back from the editor, cleaned: an
// editor can leave any bytes in the file.
type EditorDoneMsg struct {
	Owner, Text string
	Err         error
}

// OpenEditor writes text to a temporary file named like pattern, in a
// command; RunEditor opens it once it is there.
func OpenEditor(owner, pattern, text string) tea.Cmd {
	return func() tea.Msg {
		f, err := os.CreateTemp("", pattern)
		if err != nil {
			return EditorReadyMsg{Owner: owner, Err: err}
		}
		_, werr := f.WriteString(text)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			os.Remove(f.Name())
			return EditorReadyMsg{Owner: owner, Err: werr}
		}
		return EditorReadyMsg{Owner: owner, Path: f.Name()}
	}
}

// RunEditor hands the file to $VISUAL or $EDITOR (vi when neither is set),
// suspending the program, and reads the text back when the editor exits.
func RunEditor(owner, path string) tea.Cmd {
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	if editor == "" {
		editor = "vi"
	}
	cmd := exec.Command("sh", "-c", editor+` "$1"`, "sh", path)
	return tea.ExecProcess(cmd, func(err error) tea.Msg {
		defer os.Remove(path)
		if err != nil {
			return EditorDoneMsg{Owner: owner, Err: fmt.Errorf("%s: %w", editor, err)}
		}
		b, rerr := os.ReadFile(path)
		return EditorDoneMsg{Owner: owner, Text: textsafe.Clean(string(b)), Err: rerr}
	})
}
