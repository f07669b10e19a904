package questions

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkDefaultBank measures decoding the embedded compact bank, which
// the app does once at start in a background command.
func BenchmarkDefaultBank(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDefaultBankYAML measures parsing and validating the same bank
// from its YAML, as the app did before the compact form.
func BenchmarkDefaultBankYAML(b *testing.B) {
	for b.Loop() {
		if _, err := ParseDir(os.DirFS("."), "bank"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUserBank10k measures a user bank of 10,000 questions.
func BenchmarkUserBank10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.yaml")
	if err := os.WriteFile(path, []byte(generatedBank(10000)), 0o600); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		bank := FromFiles([]string{path}, Parser{})
		if bank.Len() != 10000 || len(bank.Problems) > 0 {
			b.Fatalf("loaded %d, problems %v", bank.Len(), bank.Problems)
		}
	}
}

func BenchmarkFilter(b *testing.B) {
	bank, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	f := Filter{Roles: []Role{SRE}, Kinds: []Kind{Technical}, Search: "latency"}
	for b.Loop() {
		bank.Filter(f)
	}
}

func generatedBank(n int) string {
	var s strings.Builder
	s.WriteString("topic: Generated\nquestions:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&s, `  - id: gen-%d
    text: Generated question number %d about caching layer %d.
    kind: technical
    category: caching
    roles: [backend, sre]
    difficulty: %d
    time: 3m
    tags: [caching]
    key_points:
      - point: Explains invalidation
        terms: [ttl, invalidate, evict]
      - point: Names a store
        terms: [redis, memcached]
      - point: Measures hit rate
        terms: [hit rate, miss]
    follow_ups:
      - What happens on a cold start?
    outline: |
      1. What it is
      2. How it works
`, i, i, i%17, i%3+1)
	}
	return s.String()
}
