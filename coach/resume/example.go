package resume

import (
	_ "embed"
	"strings"
)

//go:embed data/example.md
var example string

// Note markers start the coaching notes in the example resume; each note
// is one blockquote line.
var noteMarkers = []string{"> **Why it works:**", "> **Make it stronger:**"}

// Example is the example resume with its coaching notes.
func Example() string { return example }

// ExampleTemplate is the example resume without the notes: a starting
// point to edit into one's own.
func ExampleTemplate() string { return StripNotes(example) }

// StripNotes removes the coaching notes and the blank line after each.
func StripNotes(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		if IsNote(lines[i]) {
			if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) == "" {
				i++
			}
			continue
		}
		out = append(out, lines[i])
	}
	return strings.Join(out, "\n")
}

// IsNote reports whether a markdown line is a coaching note.
func IsNote(line string) bool {
	for _, m := range noteMarkers {
		if strings.HasPrefix(line, m) {
			return true
		}
	}
	return false
}
