package prompts

import (
	"encoding/json"

	"github.com/coach-tui/coach/questions/textsafe"
)

// unmarshal is json.Unmarshal for model replies. The reply was cleaned as
// text, but its \u001b and \u009b escapes only become control bytes when
// decoded, so every decoded string is cleaned here, before anything (terms,
// scores, questions) is made from it.
func unmarshal(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return err
	}
	textsafe.CleanDecoded(v)
	return nil
}
