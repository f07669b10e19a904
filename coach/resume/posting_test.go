package resume

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func readFixture(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func keyword(p *Posting, id string) *Keyword {
	for i := range p.Keywords {
		if p.Keywords[i].Skill == id {
			return &p.Keywords[i]
		}
	}
	return nil
}

func TestPostingSectionsAndWeights(t *testing.T) {
	p := matcher(t).AnalyzePosting(readFixture(t, "postings/senior-backend.md"))
	var kinds []string
	for _, s := range p.Sections {
		kinds = append(kinds, s.Kind)
	}
	if want := []string{PostResponsibilities, PostRequired, PostPreferred, PostOther}; !slices.Equal(kinds, want) {
		t.Fatalf("sections %v, want %v", kinds, want)
	}
	tests := []struct {
		id       string
		section  string
		mentions int
		weight   float64
	}{
		{"postgresql", PostRequired, 2, 4.5},          // 3 × (1 + 0.5)
		{"kafka", PostPreferred, 1, 2},                // nice to have, once
		{"microservices", PostResponsibilities, 1, 1}, // elsewhere, once
		{"mentoring", PostRequired, 2, 2.3},           // soft: 3 × 1.5 × 0.5 = 2.25
		{"aws", PostRequired, 2, 4.5},                 // AWS twice; EC2, RDS and Lambda are keywords of their own
		{"related:ec2", PostRequired, 1, 3},           // under AWS, but not AWS
	}
	for _, tt := range tests {
		k := keyword(p, tt.id)
		if k == nil {
			t.Errorf("%s not found", tt.id)
			continue
		}
		if k.Section != tt.section || k.Mentions != tt.mentions || k.Weight != tt.weight {
			t.Errorf("%s: section %s, %d mentions, weight %v; want %s, %d, %v", tt.id, k.Section, k.Mentions, k.Weight, tt.section, tt.mentions, tt.weight)
		}
	}
	for i := 1; i < len(p.Keywords); i++ {
		if p.Keywords[i].Weight > p.Keywords[i-1].Weight {
			t.Fatalf("keywords not heaviest first: %s %v after %s %v", p.Keywords[i].Name, p.Keywords[i].Weight, p.Keywords[i-1].Name, p.Keywords[i-1].Weight)
		}
	}
}

// Headings come in many shapes: markdown, a colon, capitals, a label
// with its list on the same line.
func TestPostingHeadingShapes(t *testing.T) {
	m := matcher(t)
	tests := []struct {
		name, text string
		skill      string
		want       string
	}{
		{"markdown", "# Job\n\n## Must have\n\n- Terraform\n", "terraform", PostRequired},
		{"colon", "Job\n\nWhat you'll need:\n- Terraform\n", "terraform", PostRequired},
		{"capitals", "Job\n\nNICE TO HAVE\n- Terraform\n", "terraform", PostPreferred},
		{"bold", "Job\n\n**Bonus points**\n- Terraform\n", "terraform", PostPreferred},
		{"inline label", "Job\n\nNice to have: Terraform and Ansible.\n", "terraform", PostPreferred},
		{"preferred qualifications is not required", "Job\n\nPreferred qualifications\n- Terraform\n", "terraform", PostPreferred},
		{"curly apostrophe", "Job\n\nWhat you’ll do\n- Terraform modules\n", "terraform", PostResponsibilities},
		{"no headings", "We use Terraform every day.\n", "terraform", PostOther},
		{"prose ends a list", "Job\n\nRequirements\n- Go\n\nWe are a small team that writes Terraform together and shares the on-call duty fairly.\n", "terraform", PostOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := keyword(m.AnalyzePosting(tt.text), tt.skill)
			if k == nil || k.Section != tt.want {
				t.Fatalf("%+v, want section %s", k, tt.want)
			}
		})
	}
}

// Frequency adds half a mention's weight for each repeat, up to double.
func TestFrequencyIsCapped(t *testing.T) {
	m := matcher(t)
	text := "Requirements\n\n- Terraform\n- More Terraform\n- Terraform again\n- Terraform modules\n- Terraform state\n"
	k := keyword(m.AnalyzePosting(text), "terraform")
	if k == nil || k.Mentions != 5 || k.Weight != 6 {
		t.Fatalf("%+v, want 5 mentions weighing 6 (3 × 2)", k)
	}
	text = "Requirements\n\n- Terraform\n- Terraform modules\n"
	if k := keyword(m.AnalyzePosting(text), "terraform"); k.Weight != 4.5 {
		t.Fatalf("two mentions: weight %v, want 4.5", k.Weight)
	}
}

func TestPostingRoleAndLevel(t *testing.T) {
	m := matcher(t)
	tests := []struct{ file, role, level string }{
		{"postings/senior-backend.md", "senior-backend", "senior"},
		{"postings/backend-go.txt", "backend", "mid"},
		{"postings/fullstack.md", "full-stack", "mid"},
		{"postings/devops.txt", "devops", "mid"},
		{"postings/cloud-architect.md", "cloud-architect", "mid"},
		{"postings/sre.md", "sre", "mid"},
		{"postings/platform.txt", "platform", "mid"},
		{"postings/pastry-chef.txt", "", "mid"},
	}
	for _, tt := range tests {
		p := m.AnalyzePosting(readFixture(t, tt.file))
		if p.Role != tt.role || p.Level != tt.level {
			t.Errorf("%s: role %q level %q, want %q %q (title %q)", tt.file, p.Role, p.Level, tt.role, tt.level, p.Title)
		}
	}
}

// The unrelated posting: no technical skill, no pastry chef taken for
// Chef, no "Go on" taken for Go; its own vocabulary is listed apart.
func TestUnrelatedPosting(t *testing.T) {
	p := matcher(t).AnalyzePosting(readFixture(t, "postings/pastry-chef.txt"))
	for _, k := range p.Keywords {
		if k.Group != "soft" {
			t.Errorf("technical keyword in a pastry chef posting: %s (%v)", k.Skill, k.As)
		}
	}
	terms := map[string]int{}
	for _, o := range p.OtherTerms {
		terms[o.Term] = o.Count
	}
	if terms["pastry"] < 4 || terms["kitchen"] < 2 {
		t.Errorf("frequent terms %v lack pastry and kitchen", p.OtherTerms)
	}
	for _, stop := range []string{"the", "and", "with", "experience", "team", "you"} {
		if _, ok := terms[stop]; ok {
			t.Errorf("stopword %q listed as a frequent term", stop)
		}
	}
}

// Words inside a skill mention are not counted again as other terms.
func TestOtherTermsSkipSkills(t *testing.T) {
	p := matcher(t).AnalyzePosting("Kubernetes clusters. Kubernetes upgrades. Snowflake models. Snowflake costs. Snowflake.")
	for _, o := range p.OtherTerms {
		if o.Term == "Kubernetes" {
			t.Fatal("a taxonomy skill listed as an other term")
		}
	}
	if len(p.OtherTerms) == 0 || p.OtherTerms[0].Term != "Snowflake" || p.OtherTerms[0].Count != 3 {
		t.Fatalf("other terms %v, want Snowflake ×3 first", p.OtherTerms)
	}
}
