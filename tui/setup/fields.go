package setup

import (
	"fmt"
	"sort"
	"strings"
	"time"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/questions"
)

// field is one row of the form: a label and a list of choices.
type field struct {
	label   string
	choices func(m *Model) []choice
}

type choice struct {
	label string
	apply func(s *sess.Setup)
	is    func(s sess.Setup) bool
}

var roleNames = map[questions.Role]string{
	questions.Backend: "Backend", questions.SeniorBackend: "Senior backend", questions.FullStack: "Full stack",
	questions.DevOps: "DevOps", questions.CloudArchitect: "Cloud architect", questions.SRE: "SRE", questions.Platform: "Platform",
}

func roleChoices(*Model) []choice {
	var out []choice
	for _, r := range questions.Roles {
		r := r
		out = append(out, choice{roleNames[r], func(s *sess.Setup) { s.Role = r }, func(s sess.Setup) bool { return s.Role == r }})
	}
	return out
}

var kindPresets = []struct {
	label string
	kinds []questions.Kind
}{
	{"all kinds", nil},
	{"behavioural", []questions.Kind{questions.Behavioral}},
	{"technical", []questions.Kind{questions.Technical}},
	{"system design", []questions.Kind{questions.SystemDesign}},
	{"situational", []questions.Kind{questions.Situational}},
	{"behavioural + situational", []questions.Kind{questions.Behavioral, questions.Situational}},
	{"to ask the interviewer", []questions.Kind{questions.AskInterviewer}},
}

func kindChoices(*Model) []choice {
	var out []choice
	for _, p := range kindPresets {
		p := p
		out = append(out, choice{p.label,
			func(s *sess.Setup) { s.Kinds = p.kinds; s.Categories = nil },
			func(s sess.Setup) bool { return sameKinds(s.Kinds, p.kinds) }})
	}
	return out
}

func sameKinds(a, b []questions.Kind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// categoryChoices offers the categories that have questions for the role
// and kinds chosen.
func categoryChoices(m *Model) []choice {
	out := []choice{{"any", func(s *sess.Setup) { s.Categories = nil }, func(s sess.Setup) bool { return len(s.Categories) == 0 }}}
	if m.App.Bank == nil {
		return out
	}
	seen := map[string]bool{}
	f := m.filter()
	f.Categories = nil
	for _, q := range m.App.Bank.Filter(f) {
		seen[q.Category] = true
	}
	cats := make([]string, 0, len(seen))
	for c := range seen {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		c := c
		out = append(out, choice{c, func(s *sess.Setup) { s.Categories = []string{c} },
			func(s sess.Setup) bool { return len(s.Categories) == 1 && s.Categories[0] == c }})
	}
	return out
}

func difficultyChoices(*Model) []choice {
	out := []choice{{"any", func(s *sess.Setup) { s.Difficulties = nil }, func(s sess.Setup) bool { return len(s.Difficulties) == 0 }}}
	for d, name := range []string{"junior", "mid", "senior"} {
		d := d + 1
		out = append(out, choice{name, func(s *sess.Setup) { s.Difficulties = []int{d} },
			func(s sess.Setup) bool { return len(s.Difficulties) == 1 && s.Difficulties[0] == d }})
	}
	return out
}

// companyChoices offers each company named in the bank, spelled as first
// seen (the filter ignores case), after "any". A remembered company that
// no question names any more stays on offer so it can be seen and changed.
func companyChoices(m *Model) []choice {
	out := []choice{{"any", func(s *sess.Setup) { s.Company = "" }, func(s sess.Setup) bool { return s.Company == "" }}}
	seen := map[string]bool{}
	var names []string
	add := func(c string) {
		if k := strings.ToLower(c); c != "" && !seen[k] {
			seen[k] = true
			names = append(names, c)
		}
	}
	if m.App.Bank != nil {
		for _, q := range m.App.Bank.Questions() {
			add(q.Company)
		}
	}
	add(m.setup.Company)
	sort.Slice(names, func(i, j int) bool { return strings.ToLower(names[i]) < strings.ToLower(names[j]) })
	for _, c := range names {
		c := c
		out = append(out, choice{c, func(s *sess.Setup) { s.Company = c },
			func(s sess.Setup) bool { return strings.EqualFold(s.Company, c) }})
	}
	return out
}

func countChoices(*Model) []choice {
	var out []choice
	for _, n := range []int{1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20} {
		n := n
		out = append(out, choice{fmt.Sprint(n), func(s *sess.Setup) { s.Count = n }, func(s sess.Setup) bool { return s.Count == n }})
	}
	return out
}

func timerChoices(*Model) []choice {
	labels := map[sess.TimerMode]string{
		sess.Strict:  "strict: time-out submits",
		sess.Soft:    "soft: overtime counts up",
		sess.Untimed: "untimed",
	}
	var out []choice
	for _, t := range sess.TimerModes {
		t := t
		out = append(out, choice{labels[t], func(s *sess.Setup) { s.Timer = t }, func(s sess.Setup) bool { return s.Timer == t }})
	}
	return out
}

func readingChoices(*Model) []choice {
	var out []choice
	for _, d := range []time.Duration{0, 10 * time.Second, 20 * time.Second, 30 * time.Second} {
		d := d
		label := "none"
		if d > 0 {
			label = questions.FormatTime(d) + " before the clock"
		}
		out = append(out, choice{label, func(s *sess.Setup) { s.Reading = d }, func(s sess.Setup) bool { return s.Reading == d }})
	}
	return out
}

func allowanceChoices(*Model) []choice {
	var out []choice
	for _, a := range []float64{1, 1.5, 2, 3} {
		a := a
		label := strings.TrimSuffix(fmt.Sprintf("×%.1f", a), ".0") + " the spoken time"
		if a == 1 {
			label = "×1 (answer aloud, type notes)"
		}
		out = append(out, choice{label, func(s *sess.Setup) { s.Allowance = a }, func(s sess.Setup) bool { return s.Allowance == a }})
	}
	return out
}

func followUpChoices(*Model) []choice {
	return []choice{
		{"on", func(s *sess.Setup) { s.FollowUps = true }, func(s sess.Setup) bool { return s.FollowUps }},
		{"off", func(s *sess.Setup) { s.FollowUps = false }, func(s sess.Setup) bool { return !s.FollowUps }},
	}
}

func practiceFields() []field {
	return []field{
		{"Role", roleChoices},
		{"Questions", kindChoices},
		{"Category", categoryChoices},
		{"Difficulty", difficultyChoices},
		{"Company", companyChoices},
		{"How many", countChoices},
		{"Timer", timerChoices},
		{"Reading time", readingChoices},
		{"Typing allowance", allowanceChoices},
		{"Follow-ups", followUpChoices},
	}
}

func mockFields() []field {
	return []field{
		{"Role", roleChoices},
		{"How many", countChoices},
		{"Timer", timerChoices},
		{"Reading time", readingChoices},
		{"Typing allowance", allowanceChoices},
		{"Follow-ups", followUpChoices},
	}
}
