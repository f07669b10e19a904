package textsafe

// Text is outside text made safe to show. Only Safe and Join make one, so
// a function that takes a Text (a screen, a report, a parser of model
// replies) cannot be handed raw bytes by mistake: the cleaning happened
// where the text came in.
type Text struct{ s string }

// Safe cleans s (see Clean) into a Text.
func Safe(s string) Text { return Text{s: Clean(s)} }

// Join puts Texts together; clean parts make clean text, since Clean
// leaves no partial sequence at either end.
func Join(parts ...Text) Text {
	n := 0
	for _, p := range parts {
		n += len(p.s)
	}
	b := make([]byte, 0, n)
	for _, p := range parts {
		b = append(b, p.s...)
	}
	return Text{s: string(b)}
}

// String is the clean text.
func (t Text) String() string { return t.s }

// Len is the length in bytes.
func (t Text) Len() int { return len(t.s) }
