package skills

import (
	"strings"
	"testing"

	"github.com/coach-tui/coach/questions"
)

func TestCatalogueLoads(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Skills) < 100 {
		t.Fatalf("%d skills", len(c.Skills))
	}
	for _, id := range []string{"kubernetes", "postgresql", "go", "communication"} {
		if _, ok := c.Get(id); !ok {
			t.Errorf("missing %s", id)
		}
	}
}

// An alias or related term shared by two skills would make resume matching
// ambiguous.
func TestAliasesAreUnique(t *testing.T) {
	c, _ := Load()
	seen := map[string]string{}
	for _, s := range c.Skills {
		for _, a := range append(append([]string{s.Name}, s.Aliases...), s.Related...) {
			a = strings.ToLower(a)
			if other, ok := seen[a]; ok && other != s.ID {
				t.Errorf("%q names both %s and %s", a, other, s.ID)
			}
			seen[a] = s.ID
		}
	}
}

func TestBankTagsExistInTaxonomy(t *testing.T) {
	c, _ := Load()
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]int{}
	for _, q := range b.Questions() {
		for _, tag := range q.Tags {
			used[tag]++
			if _, ok := c.Get(tag); !ok {
				t.Errorf("%s: tag %q is not a skill in the catalogue", q.ID, tag)
			}
		}
	}
	for _, s := range c.Skills {
		if used[s.ID] == 0 {
			t.Errorf("skill %s has no question to practise it", s.ID)
		}
	}
}

func TestParseRejectsBadCatalogue(t *testing.T) {
	for _, bad := range []string{
		"skills:\n  - {id: a, name: A, group: hard, area: x}\n  - {id: a, name: B, group: soft, area: x}\n",
		"skills:\n  - {id: a, name: A, group: medium, area: x}\n",
		"skills:\n  - {id: a, name: A, group: hard, area: x, colour: red}\n",
	} {
		if _, err := parse([]byte(bad)); err == nil {
			t.Errorf("accepted:\n%s", bad)
		}
	}
}
