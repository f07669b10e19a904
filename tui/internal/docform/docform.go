// Package docform is the resume-and-posting form that the resume review
// and the cover letter share: a resume file, and a job posting as a file
// or pasted text, remembered between runs so a second use needs no
// typing.
package docform

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/resume"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/tui/common"
)

// Field is the field that has the focus.
type Field int

// The fields.
const (
	FieldResume Field = iota
	FieldPosting
)

// The remembered inputs, shared by every screen with this form.
const (
	settingResume  = "review.resume"
	settingPosting = "review.posting"
)

// Form is the two fields and the pasted posting.
type Form struct {
	Resume      textinput.Model
	PostingPath textinput.Model
	PostingText textarea.Model
	Pasting     bool
	Focus       Field
	Keys        Keys
}

// Keys are the form's keys.
type Keys struct{ Next, Run, Paste key.Binding }

// New returns an empty form with the resume field focused; run names what
// enter does ("review", "write the letter").
func New(st *common.Styles, run string) *Form {
	rp := common.NewTextInput(st, "~/resume.pdf (.pdf, .docx, .md or .txt)")
	rp.Prompt = ""
	pp := common.NewTextInput(st, "~/posting.txt, or ctrl+p to paste it")
	pp.Prompt = ""
	f := &Form{Resume: rp, PostingPath: pp, PostingText: common.NewTextArea(st, "Paste the job posting here."),
		Keys: Keys{
			Next:  key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "next field")),
			Run:   key.NewBinding(key.WithKeys("ctrl+s", "enter"), key.WithHelp("enter", run)),
			Paste: key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "paste the posting instead")),
		}}
	f.Resume.Focus()
	return f
}

// SetSize fits the fields to a window of w by h.
func (f *Form) SetSize(w, h int) {
	f.Resume.Width = max(w-22, 10)
	f.PostingPath.Width = max(w-22, 10)
	f.PostingText.SetWidth(max(w-4, 10))
	f.PostingText.SetHeight(max(h-9, 3))
}

// Update takes a key: tab moves, ctrl+p switches between a file and
// pasted text, enter (ctrl+s in the pasted text) submits, and the rest
// is typed. submit is true when the user asked to go ahead.
func (f *Form) Update(msg tea.KeyMsg) (cmd tea.Cmd, submit bool) {
	switch {
	case key.Matches(msg, f.Keys.Next):
		f.SetFocus(1 - f.Focus)
		return nil, false
	case key.Matches(msg, f.Keys.Paste):
		f.Pasting = !f.Pasting
		f.SetFocus(FieldPosting)
		return nil, false
	case key.Matches(msg, f.Keys.Run) && !(f.Pasting && f.Focus == FieldPosting && msg.String() == "enter"):
		return nil, true
	}
	switch {
	case f.Focus == FieldResume:
		f.Resume, cmd = f.Resume.Update(msg)
	case f.Pasting:
		f.PostingText, cmd = common.UpdateTextArea(f.PostingText, msg)
	default:
		f.PostingPath, cmd = f.PostingPath.Update(msg)
	}
	return cmd, false
}

// SetFocus moves the cursor to field.
func (f *Form) SetFocus(field Field) {
	f.Focus = field
	f.Resume.Blur()
	f.PostingPath.Blur()
	f.PostingText.Blur()
	switch {
	case field == FieldResume:
		f.Resume.Focus()
	case f.Pasting:
		f.PostingText.Focus()
	default:
		f.PostingPath.Focus()
	}
}

// Check says what is missing before the form can be used, moving the
// focus there.
func (f *Form) Check() error {
	switch {
	case strings.TrimSpace(f.Resume.Value()) == "":
		f.SetFocus(FieldResume)
		return errors.New("give the path of your resume first")
	case f.Pasting && strings.TrimSpace(f.PostingText.Value()) == "":
		return errors.New("paste the job posting first")
	case !f.Pasting && strings.TrimSpace(f.PostingPath.Value()) == "":
		f.SetFocus(FieldPosting)
		return errors.New("give the posting's file, or press ctrl+p to paste it")
	}
	return nil
}

// Lines are the form's rows for a screen: each label, in the selected
// style when its field has the focus, and its field.
func (f *Form) Lines(st *common.Styles) []string {
	label := func(field Field, text string) string {
		if f.Focus == field {
			return st.Selected.Render(fmt.Sprintf("%-16s", text))
		}
		return st.Muted.Render(fmt.Sprintf("%-16s", text))
	}
	lines := []string{label(FieldResume, "Resume file") + f.Resume.View()}
	if f.Pasting {
		return append(lines, label(FieldPosting, "Job posting")+st.Faint.Render("pasted below (ctrl+p for a file)"), f.PostingText.View())
	}
	return append(lines, label(FieldPosting, "Job posting")+f.PostingPath.View())
}

// Help is the form's keys, with enter's name when the pasted text takes
// enter for new lines.
func (f *Form) Help() []key.Binding {
	run := f.Keys.Run
	if f.Pasting && f.Focus == FieldPosting {
		run.SetHelp("ctrl+s", run.Help().Desc)
	}
	return []key.Binding{run, f.Keys.Next, f.Keys.Paste}
}

// Inputs are the form's values, read off the screen for a command.
type Inputs struct {
	ResumePath, PostingPath, Pasted string
	Pasting                         bool
}

// Inputs reads the fields.
func (f *Form) Inputs() Inputs {
	return Inputs{ResumePath: Expand(strings.TrimSpace(f.Resume.Value())),
		PostingPath: Expand(strings.TrimSpace(f.PostingPath.Value())),
		Pasted:      f.PostingText.Value(), Pasting: f.Pasting}
}

// Read reads the resume and the posting; it does I/O, so it runs in a
// command.
func (in Inputs) Read() (resume.Document, string, error) {
	doc, err := resume.ReadFile(in.ResumePath)
	if err != nil {
		return doc, "", err
	}
	if in.Pasting {
		return doc, in.Pasted, nil
	}
	fh, err := os.Open(in.PostingPath)
	if err != nil {
		return doc, "", err
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, resume.MaxPostingBytes+1))
	if err != nil {
		return doc, "", err
	}
	if len(b) > resume.MaxPostingBytes {
		return doc, "", fmt.Errorf("%s: larger than %d MB, which is not a job posting", in.PostingPath, resume.MaxPostingBytes>>20)
	}
	return doc, string(b), nil
}

// Use reads the files and hands them to use; when use succeeds, the
// paths are remembered for next time. It does I/O, so it runs in a
// command.
func (in Inputs) Use(st *store.Store, use func(doc resume.Document, posting string) error) error {
	doc, posting, err := in.Read()
	if err != nil {
		return err
	}
	if err := use(doc, posting); err != nil {
		return err
	}
	in.remember(st)
	return nil
}

// remember keeps the paths for next time; a pasted posting is not kept.
func (in Inputs) remember(st *store.Store) {
	if st == nil {
		return
	}
	ctx := context.Background()
	_ = st.SetSetting(ctx, settingResume, in.ResumePath)
	if !in.Pasting {
		_ = st.SetSetting(ctx, settingPosting, in.PostingPath)
	}
}

// RememberedMsg carries the paths used last time.
type RememberedMsg struct{ Resume, Posting string }

// Recall reads the paths used last time, in a command.
func Recall(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		if st == nil {
			return nil
		}
		ctx := context.Background()
		r, _, _ := st.Setting(ctx, settingResume)
		p, _, _ := st.Setting(ctx, settingPosting)
		return RememberedMsg{r, p}
	}
}

// Fill puts remembered paths into the fields the user has not typed in.
func (f *Form) Fill(msg RememberedMsg) {
	if f.Resume.Value() == "" {
		f.Resume.SetValue(msg.Resume)
	}
	if f.PostingPath.Value() == "" {
		f.PostingPath.SetValue(msg.Posting)
	}
}

// Expand turns a leading ~ into the home folder, as a shell would.
func Expand(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[1:])
		}
	}
	return p
}
