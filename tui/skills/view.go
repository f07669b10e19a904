package skills

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/tui/common"
)

const listWidth = 34

// narrow windows show the list and the details one at a time.
func (m *Model) narrow() bool { return m.Width < 72 }

// View implements common.Screen.
func (m *Model) View() string {
	st := m.Styles
	if m.loadErr != nil {
		return st.App.Render(st.Bad.Render("Could not load the skill checklists: " + m.loadErr.Error()))
	}
	r := m.currentRole()
	if r == nil {
		return st.App.Render(st.Muted.Render("Loading the skill checklists…"))
	}
	inner := max(m.Width-4, 10)
	header := []string{m.titleLine(r, inner)}
	if f := r.Figures; f != nil && m.Height >= 16 {
		header = append(header, st.Muted.Width(inner).Render(figuresLine(f)))
	}
	header = append(header, "", m.tabsLine(r, inner), "")
	footer := m.footer(inner)

	bodyHeight := max(m.Height-1-lipgloss.Height(strings.Join(header, "\n"))-len(footer), 3)
	var body string
	switch {
	case m.narrow() && (m.detailsOnly || m.overview):
		body = m.detailView(inner)
	case m.narrow():
		body = m.listView(inner, bodyHeight)
	default:
		detailWidth := inner - listWidth - 3
		sep := st.Faint.Render(strings.TrimRight(strings.Repeat("│\n", bodyHeight), "\n"))
		body = lipgloss.JoinHorizontal(lipgloss.Top,
			lipgloss.NewStyle().Width(listWidth).Render(m.listView(listWidth, bodyHeight)),
			" ", sep, " ",
			common.Fit(m.detailView(detailWidth), detailWidth, bodyHeight))
	}
	parts := append(header, common.Fit(body, inner, bodyHeight))
	parts = append(parts, footer...)
	return st.App.Render(strings.Join(parts, "\n"))
}

func (m *Model) titleLine(r *skills.Role, width int) string {
	st := m.Styles
	title := st.Title.Render("Skills") + st.Muted.Render(" · ") + st.Heading.Render(r.Name)
	nav := st.Faint.Render(fmt.Sprintf("[ ] role %d/%d", m.role+1, len(m.roles)))
	gap := width - lipgloss.Width(title) - lipgloss.Width(nav)
	if gap < 2 {
		return title
	}
	return title + strings.Repeat(" ", gap) + nav
}

func figuresLine(f *skills.Figures) string {
	asOf := f.AsOf
	if t, err := time.Parse("2006-01-02", f.AsOf); err == nil {
		asOf = t.Format("January 2, 2006")
	}
	return fmt.Sprintf("%s openings a year expected by 2027 · growth %s · median salary %s · as of %s",
		f.OpeningsBy2027, strings.ToLower(f.Growth), f.MedianSalary, asOf)
}

// tabsLine shows each group with its share of skills at working or strong,
// with a small bar when there is room.
func (m *Model) tabsLine(r *skills.Role, width int) string {
	st := m.Styles
	groups := r.Groups()
	withBars := width >= 66
	var tabs []string
	for i, g := range groups {
		name := skills.GroupTitle(g.Group)
		name = strings.TrimSuffix(name, " skills")
		if !withBars && g.Group == skills.Technical {
			name = "Tech"
		}
		done, total := skills.Progress(g.Skills, m.ratings)
		label := fmt.Sprintf("%s %d/%d", name, done, total)
		if i == m.tab {
			label = st.Selected.Underline(true).Render(label)
		} else {
			label = st.Muted.Render(label)
		}
		if withBars {
			label += " " + m.bar(done, total, 6)
		}
		tabs = append(tabs, label)
	}
	return strings.Join(tabs, "   ")
}

func (m *Model) bar(done, total, width int) string {
	filled := 0
	if total > 0 {
		filled = done * width / total
	}
	return m.Styles.Good.Render(strings.Repeat("■", filled)) + m.Styles.Faint.Render(strings.Repeat("□", width-filled))
}

func (m *Model) dots(r skills.Rating) string {
	n := int(r)
	return m.Styles.Key.Render(strings.Repeat("●", n)) + m.Styles.Faint.Render(strings.Repeat("○", 3-n))
}

func (m *Model) listView(width, height int) string {
	st := m.Styles
	v := m.visible()
	if len(v) == 0 {
		return st.Muted.Render("No skill matches the filter.")
	}
	// Scroll just enough to keep the cursor on screen.
	offset := max(m.cursor-height+1, 0)
	end := min(offset+height, len(v))
	rows := make([]string, 0, end-offset)
	nameWidth := max(width-16, 8)
	for i := offset; i < end; i++ {
		s := v[i]
		r := m.ratings[s.ID]
		cursor, name := "  ", st.Text.Render(truncate(s.Skill.Name, nameWidth))
		if i == m.cursor {
			cursor = st.Selected.Render("› ")
			name = st.Selected.Render(truncate(s.Skill.Name, nameWidth))
		}
		pad := strings.Repeat(" ", max(nameWidth-lipgloss.Width(truncate(s.Skill.Name, nameWidth)), 0))
		rating := st.Faint.Render(r.String())
		if r > skills.None {
			rating = st.Muted.Render(r.String())
		}
		rows = append(rows, cursor+m.dots(r)+" "+name+pad+" "+rating)
	}
	return strings.Join(rows, "\n")
}

func truncate(s string, width int) string {
	if lipgloss.Width(s) <= width {
		return s
	}
	return common.Fit(s, width, 1)
}

func (m *Model) detailView(width int) string {
	if m.overview {
		return m.overviewView(width)
	}
	st := m.Styles
	s, ok := m.selected()
	if !ok {
		return ""
	}
	block := func(title, text string, style lipgloss.Style) string {
		return st.Heading.Render(title) + "\n" + style.Width(width).Render(strings.TrimSpace(text))
	}
	head := st.Title.Render(s.Skill.Name)
	if len(s.Skill.Aliases) > 0 {
		head += st.Faint.Render("  " + strings.Join(s.Skill.Aliases, ", "))
	}
	head = common.Fit(head, width, 1)
	r := m.ratings[s.ID]
	rating := m.dots(r) + " " + st.Muted.Render(r.String())
	practice := fmt.Sprintf("%d bank questions practise it: press p to practise them.", m.questionCount(s.ID))
	top := []string{head, rating}
	if len(s.Skill.Related) > 0 {
		top = append(top, st.Faint.Width(width).Render("Related: "+strings.Join(s.Skill.Related, ", ")))
	}
	return strings.Join(append(top, "",
		block("What it means", s.Meaning, st.Text), "",
		block("On your resume", s.Show, st.Text), "",
		block("Example bullet", s.Bullet, st.Muted.Italic(true)), "",
		st.Faint.Width(width).Render(practice),
	), "\n")
}

func (m *Model) overviewView(width int) string {
	st := m.Styles
	r := m.currentRole()
	parts := []string{st.Title.Render(r.Name), st.Text.Width(width).Render(strings.TrimSpace(r.Overview))}
	if len(r.Advice) > 0 {
		parts = append(parts, "", st.Heading.Render("Choosing skills for your resume"))
		for _, a := range r.Advice {
			parts = append(parts, st.Text.Width(width).Render("• "+a.Title+". "+st.Muted.Render(strings.TrimSpace(a.Text))))
		}
	}
	return strings.Join(parts, "\n")
}

func (m *Model) footer(width int) []string {
	st := m.Styles
	var out []string
	if m.filtering || m.filter.Value() != "" {
		m.filter.Width = max(width-4, 10)
		out = append(out, m.filter.View())
	}
	if m.saveErr != nil {
		out = append(out, st.Bad.Width(width).Render("Not saved: "+m.saveErr.Error()))
	}
	return out
}
