package review

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/coach-tui/coach/coach/resume"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/stream"
)

type sortOrder int

const (
	byWeight sortOrder = iota
	byName
	byStatus
	sortOrders
)

func (o sortOrder) String() string {
	return [...]string{"by weight", "by name", "missing first"}[o]
}

// View implements common.Screen.
func (m *Model) View() string {
	st := m.Styles
	if m.report != nil && m.level == levelTailor {
		return m.tailorView()
	}
	if m.report != nil {
		head := st.Title.Render("Resume review") + st.Muted.Render(fmt.Sprintf(" · %d/100 · %3.0f%%", m.report.Score, m.view.ScrollPercent()*100))
		body := head + "\n" + m.view.View()
		if f := m.reportFooter(); f != "" {
			body += "\n" + f
		}
		return common.Fit(lipgloss.NewStyle().Padding(0, 1).Render(body), m.Width, m.Height)
	}
	w := max(m.Width-4, 10)
	// the title wraps: one line wider than the window widens them all
	lines := []string{lipgloss.NewStyle().Width(w).Render(st.Title.Render("Resume review") + st.Muted.Render(" · your resume against a job posting, as an ATS reads it")), ""}
	lines = append(lines, m.form.Lines(st)...)
	lines = append(lines, "")
	switch {
	case m.busy:
		lines = append(lines, st.Muted.Render("Reviewing…"))
	case m.err != nil:
		lines = append(lines, st.Bad.Width(w).Render(m.err.Error()))
	default:
		lines = append(lines, st.Faint.Width(w).Render("Everything stays on this machine: the review is offline."))
	}
	return st.App.Render(strings.Join(lines, "\n"))
}

// layout gives the viewports what the title, the footer and, for the
// tailoring, the line saying where the text went leave of the height.
func (m *Model) layout() {
	w := max(m.Width-2, 10)
	m.view.Width, m.tview.Width = w, w
	m.view.Height = max(m.Height-2-height(m.reportFooter()), 3)
	m.tview.Height = max(m.Height-1-height(m.sentLine())-height(m.tailorFooter()), 2)
}

// height is the lines s takes; none when it is empty.
func height(s string) int {
	if s == "" {
		return 0
	}
	return lipgloss.Height(s)
}

// wrapWidth is the width of the text under the report and the tailoring.
func (m *Model) wrapWidth() int { return max(m.Width-2, 10) }

// reportFooter is what sits under the report: the consent question, the
// model writing questions, a notice about the last request.
func (m *Model) reportFooter() string {
	if m.report == nil {
		return ""
	}
	st, w := m.Styles, m.wrapWidth()
	var lines []string
	if m.asking != actNone {
		l := m.App.LLM.Client
		lines = append(lines, st.Warn.Width(w).Render(
			"Send your resume's text and the job posting to "+l.Model()+" at "+l.Endpoint()+"? "+
				"Nothing else is sent; questions from the posting (g) send only the posting. "+
				"y: send (remembered for resumes and postings at this endpoint) · n: not now"))
	}
	if m.generating {
		// The request's status says esc cancels, and counts down before
		// a retry.
		lines = append(lines, st.Muted.Width(w).Render(
			"Writing practice questions from the posting with "+m.writer.ModelName()+"…"))
		if s := m.writer.Status(); s != "" {
			lines = append(lines, lipgloss.NewStyle().Width(w).Render(s))
		}
	}
	if m.notice != "" {
		lines = append(lines, st.Warn.Width(w).Render(m.notice))
	}
	return strings.Join(lines, "\n")
}

// tailorView is the tailoring: where the text went, the reply as it
// arrives, and under it the reply's status and the figures to check.
func (m *Model) tailorView() string {
	st := m.Styles
	head := st.Title.Render("Tailoring") + st.Muted.Render(fmt.Sprintf(" for this posting · %3.0f%%", m.tview.ScrollPercent()*100))
	parts := []string{head, m.sentLine(), m.tview.View()}
	if f := m.tailorFooter(); f != "" {
		parts = append(parts, f)
	}
	return common.Fit(lipgloss.NewStyle().Padding(0, 1).Render(strings.Join(parts, "\n")), m.Width, m.Height)
}

// sentLine says who receives the resume and the posting.
func (m *Model) sentLine() string {
	if m.report == nil || m.level != levelTailor {
		return ""
	}
	return m.Styles.Faint.Width(m.wrapWidth()).Render(
		"Your resume's text and the job posting go to " + m.tailor.ModelName() + " at " + m.tailor.Endpoint() + ".")
}

// tailorFooter is the reply's status (spinner, countdown, why it stopped)
// and, once it has ended, the figures the model added.
func (m *Model) tailorFooter() string {
	if m.report == nil || m.level != levelTailor {
		return ""
	}
	st, w := m.Styles, m.wrapWidth()
	var lines []string
	if s := m.tailor.Status(); s != "" {
		if state := m.tailor.State(); state == stream.Failed || state == stream.Cancelled {
			s += st.Faint.Render(" t asks again.")
		}
		lines = append(lines, lipgloss.NewStyle().Width(w).Render(s))
	}
	if !m.tailor.Active() && len(m.invented) > 0 {
		lines = append(lines, st.Warn.Width(w).Render(inventedWarning(m.invented)))
	}
	return strings.Join(lines, "\n")
}

// maxListed is how many invented figures the warning names.
const maxListed = 8

// inventedWarning lists the figures of the tailoring found in neither the
// resume nor the posting; the reply marks each with ⚠ too.
func inventedWarning(figs []string) string {
	if len(figs) == 1 {
		return "1 figure is not in your resume: " + figs[0] + " — check it before you use a rewrite."
	}
	shown, more := figs, ""
	if len(figs) > maxListed {
		shown, more = figs[:maxListed], fmt.Sprintf(" and %d more", len(figs)-maxListed)
	}
	return fmt.Sprintf("%d figures are not in your resume: %s%s — check them before you use a rewrite.",
		len(figs), strings.Join(shown, ", "), more)
}

// reportView is the whole report as text for the viewport: the score and
// its parts, the keyword table, findings and likely questions.
func (m *Model) reportView() string {
	st := m.Styles
	r := m.report
	w := max(m.view.Width-2, 20)
	var b []string
	title := r.Posting.Title
	if title == "" {
		title = "the posting"
	}
	b = append(b, st.Heading.Width(w).Render(fmt.Sprintf("%s against %s: %d/100", r.Resume.File, title, r.Score)), "")
	for _, p := range r.Breakdown {
		scaled := ""
		if p.Scaled {
			scaled = fmt.Sprintf(" ×%.2f relevance", r.Relevance)
		}
		line := fmt.Sprintf("  %-22s %3d  %5.1f of %2d pts%s", p.Name, p.Score, p.Points, p.Weight, scaled)
		if ansi.StringWidth(line) > w {
			// too narrow for the columns: the same facts as a sentence
			line = lipgloss.NewStyle().PaddingLeft(2).Width(w).Render(fmt.Sprintf("%s %d: %.1f of %d pts%s", p.Name, p.Score, p.Points, p.Weight, scaled))
		}
		b = append(b, line)
		if p.Detail != "" {
			b = append(b, st.Faint.PaddingLeft(4).Width(w).Render(p.Detail))
		}
	}
	if r.Capped {
		b = append(b, "", st.Warn.Width(w).Render(fmt.Sprintf("Capped at %d: the posting has a hard requirement the resume does not show (✗ below).", resume.KnockoutCap)))
	}
	if len(r.Requirements) > 0 {
		b = append(b, "", st.Heading.Width(w).Render("Requirements (✓ met · ✗ not found · ? can't tell)"))
		for _, q := range r.Requirements {
			mark, style := resume.StatusMark(q.Status), st.Muted
			switch q.Status {
			case resume.Met:
				style = st.Good
			case resume.NotFound:
				style = st.Warn
			}
			hard := ""
			if q.Hard {
				hard = " (hard)"
			}
			b = append(b, lipgloss.NewStyle().PaddingLeft(2).Width(w).Render(style.Render(mark+" ")+st.Text.Render(resume.KindTitle(q.Kind)+hard+": ")+st.Muted.Render(q.Detail)),
				st.Faint.PaddingLeft(4).Width(w).Render(fmt.Sprintf("line %d: %s", q.Line, q.Text)))
		}
	}
	if r.Search.Detail != "" {
		b = append(b, "", st.Heading.Width(w).Render("Recruiter search"), st.Text.Width(w).Render(r.Search.Detail))
	}
	b = append(b, "", st.Heading.Width(w).Render(fmt.Sprintf("Keywords (%s; s to sort)", m.order)))
	if note := r.SourceNote(); note != "" {
		b = append(b, st.Faint.Width(w).Render(note))
	}
	b = append(b, m.keywordTable(w)...)
	if len(r.Findings) > 0 {
		b = append(b, "", st.Heading.Width(w).Render("What to change"))
		for i, f := range r.Findings {
			b = append(b, st.Text.Width(w).Render(fmt.Sprintf("%d. %s", i+1, f.Text)))
		}
	}
	if len(r.Questions) > 0 {
		b = append(b, "", st.Heading.Width(w).Render("Questions you are likely to be asked (p to practise them)"))
		for _, q := range r.Questions {
			b = append(b, st.Text.Width(w).Render("• "+q.Text), st.Faint.PaddingLeft(2).Width(w).Render(q.Why))
		}
	}
	if r.PlainText.Text != "" {
		b = append(b, "", st.Heading.Width(w).Render("What an ATS reads"), st.Muted.Width(w).Render(r.PlainText.Text))
	}
	return strings.Join(b, "\n")
}

type row struct {
	kw      resume.Keyword
	matched bool
}

func (m *Model) keywordTable(width int) []string {
	st := m.Styles
	r := m.report
	var rows []row
	for _, k := range r.Keywords.Matched {
		rows = append(rows, row{k, true})
	}
	for _, k := range r.Keywords.Missing {
		rows = append(rows, row{k, false})
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		switch m.order {
		case byName:
			return strings.ToLower(a.kw.Name) < strings.ToLower(b.kw.Name)
		case byStatus:
			if a.matched != b.matched {
				return !a.matched
			}
		}
		return a.kw.Weight > b.kw.Weight
	})
	if len(rows) == 0 {
		return []string{st.Muted.Render("  The posting names no skill coach knows.")}
	}
	// below this the columns would cut every cell: one keyword per two
	// lines instead, nothing cut
	narrow := width < 2+26+1+6+2+16+1+22
	nameW := 26
	if width >= 110 {
		nameW = 40
	}
	var out []string
	if narrow {
		out = append(out, st.Faint.Render("  KEYWORD · WEIGHT · POSTING"))
	} else {
		out = append(out, st.Faint.Render("  "+pad("KEYWORD", nameW)+" "+fmt.Sprintf("%6s", "WEIGHT")+"  "+pad("POSTING", 16)+" YOUR RESUME"))
	}
	for _, x := range rows {
		where := "missing: add to " + x.kw.Belongs
		style := st.Warn
		if x.matched {
			where, style = "in "+strings.Join(x.kw.FoundIn, ", "), st.Good
			if x.kw.MatchedAs != "" {
				where = x.kw.MatchedAs + " " + where
			}
		}
		posting := resume.SectionTitle(x.kw.Section)
		if narrow {
			out = append(out,
				lipgloss.NewStyle().PaddingLeft(2).Width(width).Render(fmt.Sprintf("%s · %.1f · %s", x.kw.Name, x.kw.Weight, posting)),
				style.PaddingLeft(4).Width(width).Render(where))
			continue
		}
		// cells too long for their column wrap under themselves, so
		// nothing is cut
		rest := width - (2 + nameW + 1 + 6 + 2 + 16 + 1)
		out = append(out, lipgloss.JoinHorizontal(lipgloss.Top,
			"  ", lipgloss.NewStyle().Width(nameW).Render(x.kw.Name),
			" ", fmt.Sprintf("%6.1f", x.kw.Weight),
			"  ", lipgloss.NewStyle().Width(16).Render(posting),
			" ", style.Width(rest).Render(where)))
	}
	return out
}

// pad cuts s to n cells and pads it to n, measuring wide characters (emoji,
// CJK) by the cells they take, so every row's columns line up.
func pad(s string, n int) string {
	s = ansi.Truncate(s, n, "…")
	return s + strings.Repeat(" ", max(0, n-ansi.StringWidth(s)))
}
