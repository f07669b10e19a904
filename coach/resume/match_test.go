package resume

import (
	"slices"
	"strings"
	"testing"
)

func matcher(t testing.TB) *Matcher {
	t.Helper()
	m, err := DefaultMatcher()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// ids lists the skills found in text, in order, once each.
func ids(m *Matcher, text string) []string {
	var out []string
	for _, mt := range m.Find(text) {
		if !slices.Contains(out, mt.Skill.ID) {
			out = append(out, mt.Skill.ID)
		}
	}
	return out
}

// Every keyword-matching edge case the review promises, each with the
// near miss it must not fall for.
func TestKeywordEdgeCases(t *testing.T) {
	m := matcher(t)
	tests := []struct {
		name, text string
		want       []string // exactly these skills, in order
	}{
		// symbols are part of the term
		{"C++", "Strong C++ for the trading engine.", []string{"cpp"}},
		{"C# is not C++", "Services in C# on Azure.", []string{"csharp", "azure"}},
		{"C++ and C# side by side", "C++, C# and C", []string{"cpp", "csharp"}},
		{"C++17 is not C++", "Modern C++17 only", nil},
		{".NET", "Migrated apps to .NET 8.", []string{"dotnet"}},
		{"ASP.NET is .NET once", "Built ASP.NET Core APIs", []string{"dotnet"}},
		{"a domain is not .NET", "See example.net for details", nil},
		{"Node.js", "Node.js and TypeScript", []string{"nodejs", "typescript"}},
		{"Node.js at a full stop", "We run Node.js.", []string{"nodejs"}},
		{"a cluster node is not Node.js", "each node in the cluster holds a replica", nil},
		{"CI/CD", "Owned CI/CD for 40 services", []string{"ci-cd"}},
		{"CI/CD spelled out", "continuous integration and continuous delivery", []string{"ci-cd"}},
		// Go
		{"Go", "Five years of Go in production", []string{"go"}},
		{"golang", "golang and gRPC", []string{"go", "grpc"}},
		{"going and good are not Go", "We are going to need good people", nil},
		{"Google is not Go", "Google Docs and Gophers", nil},
		{"Go as a verb", "Go above and beyond for customers. Go live in May.", nil},
		{"lower-case go", "ready to go with Kubernetes", []string{"kubernetes"}},
		{"Go/Python", "Go/Python tooling", []string{"go", "python"}},
		// Java and JavaScript
		{"Java is not JavaScript", "JavaScript everywhere", []string{"javascript"}},
		{"Java", "Java and Kotlin on the JVM", []string{"java", "kotlin"}},
		{"both", "TypeScript/JavaScript and Java 21", []string{"typescript", "javascript", "java"}},
		// React
		{"React", "React and Next.js front end", []string{"react"}},
		{"reactive is not React", "A reactive, event-driven UI", []string{"event-driven-architecture"}},
		{"react as a verb", "react calmly to alerts. React to pages within minutes", []string{"monitoring"}},
		// aliases
		{"k8s", "Ran k8s clusters", []string{"kubernetes"}},
		{"Postgres", "Postgres and Redis", []string{"postgresql", "redis"}},
		{"Postgres in a list", "PostgreSQL (Postgres), MySQL", []string{"postgresql", "mysql"}},
		// everyday words that need a technical neighbour
		{"pastry chef is not Chef", "We need a Pastry Chef for the kitchen.", nil},
		{"Chef among tools", "Ansible, Chef or Puppet", []string{"ansible"}},
		{"build consensus", "Build consensus among stakeholders", []string{"stakeholder-management"}},
		{"Raft consensus", "Implemented Raft consensus with gRPC", []string{"distributed-systems", "grpc"}},
		{"food containers", "Label food containers before storage", nil},
		{"Spring the season", "Spring 2021 graduate", nil},
		{"Spring Boot", "Spring Boot services", []string{"spring-boot"}},
		{"Express the verb", "Express your ideas clearly", nil},
		{"Express the framework", "Express and Node.js APIs", []string{"express", "nodejs"}},
		{"rest of the team", "Keep the rest of the team informed", nil},
		{"REST", "REST and gRPC APIs", []string{"rest-api", "grpc"}},
		// separators, plurals and inflections
		{"event-driven = event driven", "event driven design", []string{"event-driven-architecture"}},
		{"plural", "Wrote unit tests and microservices", []string{"unit-testing", "microservices"}},
		{"mentored", "Mentored 3 engineers", []string{"mentoring"}},
		{"load tested", "Load tested the API with k6", []string{"load-testing"}},
		{"indexes", "Added indexes to the orders table", []string{"query-optimization"}},
		// longest term wins, overlaps both count
		{"GitHub Actions is not Git", "GitHub Actions pipelines", []string{"github-actions"}},
		{"RESTful API design", "RESTful API design", []string{"rest-api", "api-design"}},
		// addresses are not claims
		{"URL", "github.com/sam-go and sam@golang.example.com", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(m, tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q: found %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// A match's offsets point at the text as written.
func TestMatchOffsets(t *testing.T) {
	m := matcher(t)
	text := "Über-fast C# — and Node.js; k8s."
	for _, mt := range m.Find(text) {
		if text[mt.Start:mt.End] != mt.Text {
			t.Errorf("%s: text[%d:%d] = %q, match says %q", mt.Skill.ID, mt.Start, mt.End, text[mt.Start:mt.End], mt.Text)
		}
	}
	if got := ids(m, text); !slices.Equal(got, []string{"csharp", "nodejs", "kubernetes"}) {
		t.Errorf("found %v", got)
	}
}

// Every name and alias in the taxonomy is found when written on its own:
// no spelling is unreachable.
func TestEverySpellingIsFound(t *testing.T) {
	m := matcher(t)
	for _, sk := range m.Catalogue().Skills {
		for _, sp := range append([]string{sk.Name}, sk.Aliases...) {
			text := "Tools: " + sp + ", Kubernetes."
			if strings.EqualFold(sp, "kubernetes") {
				text = "Tools: " + sp + ", Terraform."
			}
			// capitalised, as a tool name is in a list
			text = strings.Replace(text, sp, strings.ToUpper(sp[:1])+sp[1:], 1)
			if !slices.Contains(ids(m, text), sk.ID) {
				t.Errorf("%s: %q not found in %q", sk.ID, sp, text)
			}
		}
	}
}
