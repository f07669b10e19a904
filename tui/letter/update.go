package letter

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/google/renameio/v2/maybe"

	"github.com/coach-tui/coach/coach/letter"
	"github.com/coach-tui/coach/coach/resume"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/docform"
)

type writtenMsg struct {
	doc     resume.Document
	posting string
	facts   *resume.Facts
	err     error
}

type renderedMsg struct {
	text, out string
}

type savedMsg struct {
	path string
	err  error
}

// run reads the form's files in a command, then writes the letter.
func (m *Model) run() tea.Cmd {
	in := m.form.Inputs()
	st, bank := m.App.Store, m.App.Bank
	return func() tea.Msg {
		var msg writtenMsg
		msg.err = in.Use(st, func(doc resume.Document, posting string) (err error) {
			msg.doc, msg.posting = doc, posting
			msg.facts, err = resume.LetterFacts(doc, posting, resume.Options{Bank: bank})
			return err
		})
		return msg
	}
}

// write gathers the facts of files already read, in a command.
func (m *Model) write(doc resume.Document, posting string) tea.Cmd {
	bank := m.App.Bank
	return func() tea.Msg {
		f, err := resume.LetterFacts(doc, posting, resume.Options{Bank: bank})
		return writtenMsg{doc: doc, posting: posting, facts: f, err: err}
	}
}

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	cmd := m.update(msg)
	m.layout()
	if m.drafting {
		m.refreshDraft()
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	if cmd, ok := m.draft.Update(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case docform.RememberedMsg:
		m.form.Fill(msg)
	case writtenMsg:
		m.busy, m.err = false, msg.err
		if msg.err != nil {
			return nil
		}
		m.doc, m.posting, m.facts = msg.doc, msg.posting, msg.facts
		m.heads = letter.WriteHeadlines(msg.facts)
		m.level, m.notice, m.asking = levelLetter, "", false
		return m.showOffline()
	case renderedMsg:
		if msg.text == m.text && !m.drafting {
			m.view.SetContent(m.content(msg.out))
			m.renderedFor = msg.text
		}
	case common.EditorReadyMsg:
		if msg.Owner != owner {
			return nil
		}
		if msg.Err != nil {
			m.notice = "The editor could not open: " + msg.Err.Error()
			return nil
		}
		return common.RunEditor(msg.Owner, msg.Path)
	case common.EditorDoneMsg:
		if msg.Owner != owner {
			return nil
		}
		if msg.Err != nil {
			m.notice = "The editor failed, and the letter is as it was: " + msg.Err.Error()
			return nil
		}
		if strings.TrimSpace(msg.Text) == "" {
			m.notice = "The edited letter was empty, so the letter is as it was."
			return nil
		}
		m.stopDraft()
		m.text, m.source, m.notice = strings.TrimRight(msg.Text, "\n")+"\n", "edited", "Your edits are in; s saves them."
		return m.render()
	case savedMsg:
		m.saving = false
		if msg.err != nil {
			m.notice = "Not saved: " + msg.err.Error()
		} else {
			m.notice = "Saved to " + msg.path + "."
		}
	case tea.WindowSizeMsg:
		if m.level == levelLetter {
			return tea.Batch(m.render(), m.draft.SetWidth(m.letterWidth()))
		}
	case tea.KeyMsg:
		if m.level == levelInputs {
			return m.inputKey(msg)
		}
		return m.letterKey(msg)
	default:
		return m.handleDraft(msg)
	}
	return nil
}

// owner tells this screen's editor messages from the answer screen's.
const owner = "letter"

func (m *Model) inputKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case msg.Type == tea.KeyEsc:
		return common.Back
	case m.busy:
		return nil
	}
	cmd, submit := m.form.Update(msg)
	if !submit {
		return cmd
	}
	if err := m.form.Check(); err != nil {
		m.err = err
		return nil
	}
	m.busy, m.err = true, nil
	return m.run()
}

func (m *Model) letterKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if m.saving {
		return m.saveKey(msg)
	}
	if m.view.Searching() || m.view.Searched() && key.Matches(msg, common.SearchNext, common.SearchPrev) && !m.asking {
		m.view, _ = m.view.Update(msg)
		return nil
	}
	switch {
	case m.asking && key.Matches(msg, k.Consent):
		return m.answerConsent(true)
	case m.asking && key.Matches(msg, k.Decline):
		return m.answerConsent(false)
	case key.Matches(msg, k.Template):
		m.template = nextTemplate(m.letter.Template, msg.String() == "left")
		return m.showOffline()
	case key.Matches(msg, k.Offline) && m.source != "offline":
		return m.showOffline()
	case key.Matches(msg, k.Edit):
		m.notice = ""
		return common.OpenEditor(owner, "coach-cover-letter-*.md", m.text)
	case key.Matches(msg, k.Save):
		m.saving, m.notice = true, ""
		if m.saveTo.Value() == "" {
			m.saveTo.SetValue(defaultFile(m.facts.Posting.Company))
		}
		m.saveTo.CursorEnd()
		return m.saveTo.Focus()
	case m.llmOffered() && key.Matches(msg, k.Draft):
		m.notice = ""
		return m.requestDraft()
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return cmd
}

// showOffline writes the offline letter in the template asked for.
func (m *Model) showOffline() tea.Cmd {
	m.stopDraft()
	m.letter = letter.Write(m.facts, m.template)
	m.text, m.source = m.letter.Text, "offline"
	m.view.GotoTop()
	return m.render()
}

// render turns the letter's markdown into the screen's text in a command:
// glamour takes tens of milliseconds.
func (m *Model) render() tea.Cmd {
	text, md, width := m.text, m.Markdown, m.letterWidth()
	// until glamour is done, the text wrapped plainly
	m.view.SetContent(m.content(m.Styles.Text.Width(width).Render(text)))
	return func() tea.Msg {
		out, err := md.Render(text, width)
		if err != nil {
			out = text
		}
		return renderedMsg{text: text, out: out}
	}
}

func (m *Model) saveKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEnter:
		path := docform.Expand(strings.TrimSpace(m.saveTo.Value()))
		if path == "" {
			m.notice = "Type a file name first."
			return nil
		}
		text := m.text
		return func() tea.Msg { return savedMsg{path: path, err: save(path, text)} }
	case tea.KeyEsc:
		m.saving = false
		return nil
	}
	var cmd tea.Cmd
	m.saveTo, cmd = m.saveTo.Update(msg)
	return cmd
}

// save writes the letter whole or not at all, so a crash leaves the old
// file and never half a letter.
func save(path, text string) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s is a folder: give a file name", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return maybe.WriteFile(path, []byte(text), 0o644)
}

var unsafeName = regexp.MustCompile(`[^a-z0-9]+`)

// defaultFile names the letter after the company.
func defaultFile(company string) string {
	slug := strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(company), "-"), "-")
	if slug == "" {
		return "cover-letter.md"
	}
	return "cover-letter-" + slug + ".md"
}

func nextTemplate(t letter.Template, back bool) letter.Template {
	all := letter.Templates
	i := 0
	for j, x := range all {
		if x == t {
			i = j
		}
	}
	if back {
		return all[(i+len(all)-1)%len(all)]
	}
	return all[(i+1)%len(all)]
}
