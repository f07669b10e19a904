package skills

import (
	"fmt"
	"sort"
	"strings"
)

// areaLabels name a resume's Skills lines, in the order they are printed.
var areaLabels = []struct{ area, label string }{
	{"languages", "Languages"},
	{"frameworks", "Frameworks"},
	{"apis", "APIs"},
	{"databases", "Databases"},
	{"messaging", "Messaging and streaming"},
	{"data", "Data"},
	{"architecture", "Architecture"},
	{"cloud", "Cloud"},
	{"containers", "Containers and orchestration"},
	{"infrastructure", "Infrastructure"},
	{"delivery", "CI/CD and delivery"},
	{"observability", "Observability"},
	{"reliability", "Reliability"},
	{"security", "Security"},
	{"testing", "Testing"},
	{"platform", "Platform"},
	{"frontend", "Frontend"},
	{"practices", "Practices"},
	{"soft", "Ways of working"},
}

// ResumeSection builds a resume "Skills" section from the skills rated
// working or strong, one line per area like a real resume, strong skills
// first within a line. It returns "" when nothing is rated high enough.
func ResumeSection(cat *Catalogue, ratings map[string]Rating) string {
	byArea := map[string][]*Skill{}
	for i := range cat.Skills {
		s := &cat.Skills[i]
		if ratings[s.ID].OnResume() {
			byArea[s.Area] = append(byArea[s.Area], s)
		}
	}
	var b strings.Builder
	for _, a := range areaLabels {
		list := byArea[a.area]
		if len(list) == 0 {
			continue
		}
		sort.SliceStable(list, func(i, j int) bool { return ratings[list[i].ID] > ratings[list[j].ID] })
		names := make([]string, len(list))
		for i, s := range list {
			names[i] = s.Name
		}
		fmt.Fprintf(&b, "- **%s:** %s\n", a.label, strings.Join(names, ", "))
	}
	if b.Len() == 0 {
		return ""
	}
	return "## Skills\n\n" + b.String()
}

// GroupTitle is how a group is named in headings.
func GroupTitle(g Group) string {
	switch g {
	case Hard:
		return "Hard skills"
	case Soft:
		return "Soft skills"
	}
	return "Technical skills"
}

// Progress counts a group's skills rated working or strong.
func Progress(list []RoleSkill, ratings map[string]Rating) (done, total int) {
	for _, s := range list {
		if ratings[s.ID].OnResume() {
			done++
		}
	}
	return done, len(list)
}

// Markdown writes a role's checklist with the candidate's ratings.
func (r *Role) Markdown(ratings map[string]Rating) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", r.Name, strings.TrimSpace(r.Overview))
	if f := r.Figures; f != nil {
		fmt.Fprintf(&b, "Expected annual job openings by 2027: **%s** · job growth: **%s** · median annual salary: **%s** (as of %s)\n\n",
			f.OpeningsBy2027, strings.ToLower(f.Growth), f.MedianSalary, f.AsOf)
	}
	for _, g := range r.Groups() {
		done, total := Progress(g.Skills, ratings)
		fmt.Fprintf(&b, "## %s (%d of %d at working or strong)\n\n", GroupTitle(g.Group), done, total)
		for _, s := range g.Skills {
			box := " "
			if ratings[s.ID].OnResume() {
				box = "x"
			}
			fmt.Fprintf(&b, "- [%s] **%s** (%s): %s\n", box, s.Skill.Name, ratings[s.ID], strings.TrimSpace(s.Meaning))
			fmt.Fprintf(&b, "  - On a resume: %s\n  - Example: *%s*\n", strings.TrimSpace(s.Show), strings.TrimSpace(s.Bullet))
		}
		b.WriteString("\n")
	}
	if len(r.Advice) > 0 {
		b.WriteString("## Choosing the skills for your resume\n\n")
		for _, a := range r.Advice {
			fmt.Fprintf(&b, "- **%s.** %s\n", a.Title, strings.TrimSpace(a.Text))
		}
	}
	return b.String()
}
