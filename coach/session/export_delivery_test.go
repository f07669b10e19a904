package session

import (
	"strings"
	"testing"

	"github.com/coach-tui/coach/coach/store"
)

// A spoken answer's delivery and recording are in its report, its texts
// cleaned of any escape the stored JSON carries.
func TestAttemptMarkdownShowsTheDelivery(t *testing.T) {
	a := store.Attempt{QuestionText: "Q?", Kind: "technical", Answer: "spoken words", Overall: 60, Audio: "/data/recordings/a.wav",
		Delivery: `{"duration_seconds":20,"pauses":1,"speech_found":true,"notes":["1 pause \u001b]0;pwned\u0007, the longest 1.0 s."]}`}
	md := AttemptMarkdown(1, Row{Attempt: a})
	for _, want := range []string{"**Delivery**", "1 pause", "*Recording: /data/recordings/a.wav*"} {
		if !strings.Contains(md, want) {
			t.Errorf("lacks %q:\n%s", want, md)
		}
	}
	if strings.ContainsAny(md, "\x1b\x07") {
		t.Errorf("an escape reached the report: %q", md)
	}
	if md := AttemptMarkdown(1, Row{Attempt: store.Attempt{QuestionText: "Q?", Answer: "typed"}}); strings.Contains(md, "Delivery") {
		t.Error("a typed answer has no delivery section")
	}
}
