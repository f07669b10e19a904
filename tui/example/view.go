package example

import (
	"fmt"
	"strings"
)

// View implements common.Screen.
func (m *Model) View() string {
	st := m.Styles
	notes := "notes on"
	if !m.notes {
		notes = "notes off"
	}
	head := st.Title.Render("Example resume") + st.Muted.Render(" · Sarah Chen, senior backend engineer · "+notes)
	if m.Width < 60 {
		head = st.Title.Render("Example resume") + st.Muted.Render(" · "+notes)
	}
	var body string
	switch {
	case m.err != nil:
		body = st.Bad.Render("Could not render the resume: " + m.err.Error())
	case m.viewport.TotalLines() == 0:
		body = st.Muted.Render("Rendering…")
	default:
		body = m.viewport.View()
	}
	pos := st.Faint.Render(fmt.Sprintf("%3.0f%%", m.viewport.ScrollPercent()*100))
	lines := []string{" " + head, body, " " + pos}
	return strings.Join(lines, "\n")
}
