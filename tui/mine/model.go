// Package mine is the "Your questions" screen: the questions the candidate
// wrote, kept in mine.yaml in the banks folder beside the config file, and
// a form to add, edit and delete them. Every save goes through the bank's
// own validator and replaces the file atomically; the reloaded bank goes
// to the root at once, so a new question can be practised straight away.
package mine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

// FileName is the user's bank file the screen writes, in the banks folder.
const FileName = "mine.yaml"

// defaultTopic names a new file's questions.
const defaultTopic = "My questions"

// Model is the screen.
type Model struct {
	common.Common
	keys keyMap

	path     string // <banks folder>/mine.yaml
	shown    string // path as shown, ~ for the home folder
	banksDir string

	loaded bool
	topic  string
	list   []*questions.Question // the file's questions, in file order
	// fileErrs are problems that make the loader skip the file; while
	// there are any the screen will not rewrite it.
	fileErrs questions.Errors
	loadErr  error

	cursor        int
	confirmDelete bool
	form          *form // the second level, when open

	busy   bool   // a save or delete is being written
	notice string // what the last write did
	err    error  // a write or reload that failed, not tied to a field
}

// New returns the screen for the user's questions file.
func New(c common.Common) *Model {
	m := &Model{Common: c, keys: defaultKeys(), topic: defaultTopic}
	if c.App != nil && c.App.Info.ConfigPath != "" {
		m.banksDir = coach.BanksDir(c.App.Info.ConfigPath)
		m.path = filepath.Join(m.banksDir, FileName)
		m.shown = homeRelative(m.path)
	}
	return m
}

// SetSize implements common.Screen.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	if m.form != nil {
		m.form.setWidth(m.valueWidth())
		m.form.setAreaHeight(m.bodyHeight() - 1)
	}
}

// Init reads the file.
func (m *Model) Init() tea.Cmd { return load(m.path) }

type loadedMsg struct {
	topic    string
	list     []*questions.Question
	fileErrs questions.Errors
	err      error
}

// load reads the file the way the app's loader does, ids checked too. A
// missing file is an empty list.
func load(path string) tea.Cmd {
	return func() tea.Msg {
		if path == "" {
			return loadedMsg{err: errors.New("coach does not know where your config folder is")}
		}
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			return loadedMsg{topic: defaultTopic}
		}
		if err != nil {
			return loadedMsg{err: err}
		}
		p, err := coach.BankParser()
		if err != nil {
			return loadedMsg{err: err}
		}
		msg := loadedMsg{topic: questions.FileTopic(data)}
		if msg.topic == "" {
			msg.topic = defaultTopic
		}
		b := questions.FromFiles([]string{path}, p)
		if len(b.Problems) > 0 {
			msg.fileErrs = b.Problems[0].Errors
			return msg
		}
		msg.list = b.Questions()
		return msg
	}
}

// savedMsg is the result of writing the file.
type savedMsg struct {
	list    []*questions.Question // what the file now holds
	id      string                // the question saved; empty after a delete
	deleted bool
	errs    questions.Errors // the validator's problems; nothing was written
	err     error            // the write failed; nothing was changed
	bank    *questions.Bank  // the bank reloaded after the write
	bankErr error
	skipped questions.Errors // problems the reloaded bank found in the file
}

// write saves list to the file and reloads the bank. timeErr is a time
// the form could not read: nothing is written then, but the rest is
// still checked so every problem shows at once.
func write(path, topic, banksDir string, extra []string, list []*questions.Question, id string, timeErr error) tea.Cmd {
	return func() tea.Msg {
		p, err := coach.BankParser()
		if err != nil {
			return savedMsg{err: err}
		}
		if timeErr != nil {
			data, err := questions.Marshal(topic, list)
			if err != nil {
				return savedMsg{err: err}
			}
			_, errs := p.ParseFile(path, data)
			errs = append(errs, &questions.Error{File: path, Question: id, Msg: timeErr.Error()})
			return savedMsg{errs: errs}
		}
		err = questions.SaveFile(path, topic, list, p)
		var errs questions.Errors
		if errors.As(err, &errs) {
			return savedMsg{errs: errs}
		}
		if err != nil {
			return savedMsg{err: err}
		}
		msg := savedMsg{list: list, id: id}
		msg.bank, msg.bankErr = coach.LoadBank(banksDir, extra)
		if msg.bank != nil {
			for _, pr := range msg.bank.Problems {
				if pr.File == path {
					msg.skipped = pr.Errors
				}
			}
		}
		return msg
	}
}

// extraFiles are the bank files the app was started with (--bank) that are
// not in the banks folder, found from where the loaded questions and
// problems came from, so reloading keeps them.
func extraFiles(b *questions.Bank, banksDir string) []string {
	if b == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		if f == "" || seen[f] || f == banksDir || filepath.Clean(filepath.Dir(f)) == filepath.Clean(banksDir) {
			return
		}
		seen[f] = true
		out = append(out, f)
	}
	for _, q := range b.Questions() {
		if q.Source.User {
			add(q.Source.File)
		}
	}
	for _, p := range b.Problems {
		add(p.File)
	}
	return out
}

// editable reports whether the file may be written: it has been read and
// the loader accepts it.
func (m *Model) editable() bool {
	return m.loaded && m.loadErr == nil && len(m.fileErrs) == 0
}

// newID makes an id for a new question: "my-" and the first words of its
// text in kebab-case, with a number added if it is taken.
func newID(text string, taken func(string) bool) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range strings.ToLower(text) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			w.WriteRune(r)
		case r == '\'' || r == '’':
			// "don't" is one word
		default:
			flush()
		}
	}
	flush()
	slug := ""
	for _, word := range words {
		if slug != "" && len(slug)+1+len(word) > 40 {
			break
		}
		if slug != "" {
			slug += "-"
		}
		slug += word
		if len(slug) > 40 {
			slug = strings.Trim(slug[:40], "-")
			break
		}
	}
	if slug == "" {
		slug = "question"
	}
	base := "my-" + slug
	id := base
	for n := 2; taken(id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

// taken reports whether an id is used in the file or the loaded bank.
func (m *Model) taken(id string) bool {
	for _, q := range m.list {
		if q.ID == id {
			return true
		}
	}
	if m.App != nil && m.App.Bank != nil {
		if _, ok := m.App.Bank.Get(id); ok {
			return true
		}
	}
	return false
}
