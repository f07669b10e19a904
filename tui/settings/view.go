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
	// Where answers go comes second: a small window cuts the last rows,
	// and the home screen sends the user here when the LLM cannot work.
	return []row{
		cfg,
		{"Network", network, networkNote},
		{"Data directory", info.DataDir, "--data-dir or COACH_DATA_DIR"},
		db,
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
	st := m.Styles
	rows := m.rows()
	labelWidth := 0
	for _, r := range rows {
		labelWidth = max(labelWidth, lipgloss.Width(r.label))
	}
	valueWidth := max(m.Width-4-labelWidth-2, 10)
	var b strings.Builder
	b.WriteString(st.Title.Render("Settings") + "\n\n")
	for i, e := range editable {
		v, ok := m.values[e.key]
		if !ok {
			v = "…"
		}
		line := "  " + st.Text.Render(e.label+": ") + st.Faint.Render("‹ ") + st.Text.Render(v) + st.Faint.Render(" ›")
		if i == m.cursor {
			line = st.Selected.Render("› ") + st.Text.Render(e.label+": ") + st.Faint.Render("‹ ") + st.Selected.Render(v) + st.Faint.Render(" ›")
		}
		b.WriteString(line + "\n")
	}
	switch {
	case m.err != nil:
		b.WriteString(st.Bad.Width(max(m.Width-4, 10)).Render(m.err.Error()) + "\n")
	case m.notice != "":
		b.WriteString(st.Good.Width(max(m.Width-4, 10)).Render(m.notice) + "\n")
	}
	b.WriteString("\n")
	for _, r := range rows {
		label := st.Muted.Render(fmt.Sprintf("%-*s", labelWidth, r.label))
		// paths break after a slash, not in the middle of a name
		value := st.Text.Render(ansi.Wrap(r.value, valueWidth, "/"))
		b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, label, "  ", value) + "\n")
		if r.note != "" && m.Height >= 20 {
			indent := strings.Repeat(" ", labelWidth+2)
			b.WriteString(indent + st.Faint.Width(valueWidth).Render(r.note) + "\n")
		}
	}
	return common.Paged(&m.pager, st, m.Width, m.Height, strings.TrimRight(b.String(), "\n"))
}
