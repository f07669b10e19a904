package resume

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits on what is reviewed. A two-page resume is about 6 KB of text and
// a long posting 20 KB; anything past these is not a resume or a posting,
// and reviewing it would only make the user wait.
const (
	MaxTextBytes    = 1 << 20 // a resume's extracted text
	MaxPages        = 20      // a PDF resume's pages
	MaxPostingBytes = 1 << 20 // a job posting
)

// ErrPostingNotText is returned for a posting that is a binary file.
var ErrPostingNotText = errors.New("the job posting is not text (it looks like a binary file): paste the posting's text, or give a .txt or .md file")

// CheckPosting says why a posting cannot be reviewed, or nil.
func CheckPosting(text string) error {
	switch {
	case strings.TrimSpace(text) == "":
		return ErrEmptyPosting
	case looksBinary(text):
		return ErrPostingNotText
	case len(text) > MaxPostingBytes:
		return fmt.Errorf("the job posting is %s of text, more than the %s a posting could be: give the posting alone", size(len(text)), size(MaxPostingBytes))
	}
	return nil
}

// checkResumeText says why a resume's text is too large to review, or nil.
func checkResumeText(text string) error {
	if len(text) > MaxTextBytes {
		return fmt.Errorf("the resume is %s of text, more than the %s (about %d pages) a resume could be", size(len(text)), size(MaxTextBytes), MaxPages)
	}
	return nil
}

// looksBinary: a NUL byte, or more than one byte in a hundred that is not
// valid UTF-8. Escape sequences and other controls are text that is
// cleaned where it enters, not a reason to refuse it.
func looksBinary(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return true
	}
	bad, n := 0, 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		n++
		if r == utf8.RuneError && w == 1 {
			bad++
		}
	}
	return n > 0 && bad*100 > n
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)>>10)
}
