package feedback

import "testing"

// Words the stemmer would join though they mean different things stay
// apart, and the forms of one word still meet.
func TestStemsKeepDifferentWordsApart(t *testing.T) {
	apart := [][2]string{
		{"product", "production"}, {"products", "productivity"}, {"manager", "managed"},
		{"managers", "management"}, {"response", "responsibility"}, {"responses", "responsible"},
		{"response", "responsive"}, {"integrity", "integration"}, {"operator", "operations"},
		{"provider", "provided"}, {"internal", "international"}, {"objective", "object"},
		{"objections", "objects"}, {"commitment", "committed"}, {"accessibility", "access"},
		{"consistency", "consist"}, {"authority", "authorization"}, {"author", "authorize"},
		{"designated", "design"}, {"direction", "direct"}, {"directive", "directly"},
		{"experiment", "experience"}, {"organization", "organ"}, {"observability", "observation"},
		{"projection", "project"}, {"optional", "options"}, {"promise", "prom"}, {"exercise", "exercize"},
	}
	for _, p := range apart {
		if stem(p[0]) == stem(p[1]) {
			t.Errorf("%q and %q both stem to %q", p[0], p[1], stem(p[0]))
		}
	}
	together := [][2]string{
		{"index", "indexes"}, {"indexing", "indexed"}, {"response", "responses"},
		{"manage", "managed"}, {"managing", "management"}, {"manager", "managers"},
		{"production", "productions"}, {"responsible", "responsibility"},
		{"prioritise", "prioritize"}, {"prioritisation", "prioritization"}, {"organised", "organized"},
		{"organisation", "organizations"}, {"authorisation", "authorization"}, {"authorise", "authorized"},
		{"optimise", "optimizing"}, {"normalisation", "normalization"}, {"behaviour", "behavior"},
		{"behavioural", "behavioral"}, {"colour", "color"}, {"favourite", "favorite"},
		{"modelling", "modeling"}, {"experiments", "experimented"}, {"retries", "retry"},
	}
	for _, p := range together {
		if stem(p[0]) != stem(p[1]) {
			t.Errorf("%q stems to %q but %q to %q", p[0], stem(p[0]), p[1], stem(p[1]))
		}
	}
}
