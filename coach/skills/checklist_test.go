package skills

import (
	"strings"
	"testing"
)

func TestResumeSection(t *testing.T) {
	cat, _ := Load()
	ratings := map[string]Rating{
		"go": Working, "python": Strong, "rust": Learning,
		"postgresql": Strong, "kubernetes": Working, "communication": Strong,
	}
	got := ResumeSection(cat, ratings)
	want := "## Skills\n\n" +
		"- **Languages:** Python, Go\n" +
		"- **Databases:** PostgreSQL\n" +
		"- **Containers and orchestration:** Kubernetes\n" +
		"- **Ways of working:** Communication\n"
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
	if ResumeSection(cat, map[string]Rating{"rust": Learning}) != "" {
		t.Fatal("learning-only skills do not make a Skills section")
	}
}

func TestEveryAreaHasALabel(t *testing.T) {
	cat, _ := Load()
	known := map[string]bool{}
	for _, a := range areaLabels {
		known[a.area] = true
	}
	for _, s := range cat.Skills {
		if !known[s.Area] {
			t.Errorf("%s: area %q has no resume label", s.ID, s.Area)
		}
	}
}

func TestRoleMarkdown(t *testing.T) {
	r, _ := RoleByID("backend")
	md := r.Markdown(map[string]Rating{"api-design": Strong})
	for _, want := range []string{"# Backend Software Engineer", "850K", "as of 2025-09-24",
		"## Hard skills (1 of", "- [x] **API design** (strong)", "## Choosing the skills for your resume"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
}
