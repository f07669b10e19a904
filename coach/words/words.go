// Package words puts counts into words: "1 answer", "3 answers".
package words

import "fmt"

// Count is n with the noun in its right form. many is the plural when it
// is not one+"s".
func Count(n int, one string, many ...string) string {
	if n == 1 {
		return "1 " + one
	}
	word := one + "s"
	if len(many) > 0 {
		word = many[0]
	}
	return fmt.Sprintf("%d %s", n, word)
}
