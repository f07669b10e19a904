package resume

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles a pattern the first time it is used. The review's
// thirty patterns cost over a millisecond to compile, and package
// initialisation runs before the app's first frame, which never needs them.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
