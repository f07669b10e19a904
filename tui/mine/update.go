package mine

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.loaded = true
		m.topic, m.list, m.fileErrs, m.loadErr = msg.topic, msg.list, msg.fileErrs, msg.err
		m.cursor = min(m.cursor, max(len(m.list)-1, 0))
	case savedMsg:
		return m, m.saved(msg)
	case tea.KeyMsg:
		if m.busy {
			return m, nil
		}
		if m.form != nil {
			return m, m.formKey(msg)
		}
		return m, m.listKey(msg)
	}
	return m, nil
}

// TakingText implements common.TextTaker: in the form every key belongs to
// it (q, ? and esc included), and a question waiting for y or n takes esc.
func (m *Model) TakingText() bool { return m.form != nil || m.confirmDelete }

// BackLevel implements common.LevelBacker: from the form to the list,
// asking first if anything was changed.
func (m *Model) BackLevel() bool {
	if m.form == nil {
		return false
	}
	m.leaveForm()
	return true
}

func (m *Model) listKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	if m.confirmDelete {
		switch {
		case key.Matches(msg, k.Yes):
			m.confirmDelete = false
			return m.deleteSelected()
		case key.Matches(msg, k.No):
			m.confirmDelete = false
		}
		return nil
	}
	if !m.editable() {
		return nil
	}
	n := len(m.list)
	switch {
	case key.Matches(msg, k.Up) && n > 0:
		m.cursor = (m.cursor - 1 + n) % n
	case key.Matches(msg, k.Down) && n > 0:
		m.cursor = (m.cursor + 1) % n
	case key.Matches(msg, k.Add):
		m.openForm(nil)
	case key.Matches(msg, k.Edit) && n > 0:
		m.openForm(m.list[m.cursor])
	case key.Matches(msg, k.Delete) && n > 0:
		m.confirmDelete = true
		m.notice, m.err = "", nil
	}
	return nil
}

func (m *Model) openForm(q *questions.Question) {
	m.form = newForm(m.Styles, q)
	m.notice, m.err = "", nil
	m.SetSize(m.Width, m.Height)
}

// leaveForm goes back to the list, asking first when something changed.
func (m *Model) leaveForm() {
	if m.form.dirty() && !m.form.confirmDiscard {
		m.form.confirmDiscard = true
		return
	}
	m.form = nil
}

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	f, k := m.form, m.keys
	if f.confirmDiscard {
		switch {
		case key.Matches(msg, k.Yes):
			m.form = nil
		case key.Matches(msg, k.No):
			f.confirmDiscard = false
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Save):
		return m.save()
	case key.Matches(msg, k.Back):
		m.leaveForm()
		return nil
	case key.Matches(msg, k.Next):
		m.focus(func() { f.move(1) })
		return nil
	case key.Matches(msg, k.Prev):
		m.focus(func() { f.move(-1) })
		return nil
	}
	if a := f.area(f.focus); a != nil {
		var cmd tea.Cmd
		before := a.Value()
		*a, cmd = common.UpdateTextArea(*a, msg)
		f.edited(before != a.Value())
		return cmd
	}
	// Single-line fields and choices: up, down and enter move between
	// fields as in any form.
	switch msg.Type {
	case tea.KeyUp:
		m.focus(func() { f.move(-1) })
		return nil
	case tea.KeyDown, tea.KeyEnter:
		m.focus(func() { f.move(1) })
		return nil
	}
	if in := f.input(f.focus); in != nil {
		var cmd tea.Cmd
		before := in.Value()
		*in, cmd = in.Update(msg)
		f.edited(before != in.Value())
		return cmd
	}
	m.choose(msg)
	f.edited(true)
	return nil
}

// edited drops the focused field's problems once its value changes: they
// were about the old value, and the next ctrl+s checks the new one.
func (f *form) edited(changed bool) {
	if changed {
		delete(f.errs, f.focus)
	}
}

// focus runs a focus change and sizes the newly focused field.
func (m *Model) focus(change func()) {
	change()
	m.form.setAreaHeight(m.bodyHeight() - 1)
}

// choose changes the kind, the roles or the difficulty.
func (m *Model) choose(msg tea.KeyMsg) {
	f := m.form
	d := 0
	switch msg.Type {
	case tea.KeyLeft:
		d = -1
	case tea.KeyRight:
		d = 1
	}
	switch f.focus {
	case fieldKind:
		n := len(questions.Kinds)
		f.kind = (f.kind + d + n) % n
	case fieldDifficulty:
		f.difficulty = (f.difficulty-1+d+3)%3 + 1
	case fieldRoles:
		n := len(questions.Roles)
		f.roleAt = (f.roleAt + d + n) % n
		if key.Matches(msg, m.keys.Toggle) {
			f.roles[f.roleAt] = !f.roles[f.roleAt]
		}
	}
}

// save checks and writes the form's question, in a command.
func (m *Model) save() tea.Cmd {
	f := m.form
	id := f.id
	if id == "" {
		id = newID(f.text.Value(), m.taken)
	}
	q, timeErr := f.question(id)
	list := make([]*questions.Question, 0, len(m.list)+1)
	replaced := false
	for _, x := range m.list {
		if f.id != "" && x.ID == f.id {
			x, replaced = q, true
		}
		list = append(list, x)
	}
	if !replaced {
		list = append(list, q)
	}
	m.busy, m.err, m.notice = true, nil, ""
	return write(m.path, m.topic, m.banksDir, extraFiles(m.App.Bank, m.banksDir), list, id, timeErr)
}

func (m *Model) deleteSelected() tea.Cmd {
	if m.cursor >= len(m.list) {
		return nil
	}
	gone := m.list[m.cursor]
	list := make([]*questions.Question, 0, len(m.list))
	for _, q := range m.list {
		if q != gone {
			list = append(list, q)
		}
	}
	m.busy, m.err, m.notice = true, nil, ""
	cmd := write(m.path, m.topic, m.banksDir, extraFiles(m.App.Bank, m.banksDir), list, "", nil)
	return func() tea.Msg {
		msg := cmd().(savedMsg)
		msg.deleted = true
		return msg
	}
}

// saved takes the result of a write: problems go next to their fields and
// the form stays as typed; success closes the form and hands the reloaded
// bank to the root.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	m.busy = false
	if len(msg.errs) > 0 {
		if m.form != nil {
			m.form.setErrors(msg.errs)
			m.focus(func() { m.form.focusOn(m.form.firstBad()) })
		} else {
			m.err = msg.errs
		}
		return nil
	}
	if msg.err != nil {
		m.err = msg.err
		return nil
	}
	switch {
	case msg.deleted:
		m.notice = "Deleted."
	case m.form != nil && m.form.id == "":
		m.notice = "Added. It is in your bank now: practise it from Practice (p) on the home screen."
	default:
		m.notice = "Saved."
	}
	m.list = msg.list
	m.form = nil
	m.cursor = min(m.cursor, max(len(m.list)-1, 0))
	for i, q := range m.list {
		if msg.id != "" && q.ID == msg.id {
			m.cursor = i
		}
	}
	switch {
	case msg.bankErr != nil:
		m.err = fmt.Errorf("the file is saved, but the bank could not be reloaded: %w", msg.bankErr)
	case len(msg.skipped) > 0:
		m.err = fmt.Errorf("the file is saved, but coach skips it: %s", msg.skipped[0].Msg)
	}
	if msg.bank == nil {
		return nil
	}
	bank := msg.bank
	return func() tea.Msg { return common.BankChangedMsg{Bank: bank} }
}

// setErrors puts each of the validator's messages under the field it
// names; the rest are shown under the form.
func (f *form) setErrors(errs questions.Errors) {
	f.errs, f.general = map[fieldID][]string{}, nil
	for _, e := range errs {
		if id, ok := fieldOf(e.Msg); ok {
			f.errs[id] = append(f.errs[id], e.Msg)
			continue
		}
		f.general = append(f.general, e.Msg)
	}
}

// firstBad is the first field, in form order, with a problem.
func (f *form) firstBad() fieldID {
	for id := fieldID(0); id < fieldCount; id++ {
		if len(f.errs[id]) > 0 && f.visible(id) {
			return id
		}
	}
	return f.focus
}

// fieldNames are the words the parser's messages start with (or name in
// quotes), and the field each means.
var fieldNames = []struct {
	word  string
	field fieldID
}{
	{"key point", fieldKeyPoints}, {"key_points", fieldKeyPoints}, {"follow_ups", fieldFollowUps}, {"follow-up", fieldFollowUps},
	{"text", fieldText}, {"kind", fieldKind}, {"category", fieldCategory},
	{"roles", fieldRoles}, {"role", fieldRoles}, {"difficulty", fieldDifficulty}, {"time", fieldTime},
	{"tags", fieldTags}, {"tag", fieldTags}, {"company", fieldCompany}, {"outline", fieldOutline}, {"why", fieldWhy},
}

// quotedField finds the field in `missing field "why"` and the like.
var quotedField = regexp.MustCompile(`field "([a-z_]+)"`)

// fieldOf maps a validator message to the field it concerns.
func fieldOf(msg string) (fieldID, bool) {
	name := msg
	if m := quotedField.FindStringSubmatch(msg); m != nil {
		name = m[1]
	}
	for _, f := range fieldNames {
		if rest, ok := strings.CutPrefix(name, f.word); ok && (rest == "" || !isWordByte(rest[0])) {
			return f.field, true
		}
	}
	return 0, false
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
