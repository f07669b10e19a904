package resume

import (
	"strings"
	"testing"

	"github.com/coach-tui/coach/questions/textsafe/textsafetest"
)

// Resume and posting text from every format is outside text: escape
// sequences in it are shown as lost characters at most, never as
// sequences, and bidi controls go.
func TestExtractedTextHoldsNoSequences(t *testing.T) {
	ascii := "Built \x1b]52;c;ZXZpbA==\x07 ledgers \x1b]0;pwned-title\x07 \x1b[2J \x1bP+q\x1b\\ " + textsafetest.Marker
	xmlSafe := "Built \u009b31m \u009d0;c1-title\u009c \u202eevil\u202c \u2066\u200f " + textsafetest.Marker
	cases := map[string][]byte{
		"cv.txt":  []byte("Experience\n" + textsafetest.Raw + "\n"),
		"cv.md":   []byte("# Experience\n- " + textsafetest.Raw + "\n"),
		"cv.pdf":  textPDF(t, []string{"Experience", ascii}),
		"cv.docx": docx(t, "Experience", "• "+xmlSafe),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			doc, err := Extract(name, data)
			if err != nil {
				t.Fatal(err)
			}
			if found := textsafetest.Found([]byte(doc.Text), false); found != nil {
				t.Fatalf("text holds %v:\n%q", found, doc.Text)
			}
			if !strings.Contains(doc.Text, textsafetest.Marker) {
				t.Fatalf("visible text lost: %q", doc.Text)
			}
		})
	}
	pasted := FromText("pasted posting", textsafetest.Raw)
	if found := textsafetest.Found([]byte(pasted.Text), false); found != nil {
		t.Fatalf("pasted text holds %v", found)
	}
}
