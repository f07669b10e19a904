package llm

import (
	"regexp"
	"strings"
)

// redactor takes the key out of a reply that arrives in pieces. A key may
// be split across two pieces, so the end of a piece that could be the
// start of one (a prefix of the key, or "sk-…" running to the end) is held
// back until the next piece tells, or the reply ends. Ordinary text is
// let through at once.
type redactor struct {
	c       *Client
	pending string
}

// keyStart matches what could begin a key-shaped token at the end of s.
var keyStart = regexp.MustCompile(`(?:sk-[A-Za-z0-9_\-*.]*|sk?)$`)

// maxHeld bounds what is held back, so a hostile reply cannot stall the view.
const maxHeld = 4096

func (r *redactor) write(piece string) string {
	s := r.pending + piece
	cut := len(s)
	if k := r.c.key; k != "" {
		for l := min(len(k)-1, len(s)); l > 0; l-- {
			if strings.HasSuffix(s, k[:l]) {
				cut = len(s) - l
				break
			}
		}
	}
	if m := keyStart.FindStringIndex(s); m != nil {
		cut = min(cut, m[0])
	}
	cut = r.outsideSecrets(s, cut)
	if len(s)-cut > maxHeld {
		cut = len(s) // key-shaped text this long is redacted whole
	}
	r.pending = s[cut:]
	return r.c.redact(s[:cut])
}

// flush returns what is held back, redacted: the reply has ended.
func (r *redactor) flush() string {
	s := r.pending
	r.pending = ""
	return r.c.redact(s)
}

// outsideSecrets moves cut back to the start of any key, or key-shaped
// text, that it would split or that runs to the end of s (and may go on).
func (r *redactor) outsideSecrets(s string, cut int) int {
	for _, m := range keyLike.FindAllStringIndex(s, -1) {
		if m[0] < cut && (m[1] > cut || m[1] == len(s)) {
			cut = m[0]
		}
	}
	if k := r.c.key; k != "" {
		for i := 0; ; {
			j := strings.Index(s[i:], k)
			if j < 0 {
				break
			}
			start := i + j
			if start < cut && start+len(k) > cut {
				cut = start
			}
			i = start + 1
		}
	}
	return max(cut, 0)
}
