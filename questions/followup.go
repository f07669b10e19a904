package questions

import (
	"encoding/json"
	"fmt"
)

// FollowUp is a question the interviewer asks after the answer to its
// parent. With key points of its own it is judged on what it asks; without
// them, on the rest (structure, specificity, length), since the parent's
// key points are about another question.
type FollowUp struct {
	Text      string     `yaml:"text" json:"text"`
	KeyPoints []KeyPoint `yaml:"key_points,omitempty" json:"key_points,omitempty"`
}

// Texts lists the follow-ups' questions, in order.
func Texts(fs []FollowUp) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Text
	}
	return out
}

// MarshalJSON writes a follow-up without key points as its text, the way a
// bank file may, so JSON written before follow-ups had key points and
// JSON written now read alike.
func (f FollowUp) MarshalJSON() ([]byte, error) {
	if len(f.KeyPoints) == 0 {
		return json.Marshal(f.Text)
	}
	type plain FollowUp
	return json.Marshal(plain(f))
}

// UnmarshalJSON reads a follow-up written either way.
func (f *FollowUp) UnmarshalJSON(b []byte) error {
	var text string
	if err := json.Unmarshal(b, &text); err == nil {
		*f = FollowUp{Text: text}
		return nil
	}
	type plain FollowUp
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("follow-up: expected text or {text, key_points}: %w", err)
	}
	*f = FollowUp(p)
	return nil
}
