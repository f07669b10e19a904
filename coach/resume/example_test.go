package resume

import (
	"strings"
	"testing"
)

// The example is the seed's resume: these facts must stay exactly as given.
func TestExampleKeepsTheFacts(t *testing.T) {
	for _, fact := range []string{
		"# Sarah Chen", "Senior Backend Engineer — TechFlow Solutions", "*2022 – Present*",
		"Backend Software Engineer — DataStream Inc", "*2020 – 2022*",
		"5+ years", "2M+", "40%", "99.9%", "60%", "$50K", "15+", "25%", "3 junior", "35%",
		"10TB+", "80%", "$2M+", "2 hours to 15 minutes", "30%",
		"## Summary", "## Skills", "## Experience", "## Education", "## Certifications",
	} {
		if !strings.Contains(Example(), fact) {
			t.Errorf("example resume lacks %q", fact)
		}
	}
}

// Every experience bullet carries a coaching note right after it.
func TestEveryBulletHasANote(t *testing.T) {
	lines := strings.Split(Example(), "\n")
	inExperience, bullets := false, 0
	for i, l := range lines {
		if strings.HasPrefix(l, "## ") {
			inExperience = l == "## Experience"
		}
		if !inExperience || !strings.HasPrefix(l, "- ") {
			continue
		}
		bullets++
		if i+2 >= len(lines) || lines[i+1] != "" || !IsNote(lines[i+2]) {
			t.Errorf("bullet without a note: %s", l)
		}
	}
	if bullets != 8 {
		t.Fatalf("%d experience bullets, want 8", bullets)
	}
	notes, stronger := 0, 0
	for _, l := range lines {
		if IsNote(l) {
			notes++
			if strings.HasPrefix(l, "> **Make it stronger:**") {
				stronger++
			}
		}
	}
	if notes < 12 || stronger < 3 {
		t.Fatalf("%d notes, %d saying how to make it stronger", notes, stronger)
	}
}

func TestTemplateHasNoNotes(t *testing.T) {
	tpl := ExampleTemplate()
	if strings.Contains(tpl, "> ") || strings.Contains(tpl, "Why it works") {
		t.Fatal("template still holds notes")
	}
	if strings.Contains(tpl, "\n\n\n") {
		t.Fatal("stripping notes left double blank lines")
	}
	if !strings.Contains(tpl, "99.9%") || !strings.Contains(tpl, "## Certifications") {
		t.Fatal("stripping notes removed resume content")
	}
}
