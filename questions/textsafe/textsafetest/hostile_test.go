package textsafetest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/coach-tui/coach/questions/textsafe"
)

func TestCorpusIsFoundAndCleaned(t *testing.T) {
	if got := Found([]byte(Raw), false); len(got) < 10 {
		t.Fatalf("Found sees only %v in the raw corpus", got)
	}
	if got := Found([]byte(Raw), true); len(got) < 8 {
		t.Fatalf("Found, allowing drawing, sees only %v", got)
	}
	clean := textsafe.Clean(Raw)
	if got := Found([]byte(clean), false); got != nil {
		t.Fatalf("left after Clean: %v in %q", got, clean)
	}
	if !strings.Contains(clean, Marker) || !strings.Contains(clean, "evil") {
		t.Fatalf("visible words lost: %q", clean)
	}
	var decoded string
	if err := json.Unmarshal([]byte(`"`+JSONEscaped+`"`), &decoded); err != nil || decoded != Raw {
		t.Fatalf("JSONEscaped does not decode to Raw: %v %q", err, decoded)
	}
	if strings.ContainsRune(JSONEscaped, 0x1b) || strings.ContainsRune(JSONEscaped, 0x9b) {
		t.Fatal("JSONEscaped holds raw controls")
	}
}
