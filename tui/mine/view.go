package mine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

// labelWidth is the cells before a value: the cursor, the label, a gap.
const labelWidth = 14

// View implements common.Screen.
func (m *Model) View() string {
	header := []string{m.title()}
	gap := 0 // a blank line after the title and before the footer
	if m.roomy() {
		gap = 1
		header = append(header, "")
	}
	var footer []string
	if m.form != nil {
		footer = m.formFooter()
	} else {
		footer = m.listFooter()
	}
	rows := max(m.Height-m.padTop()-len(header)-len(footer)-gap, 1)
	var body []string
	if m.form != nil {
		body = m.formBody(rows)
		// The form keeps its hint and status at the bottom.
		body = append(body, make([]string, max(rows-len(body), 0))...)
	} else {
		body = m.listBody(rows)
	}
	lines := append(header, body...)
	if len(footer) > 0 {
		if gap > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, footer...)
	}
	style := m.Styles.App
	if m.padTop() == 0 {
		style = style.PaddingTop(0)
	}
	return common.Fit(style.Render(strings.Join(lines, "\n")), m.Width, m.Height)
}

// roomy windows get a padding line on top and blank lines between parts.
func (m *Model) roomy() bool { return m.Height >= 18 }

func (m *Model) padTop() int {
	if m.roomy() {
		return 1
	}
	return 0
}

func (m *Model) inner() int { return max(m.Width-4, 10) }

func (m *Model) valueWidth() int { return max(m.inner()-labelWidth, 10) }

// bodyHeight is the room for fields between the title and the two lines
// under the form.
func (m *Model) bodyHeight() int {
	h := m.Height - 3
	if m.roomy() {
		h -= 3
	}
	return max(h, 2)
}

func (m *Model) title() string {
	st := m.Styles
	t := st.Title.Render("Your questions")
	switch {
	case m.form == nil:
		if m.shown != "" {
			t += st.Muted.Render(" · " + m.shown)
		}
	case m.form.id == "":
		t += st.Muted.Render(" · new question")
	default:
		t += st.Muted.Render(" · editing " + m.form.id)
	}
	if m.form != nil && m.form.dirty() {
		t += st.Faint.Render(" · not saved")
	}
	return t
}

// homeRelative shortens a path under the home folder to ~/….
func homeRelative(path string) string {
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if rel, err := filepath.Rel(home, path); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.Join("~", rel)
		}
	}
	return path
}

var shortKinds = map[questions.Kind]string{
	questions.Behavioral: "behavioural", questions.Technical: "technical", questions.SystemDesign: "system design",
	questions.Situational: "situational", questions.AskInterviewer: "to ask them",
}

func (m *Model) listBody(rows int) []string {
	st := m.Styles
	w := m.inner()
	switch {
	case !m.loaded:
		return []string{st.Faint.Render("Loading…")}
	case m.loadErr != nil:
		return strings.Split(st.Bad.Width(w).Render(fmt.Sprintf("Could not read %s: %v", m.path, m.loadErr)), "\n")
	case len(m.fileErrs) > 0:
		out := strings.Split(st.Warn.Width(w).Render("coach skips this file because of the problems below. "+
			"Fix them in an editor (coach bank validate lists them too); until then this screen leaves the file alone."), "\n")
		out = append(out, "")
		for _, e := range m.fileErrs {
			msg := e.Msg
			if e.Line > 0 {
				msg = fmt.Sprintf("line %d: %s", e.Line, msg)
			}
			out = append(out, st.Bad.Render(common.SanitizeText(msg)))
		}
		return out
	case len(m.list) == 0:
		return strings.Split(st.Muted.Width(w).Render("No questions of your own yet. Press a to add one: a question you "+
			"found hard, or one you were asked in a real interview. It is practised and drilled like any other."), "\n")
	}
	offset := max(m.cursor-rows+1, 0)
	var out []string
	for i := offset; i < min(len(m.list), offset+rows); i++ {
		q := m.list[i]
		text := strings.Join(strings.Fields(common.SanitizeText(q.Text)), " ")
		right := ""
		if q.Company != "" {
			right = " · " + common.SanitizeText(q.Company)
		}
		room := w - 2 - 15 - lipgloss.Width(right)
		if lipgloss.Width(text) > room {
			text = ansi.Truncate(text, max(room, 1), "…")
		}
		kind := fmt.Sprintf("%-13s  ", shortKinds[q.Kind])
		if i == m.cursor {
			out = append(out, st.Selected.Render("› "+kind+text)+st.Faint.Render(right))
		} else {
			out = append(out, "  "+st.Muted.Render(kind)+st.Text.Render(text)+st.Faint.Render(right))
		}
	}
	return out
}

func (m *Model) listFooter() []string {
	st := m.Styles
	w := m.inner()
	var out []string
	switch {
	case m.confirmDelete && m.cursor < len(m.list):
		text := strings.Join(strings.Fields(common.SanitizeText(m.list[m.cursor].Text)), " ")
		if r := []rune(text); len(r) > 50 {
			text = string(r[:49]) + "…"
		}
		out = append(out, st.Warn.Width(w).Render(fmt.Sprintf("Delete \"%s\"? y deletes it, n keeps it.", text)))
	case m.busy:
		out = append(out, st.Muted.Render("Saving…"))
	case m.notice != "":
		out = append(out, st.Good.Width(w).Render(m.notice))
	}
	if m.err != nil {
		out = append(out, st.Bad.Width(w).Render(common.SanitizeText(m.err.Error())))
	}
	if len(out) == 0 {
		return nil
	}
	return strings.Split(strings.Join(out, "\n"), "\n")
}

// formBody lays out every field and shows the part that holds the focused
// one (with its problems) in rows lines.
func (m *Model) formBody(rows int) []string {
	f := m.form
	st := m.Styles
	var lines []string
	start, end := 0, 0
	for id := fieldID(0); id < fieldCount; id++ {
		if !f.visible(id) {
			continue
		}
		cursor, label := "  ", st.Muted.Render(fmt.Sprintf("%-*s", labelWidth-4, fieldLabels[id]))
		if id == f.focus {
			cursor = st.Selected.Render("› ")
			label = st.Text.Render(fmt.Sprintf("%-*s", labelWidth-4, fieldLabels[id]))
		}
		if len(f.errs[id]) > 0 {
			label = st.Bad.Render(fmt.Sprintf("%-*s", labelWidth-4, fieldLabels[id]))
		}
		if id == f.focus {
			start = len(lines)
		}
		indent := strings.Repeat(" ", labelWidth)
		for i, l := range strings.Split(m.fieldView(id), "\n") {
			if i == 0 {
				lines = append(lines, cursor+label+"  "+l)
			} else {
				lines = append(lines, indent+l)
			}
		}
		for _, e := range f.errs[id] {
			for _, l := range strings.Split(st.Bad.Width(m.valueWidth()).Render(common.SanitizeText(e)), "\n") {
				lines = append(lines, indent+l)
			}
		}
		if id == f.focus {
			end = len(lines)
		}
	}
	offset := 0
	if end > rows {
		offset = end - rows
	}
	if start < offset {
		offset = start
	}
	return lines[offset:min(len(lines), offset+rows)]
}

// fieldView is a field's value as shown in the form.
func (m *Model) fieldView(id fieldID) string {
	f, st := m.form, m.Styles
	w := m.valueWidth()
	if a := f.area(id); a != nil {
		if id == f.focus {
			return a.View()
		}
		return preview(st, a.Value(), a.Placeholder, w)
	}
	if in := f.input(id); in != nil {
		return in.View()
	}
	switch id {
	case fieldKind:
		return choiceView(st, kindNames[f.kindValue()], id == f.focus)
	case fieldDifficulty:
		return choiceView(st, difficultyNames[f.difficulty-1], id == f.focus)
	case fieldRoles:
		return m.rolesView(w)
	}
	return ""
}

func choiceView(st *common.Styles, value string, focused bool) string {
	if focused {
		return st.Faint.Render("‹ ") + st.Selected.Render(value) + st.Faint.Render(" ›")
	}
	return st.Text.Render(value)
}

// rolesView shows every role with a tick box, wrapped to the width; the
// one under the cursor is marked while the field has focus.
func (m *Model) rolesView(w int) string {
	f, st := m.form, m.Styles
	var lines []string
	line, lineW := "", 0
	for i, r := range questions.Roles {
		box, style := "[ ] ", st.Muted
		if f.roles[i] {
			box, style = "[x] ", st.Text
		}
		lead := " "
		if f.focus == fieldRoles && i == f.roleAt {
			lead, style = st.Selected.Render("›"), st.Selected
		}
		token := box + string(r)
		tw := 1 + lipgloss.Width(token)
		if lineW > 0 && lineW+1+tw > w {
			lines = append(lines, line)
			line, lineW = "", 0
		}
		if lineW > 0 {
			line += " "
			lineW++
		}
		line += lead + style.Render(token)
		lineW += tw
	}
	return strings.Join(append(lines, line), "\n")
}

// preview is a blurred multi-line field: its first lines, wrapped.
func preview(st *common.Styles, value, placeholder string, w int) string {
	if strings.TrimSpace(value) == "" {
		return st.Faint.Render(ansi.Truncate(strings.ReplaceAll(placeholder, "\n", " "), w, "…"))
	}
	wrapped := strings.Split(lipgloss.NewStyle().Width(w).Render(common.SanitizeText(strings.TrimRight(value, "\n "))), "\n")
	for i := range wrapped {
		wrapped[i] = strings.TrimRight(wrapped[i], " ")
	}
	if len(wrapped) > previewLines {
		wrapped = wrapped[:previewLines]
		last := wrapped[previewLines-1]
		if lipgloss.Width(last) >= w {
			last = ansi.Truncate(last, w-1, "")
		}
		wrapped[previewLines-1] = last + "…"
	}
	return st.Text.Render(strings.Join(wrapped, "\n"))
}

func (m *Model) formFooter() []string {
	f, st := m.form, m.Styles
	w := m.inner()
	out := []string{st.Faint.Render(fieldHints[f.focus])}
	var status string
	switch {
	case f.confirmDiscard:
		status = st.Warn.Width(w).Render("Discard your changes? y discards them, n keeps editing.")
	case m.busy:
		status = st.Muted.Render("Saving…")
	case m.err != nil:
		status = st.Bad.Width(w).Render("Not saved: " + common.SanitizeText(m.err.Error()))
	case len(f.general) > 0:
		status = st.Bad.Width(w).Render("Not saved: " + common.SanitizeText(strings.Join(f.general, "; ")))
	case len(f.errs) > 0:
		status = st.Bad.Width(w).Render("Not saved: fix what is marked under the fields, then press ctrl+s.")
	}
	if status != "" {
		out = append(out, strings.Split(status, "\n")...)
	}
	return out
}
