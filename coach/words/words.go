// Package words puts counts and lists into words: "1 answer", "3
// answers", "Go, SQL and Kafka".
package words

import (
	"fmt"
	"sort"
	"strings"
)

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

// And joins a list as prose: "Go", "Go and SQL", "Go, SQL and Kafka".
func And(list []string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}

// ByCount is the keys of counts, the most counted first and ties in
// alphabetical order.
func ByCount(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
