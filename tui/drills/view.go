package drills

import (
	"fmt"
	"strings"
	"time"
)

// View implements common.Screen.
func (m *Model) View() string {
	st := m.Styles
	w := max(m.Width-4, 10)
	lines := []string{st.Title.Render("Drills") + st.Muted.Render(" · questions come back until the answer is natural"), ""}
	switch {
	case m.err != nil:
		lines = append(lines, st.Muted.Render(m.err.Error()))
	case !m.loaded:
		lines = append(lines, st.Muted.Render("Loading your schedule…"))
	case len(m.due) > 0:
		lines = append(lines, st.Heading.Render(fmt.Sprintf("%d due now", len(m.due))))
		for _, it := range m.due {
			lines = append(lines, m.row(it, w, fmt.Sprintf("%s · recall %2.0f%%", overdue(it.due, m.App.Clock()), it.retention*100)))
		}
		lines = append(lines, "", st.Muted.Width(w).Render("Press enter to drill them. Each comes back in this session until you grade it good or easy."))
	case len(m.weak) > 0:
		lines = append(lines, st.Muted.Width(w).Render("Nothing is due. Your weak spots, the lowest recent scores:"))
		for _, it := range m.weak {
			lines = append(lines, m.row(it, w, fmt.Sprintf("scored %d", it.score)))
		}
		lines = append(lines, "", st.Muted.Width(w).Render("Press enter to drill them."))
	default:
		lines = append(lines, st.Muted.Width(w).Render("Nothing to drill yet. Every question you answer in practice is graded and scheduled here; the ones you found hard come back first."))
	}
	if len(m.upcoming) > 0 && m.Height >= 16 {
		lines = append(lines, "", st.Heading.Render("Coming up"))
		for _, it := range m.upcoming {
			lines = append(lines, m.row(it, w, "due "+when(it.due, m.App.Clock())))
		}
	}
	return st.App.Render(strings.Join(lines, "\n"))
}

func (m *Model) row(it item, width int, right string) string {
	st := m.Styles
	text := strings.Join(strings.Fields(it.q.Text), " ")
	room := width - len([]rune(right)) - 4
	if r := []rune(text); room > 8 && len(r) > room {
		text = string(r[:room-1]) + "…"
	}
	pad := strings.Repeat(" ", max(width-len([]rune(text))-len([]rune(right))-2, 1))
	return "  " + st.Text.Render(text) + pad + st.Faint.Render(right)
}

func overdue(due, now time.Time) string {
	d := now.Sub(due)
	switch {
	case d < time.Hour:
		return "due now"
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh overdue", int(d.Hours()))
	}
	return fmt.Sprintf("%dd overdue", int(d.Hours()/24))
}

func when(due, now time.Time) string {
	d := due.Sub(now)
	switch {
	case d < time.Hour:
		return fmt.Sprintf("in %dm", max(int(d.Minutes()), 1))
	case d < 48*time.Hour:
		return fmt.Sprintf("in %dh", int(d.Hours()))
	}
	return fmt.Sprintf("in %dd", int(d.Hours()/24))
}
