package settings

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/tui/common"
)

type row struct{ label, value, note string }

func (m *Model) rows() []row {
	info := m.App.Info
	cfg := row{"Config file", info.ConfigPath, "not created yet: coach config init writes one"}
	if info.ConfigExists || m.wrote {
		cfg.note = "edit it, then restart coach"
	}
	db := row{"Database", "opening…", ""}
	if s := m.App.Store; s != nil {
		db = row{"Database", s.Path(), "your answers and ratings; private to you (0600)"}
	}
	theme := info.Theme
	if theme == "auto" {
		theme = "auto (" + map[bool]string{true: "dark", false: "light"}[info.Dark] + " background found)"
	}
	colour := "on"
	if !info.Color {
		colour = "off"
	}
	network, networkNote := "off: nothing leaves this machine", "llm: in the config file turns on the optional LLM"
	l := m.App.LLM
	switch {
	case info.Offline:
		network, networkNote = "off (--offline): nothing leaves this machine", ""
	case l.Problem != "":
		network = "off: the LLM is configured but cannot work: " + l.Problem
	case l.Client != nil:
		network = "LLM " + l.Client.Model() + " at " + l.Client.Endpoint() + ": " +
			answersText[l.Answers] + "; " + documentsText[l.Documents]
		networkNote = "coach llm forget takes back a yes; --offline keeps everything here"
	}
	speechRow := row{"Speech", "recordings are measured here and not sent", "speech.enabled sends them to a transcription endpoint"}
	switch sp := m.App.Speech; {
	case info.Offline:
		speechRow.note = ""
	case sp.Problem != "":
		speechRow.value = "measured here; transcription cannot work: " + sp.Problem
	case sp.Client != nil:
		speechRow.value = "transcribed by " + sp.Client.Model() + " at " + sp.Client.Endpoint() + ", after your yes"
		speechRow.note = "ctrl+r in an answer records; coach llm forget takes back a yes"
	}
	// Where answers go comes second: a small window cuts the last rows,
	// and the home screen sends the user here when the LLM cannot work.
	return []row{
		cfg,
		{"Network", network, networkNote},
		{"Data directory", info.DataDir, "--data-dir or COACH_DATA_DIR"},
		db,
		speechRow,
		{"Theme", theme, "theme in the config file or COACH_THEME"},
		{"Colour", colour, "--no-color or NO_COLOR turns it off"},
		{"Version", info.Version, ""},
	}
}

// answersText and documentsText say what each kind of data's consent
// means now: each is asked, and remembered, apart.
var answersText = map[common.Consent]string{
	common.ConsentUnknown:  "you are asked before the first answer is sent",
	common.ConsentGiven:    "your answers are sent for critiques and follow-ups",
	common.ConsentDeclined: "you declined to send answers this run",
}

var documentsText = map[common.Consent]string{
	common.ConsentUnknown:  "you are asked before a resume or posting is sent",
	common.ConsentGiven:    "your resume and postings are sent for tailoring and questions",
	common.ConsentDeclined: "you declined to send your resume and postings this run",
}

// View implements common.Screen.
func (m *Model) View() string {
	body, _ := m.body()
	return common.Paged(&m.pager, m.Styles, m.Width, m.Height, body)
}

// body is the screen's text before paging, with the line the selected
// setting starts on.
func (m *Model) body() (string, int) {
	st := m.Styles
	rows := m.rows()
	labelWidth := 0
	for _, r := range rows {
		labelWidth = max(labelWidth, lipgloss.Width(r.label))
	}
	valueWidth := max(m.Width-4-labelWidth-2, 10)
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	add(st.Title.Render("Settings") + "\n")
	cursorLine := 0
	// a long choice wraps under itself rather than being cut at 40 columns
	wrap := lipgloss.NewStyle().Width(max(m.Width-6, 10))
	choice := func(i int, label, value string) {
		body := st.Text.Render(label+": ") + st.Faint.Render("‹ ") + st.Text.Render(value) + st.Faint.Render(" ›")
		mark := "  "
		if i == m.cursor {
			cursorLine = len(lines)
			body = st.Text.Render(label+": ") + st.Faint.Render("‹ ") + st.Selected.Render(value) + st.Faint.Render(" ›")
			mark = st.Selected.Render("› ")
		}
		add(lipgloss.JoinHorizontal(lipgloss.Top, mark, wrap.Render(body)))
	}
	add(st.Muted.Render("In the config file"))
	for i, e := range fileSettings {
		v, ok := m.values[e.key]
		if !ok {
			v = "…"
		}
		choice(i, e.label, v)
	}
	add(st.Muted.Render("Next session (practice and mock)"))
	for i, d := range m.defaults {
		v := "…"
		if m.next != nil {
			if j := d.Index(*m.next); j >= 0 {
				v = d.Choices[j]
			} else {
				v = "as last chosen"
			}
		}
		choice(len(fileSettings)+i, d.Label, v)
	}
	switch {
	case m.err != nil:
		add(st.Bad.Width(max(m.Width-4, 10)).Render(m.err.Error()))
	case m.notice != "":
		add(st.Good.Width(max(m.Width-4, 10)).Render(m.notice))
	}
	add("")
	for _, r := range rows {
		label := st.Muted.Render(fmt.Sprintf("%-*s", labelWidth, r.label))
		// paths break after a slash, not in the middle of a name
		value := st.Text.Render(ansi.Wrap(r.value, valueWidth, "/"))
		add(lipgloss.JoinHorizontal(lipgloss.Top, label, "  ", value))
		if r.note != "" && m.Height >= 20 {
			indent := strings.Repeat(" ", labelWidth+2)
			add(indent + st.Faint.Width(valueWidth).Render(r.note))
		}
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n"), cursorLine
}

// keepInView scrolls so the selected setting is on screen after ↑ or ↓;
// the pager's own keys still move past it to read the rows below.
func (m *Model) keepInView() {
	_, line := m.body()
	height := max(m.Height-m.Styles.App.GetVerticalFrameSize(), 1)
	switch {
	case line < m.pager.YOffset:
		m.pager.YOffset = line
	case line >= m.pager.YOffset+height:
		m.pager.YOffset = line - height + 1
	}
}
