package prompts

import (
	"strings"
	"testing"
)

func TestParseFollowUp(t *testing.T) {
	const q = "You said latency dropped a lot: how did you measure it, and against what baseline?"
	cases := []struct {
		name, text, want string
		ok               bool
	}{
		{"bare", q, q, true},
		{"quoted", `"` + q + `"`, q, true},
		{"curly quoted", "“" + q + "”", q, true},
		{"label", "Follow-up: " + q, q, true},
		{"bold label", "**Follow-up question:** " + q, q, true},
		{"question label", "Question: " + q, q, true},
		{"italic", "*" + q + "*", q, true},
		{"numbered", "1. " + q, q, true},
		{"chatter line", "Sure! Here's a follow-up:\n\n" + q, q, true},
		{"chatter same line", "Sure! Here's a good follow-up: " + q, q, true},
		{"chatter and explanation", "Okay, based on the answer I'd probe the metric.\n\n> **" + q + "**\n\nThis tests whether the number is real.", q, true},
		{"heading", "### Follow-up\n" + q, q, true},
		{"wrapped spaces", "  How did you   pick\tthe 60 second TTL?  ", "How did you pick the 60 second TTL?", true},
		{"two sentences", "You mentioned Redis. Why cache-aside rather than write-through?", "You mentioned Redis. Why cache-aside rather than write-through?", true},
		{"colon inside question", "You chose a 60s TTL: what happens to a stale order?", "You chose a 60s TTL: what happens to a stale order?", true},
		{"no question mark", "Here is my follow-up:\nWalk me through how you measured the 40% drop.", "Walk me through how you measured the 40% drop.", true},
		{"thinking model", "<think>The candidate said 40%. Should I ask about stampedes? Maybe.</think>\n" + q, q, true},
		{"imperative", "Please describe the rollback you would run.", "Please describe the rollback you would run.", true},
		{"statement", "STATEMENT: Your answer lacked detail about the metric.", "", false},
		{"verdict", "Your answer was good but lacked depth on caching.", "", false},
		{"feedback then nothing", "Good answer overall.\n\nYou could mention TTLs.", "", false},
		{"empty", "", "", false},
		{"only chatter", "Sure! Here's a follow-up:\n\n", "", false},
		{"punctuation only", "**?**\n---", "", false},
		{"too long", strings.Repeat("Why is that ", 40) + "?", "", false},
		{"unclosed thinking", "<think>I will ask about TTLs. What about stampedes?", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := ParseFollowUp(c.text)
			if got != c.want || ok != c.ok {
				t.Errorf("got %q %v, want %q %v", got, ok, c.want, c.ok)
			}
		})
	}
}
