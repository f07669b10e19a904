// Package textsafe makes untrusted text safe to show in a terminal. Text
// from models and from the user's own files can carry escape sequences: OSC
// 52 writes the clipboard, OSC 8 hides a link behind innocent text, CSI
// clears the screen or moves the cursor, DCS talks to the terminal itself.
// Renderers such as glamour and lipgloss pass them through untouched, so
// every screen that shows such text cleans it here first: one sanitiser for
// the whole program. Bidi controls go too: they reorder what the reader
// sees (a filename or a command that reads backwards).
//
// It lives under questions, the bottom of the dependency chain, so the
// bank's loader can use it as well as every layer above.
package textsafe

import (
	"strings"
	"unicode/utf8"
)

// Clean removes escape sequences whole (CSI, OSC, DCS, SOS, PM, APC and
// two-byte ESC sequences, in their 7-bit and C1 forms) and every other C0 and
// C1 control character except newline and tab. A sequence left unfinished
// at the end of s is dropped to the end, as a terminal would swallow it,
// and so is a character cut off there; a string sequence (OSC, DCS…) left
// unterminated ends at the next newline. Invalid UTF-8 becomes U+FFFD. Clean text is returned unchanged.
func Clean(s string) string {
	out, _ := clean(s, false)
	return out
}

// CleanMarked is Clean for documents, where a lone control character is
// usually a glyph the file's maker could not map (a PDF ligature): it
// becomes U+FFFD, so the reader sees something was lost there. Escape
// sequences and bidi controls still go without a trace.
func CleanMarked(s string) string {
	out, _ := clean(s, true)
	return out
}

// Filter cleans text that arrives in pieces, such as a streamed reply,
// where an escape sequence may be split across two pieces. It holds back
// the unfinished tail of a piece until the next one completes it.
// The zero value is ready to use.
type Filter struct {
	pending string
}

// maxPending bounds how much of an unfinished sequence is held back; past
// it the sequence is dropped, so a hostile stream cannot stall the view.
const maxPending = 4096

// Write returns the displayable text of pending+piece.
func (f *Filter) Write(piece string) string {
	s := f.pending + piece
	out, from := clean(s, false)
	f.pending = ""
	if from < len(s) && len(s)-from <= maxPending {
		f.pending = s[from:]
	}
	return out
}

// Reset drops any unfinished sequence held back; call it when the text
// ends (what was held back is never shown) or starts again.
func (f *Filter) Reset() { f.pending = "" }

const (
	esc = 0x1b
	bel = 0x07
	st  = 0x9c // C1 string terminator
)

// clean returns the cleaned text and the byte offset where an unfinished
// escape sequence starts (len(s) when there is none). The returned text
// never includes that unfinished part. With mark, lone controls other than
// bidi become U+FFFD instead of going.
func clean(s string, mark bool) (string, int) {
	if isPlain(s) {
		return s, len(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == esc || r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			end, ok := skipSequence(s, i)
			if !ok {
				return b.String(), i
			}
			i = end
			continue
		case r == utf8.RuneError && n <= 1:
			if !utf8.FullRuneInString(s[i:]) {
				// A character cut off at the end: a stream's next
				// piece completes it.
				return b.String(), i
			}
			b.WriteRune(utf8.RuneError)
		case isAmbiguousJoin(r):
			// dropped: see isAmbiguousJoin
		case !isControl(r):
			b.WriteString(s[i : i+n])
		case mark && !isBidi(r):
			b.WriteRune(utf8.RuneError)
		}
		i += n
	}
	return b.String(), len(s)
}

// isPlain reports whether s is valid UTF-8 with no control characters and
// no ambiguous joins, the common case, so Clean can return it without
// copying.
func isPlain(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || isControl(r) || isAmbiguousJoin(r) {
			return false
		}
	}
	return true
}

// isAmbiguousJoin reports the characters that join others into one glyph
// on some terminals and not on others: the zero-width joiner (👨‍👩‍👧‍👦 is
// two cells or eight), a skin-tone modifier (👍🏽 is two cells in a
// terminal that joins it, four in tmux), an emoji variation selector (❤️
// is one cell or two) and the tag characters of subdivision flags. Every
// layer of coach measures a joined cluster as one glyph; where the
// terminal does not, each line drawn runs wider than measured, wraps, and
// pushes the rest of the screen down. Without them every terminal draws
// the parts (👨👩👧👦, 👍, ❤) at the width they are measured. The price is
// small: a joiner also shapes some Indic and Arabic letters, which read the
// same without it. Dropping them needs no context, so clean pieces still
// join into clean text.
func isAmbiguousJoin(r rune) bool {
	return r == 0x200d || r >= 0x1f3fb && r <= 0x1f3ff || r == 0xfe0e || r == 0xfe0f || r >= 0xe0020 && r <= 0xe007f
}

func isControl(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidi(r)
}

// isBidi reports the explicit bidirectional formatting characters: marks
// (LRM, RLM, ALM), embeddings and overrides (LRE…RLO) and isolates
// (LRI…PDI). Right-to-left letters themselves are kept.
func isBidi(r rune) bool {
	return r == 0x200e || r == 0x200f || r == 0x061c || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// Sequence kinds after their introducer.
const (
	kindCSI = iota
	kindOSC
	kindString // DCS, SOS, PM, APC: ended by ST only
)

// skipSequence returns the offset just past the escape sequence starting at
// s[i], or ok=false if the sequence runs to the end of s unfinished.
func skipSequence(s string, i int) (end int, ok bool) {
	r, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	var kind int
	switch r {
	case 0x9b:
		kind = kindCSI
	case 0x9d:
		kind = kindOSC
	case 0x90, 0x98, 0x9e, 0x9f:
		kind = kindString
	default: // ESC
		if j >= len(s) {
			return i, false
		}
		switch s[j] {
		case '[':
			kind = kindCSI
		case ']':
			kind = kindOSC
		case 'P', 'X', '^', '_':
			kind = kindString
		default:
			// ESC, intermediates 0x20-0x2F, then one final 0x30-0x7E
			// (ESC c resets the terminal, ESC ( B picks a charset).
			for ; j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f; j++ {
			}
			if j >= len(s) {
				return i, false
			}
			if s[j] >= 0x30 && s[j] <= 0x7e {
				return j + 1, true
			}
			return j, true // not a sequence: drop the ESC alone
		}
		j++
	}
	if kind == kindCSI {
		// Parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E.
		// Anything else ends the sequence early and is kept for the caller.
		for ; j < len(s); j++ {
			c := s[j]
			switch {
			case c >= 0x20 && c <= 0x3f:
			case c >= 0x40 && c <= 0x7e:
				return j + 1, true
			default:
				return j, true
			}
		}
		return i, false
	}
	// A string sequence runs to ST (ESC \ or C1 ST); OSC also ends at BEL.
	// Another ESC aborts it and starts whatever follows. So does a newline,
	// which a terminal would swallow too: here it bounds what one
	// unterminated sequence can hide of a reply to the rest of its line.
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '\n':
			return j, true
		case r == bel && kind == kindOSC:
			return j + n, true
		case r == st:
			return j + n, true
		case r == esc:
			if j+1 >= len(s) {
				return i, false
			}
			if s[j+1] == '\\' {
				return j + 2, true
			}
			return j, true
		}
		j += n
	}
	return i, false
}
