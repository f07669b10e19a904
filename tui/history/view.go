package history

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/coach-tui/coach/questions"
)

func ctxb() context.Context { return context.Background() }

// View implements common.Screen.
func (m *Model) View() string {
	st := m.Styles
	var body string
	switch m.level {
	case levelSessions:
		body = m.sessionsView()
	case levelAttempts:
		body = m.attemptsView()
	default:
		title := "Answer"
		if m.acursor < 0 {
			title = "Session report"
		}
		body = st.Title.Render(title) + st.Muted.Render(fmt.Sprintf(" · %3.0f%%", m.view.ScrollPercent()*100)) + "\n" + m.view.View()
	}
	if m.confirm != nil {
		body += "\n" + st.Warn.Render(m.confirm.what+" y to delete, n to keep.")
	}
	if m.err != nil {
		body += "\n" + st.Bad.Render(m.err.Error())
	} else if m.notice != "" {
		body += "\n" + st.Good.Width(m.width()).Render(m.notice)
	}
	return lipgloss.NewStyle().Padding(0, 1).Render(body)
}

func (m *Model) width() int { return max(m.Width-2, 10) }

// fit wraps a title to the window: one line wider than the window would
// widen every line of the padded screen with it.
func (m *Model) fit(s string) string { return lipgloss.NewStyle().Width(m.width()).Render(s) }

func (m *Model) sessionsView() string {
	st := m.Styles
	lines := []string{m.fit(st.Title.Render("History") + st.Muted.Render(" · your sessions, newest first; coach report N exports #N")), ""}
	if !m.loaded {
		return strings.Join(append(lines, st.Muted.Render("Loading…")), "\n")
	}
	rows := max(m.Height-4, 1)
	if l := m.searchLine(); l != "" {
		lines[1] = m.fit(l) // in the blank line under the title
		rows = max(rows-lipgloss.Height(lines[1])+1, 1)
	}
	switch {
	case len(m.sessions) == 0 && m.search.words != "":
		return strings.Join(append(lines, st.Muted.Width(m.width()).Render("No session has those words. / searches again; esc shows every session.")), "\n")
	case len(m.sessions) == 0 && len(m.all) == 0:
		return strings.Join(append(lines, st.Muted.Width(m.width()).Render("No sessions yet. Practise from the home screen (p) and your answers appear here.")), "\n")
	}
	offset := max(m.cursor-rows+1, 0)
	for i := offset; i < min(len(m.sessions), offset+rows); i++ {
		s := m.sessions[i]
		answers := fmt.Sprintf("%2d answers", s.Attempts)
		if s.Attempts == 1 {
			answers = " 1 answer "
		}
		text := fmt.Sprintf("#%-3d %s  %-8s %-15s %s  avg %3d", s.ID, s.StartedAt.Local().Format("2 Jan 15:04"), s.Mode, s.Role, answers, s.Average)
		switch {
		case s.Unfinished > 0:
			// An answer was left part-typed: u picks it up.
			text += "  in progress"
		case s.EndedAt.IsZero():
			text += "  unfinished"
		}
		lines = append(lines, m.row(i == m.cursor, text))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) row(selected bool, text string) string {
	st := m.Styles
	text = truncate(text, m.width()-2)
	if selected {
		return st.Selected.Render("› " + text)
	}
	return "  " + st.Text.Render(text)
}

func (m *Model) attemptsView() string {
	st := m.Styles
	s := m.session
	filter := "all kinds"
	if m.kind != "" {
		filter = m.kind
	}
	if m.category != "" {
		filter += " · " + m.category
	}
	lines := []string{
		m.fit(st.Title.Render(fmt.Sprintf("Session #%d", s.ID)) + st.Muted.Render(fmt.Sprintf(" · %s · %s · avg %d", s.StartedAt.Local().Format("2 Jan 15:04"), s.Role, s.Average))),
		st.Faint.Render("showing " + filter), "",
	}
	list := m.filtered()
	if len(list) == 0 {
		return strings.Join(append(lines, st.Muted.Render("No answers match.")), "\n")
	}
	rows := max(m.Height-5, 1)
	offset := max(m.acursor-rows+1, 0)
	for i := offset; i < min(len(list), offset+rows); i++ {
		a := list[i]
		score := fmt.Sprintf("%3d", a.Overall)
		if a.Skipped {
			score = "  –"
		}
		prefix := ""
		if a.ParentID != 0 {
			prefix = "↳ "
		}
		q := strings.Join(strings.Fields(a.QuestionText), " ")
		right := fmt.Sprintf("  %s  %6s", score, questions.FormatTime(a.Used.Round(1e9)))
		q = truncate(prefix+q, m.width()-2-lipgloss.Width(right))
		pad := strings.Repeat(" ", max(m.width()-2-lipgloss.Width(q)-lipgloss.Width(right), 0))
		lines = append(lines, m.row(i == m.acursor, q+pad+right))
	}
	return strings.Join(lines, "\n")
}

func truncate(s string, n int) string {
	r := []rune(s)
	if n < 2 || len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
