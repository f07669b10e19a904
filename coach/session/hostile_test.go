package session

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/coach-tui/coach/questions/textsafe/textsafetest"
)

// Stored reports and setups are JSON: their \u001b escapes become raw
// bytes only when read back, so reading them cleans.
func TestDecodedReportAndSetupAreCleaned(t *testing.T) {
	h := textsafetest.JSONEscaped
	r := DecodeReport(`{"overall": 40, "dimensions": [{"name": "` + h + `", "finding": "` + h + `", "next": "` + h + `"}],
		"key_points": [{"point": "` + h + `"}], "tech_terms": ["` + h + `"], "filler": ["` + h + `"]}`)
	if found := textsafetest.Found([]byte(textsafetest.Strings(r)), false); found != nil {
		t.Fatalf("report holds %v", found)
	}
	if r.Overall != 40 || len(r.Dimensions) != 1 || !strings.Contains(r.Dimensions[0].Finding, textsafetest.Marker) {
		t.Fatalf("report not read: %+v", r)
	}
	in := DefaultSetup()
	in.Asked = []string{textsafetest.Raw}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	s := DecodeSetup(string(b))
	if found := textsafetest.Found([]byte(textsafetest.Strings(s)), false); found != nil {
		t.Fatalf("setup holds %v", found)
	}
	if len(s.Asked) != 1 || !strings.Contains(s.Asked[0], textsafetest.Marker) {
		t.Fatalf("setup not read back: %+v", s)
	}
}
