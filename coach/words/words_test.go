package words

import (
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		one  string
		many []string
		want string
	}{
		{0, "answer", nil, "0 answers"},
		{1, "answer", nil, "1 answer"},
		{2, "answer", nil, "2 answers"},
		{1, "day", nil, "1 day"},
		{3, "match", []string{"matches"}, "3 matches"},
	} {
		if got := Count(c.n, c.one, c.many...); got != c.want {
			t.Errorf("Count(%d, %q) = %q, want %q", c.n, c.one, got, c.want)
		}
	}
}

func TestAnd(t *testing.T) {
	for want, list := range map[string][]string{
		"": nil, "Go": {"Go"}, "Go and SQL": {"Go", "SQL"}, "Go, SQL and Kafka": {"Go", "SQL", "Kafka"},
	} {
		if got := And(list); got != want {
			t.Errorf("And(%q) = %q, want %q", list, got, want)
		}
	}
}

func TestByCount(t *testing.T) {
	got := strings.Join(ByCount(map[string]int{"uh": 1, "um": 3, "like": 1}), ",")
	if got != "um,like,uh" {
		t.Fatalf("%s", got)
	}
}
