package prompts

import (
	"regexp"
	"sync"
)

// lazyRE is a regular expression compiled on first use. The package is
// linked into every run of coach, and most runs never read a model's
// reply: compiling its patterns at start cost more than half a
// millisecond before the first frame.
type lazyRE struct {
	once    sync.Once
	pattern string
	re      *regexp.Regexp
}

func lazyRegexp(pattern string) *lazyRE { return &lazyRE{pattern: pattern} }

func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.pattern) })
	return l.re
}
