package soon

// View implements common.Screen.
func (m *Model) View() string {
	st := m.Styles
	width := max(m.Width-4, 10)
	body := st.Title.Render(m.section.Title) + "\n\n" +
		st.Text.Width(width).Render(m.section.Desc) + "\n\n" +
		st.Warn.Width(width).Render("This section is not built yet. Nothing here works today.") + "\n\n" +
		st.Muted.Render("Press esc to go back.")
	return st.App.Render(body)
}
