package prompts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// figure is one number found in text, with its unit.
type figure struct {
	start, end int    // byte span, currency and unit included
	value      string // normalised decimal: "1,200" and "1.2k" are both "1200"
	unit       string // canonical unit, "" for a bare number
}

func (f figure) key() string { return f.value + "|" + f.unit }

// Units after a number, canonicalised. A unit of "e3", "e6" or "e9"
// scales the number instead ("10k" is 10000), so "10k" matches "10,000".
var (
	tightUnits = map[string]string{
		"%": "%", "x": "x", "k": "e3", "m": "e6", "mm": "e6", "mn": "e6", "b": "e9", "bn": "e9",
		"ms": "ms", "s": "s", "sec": "s", "secs": "s", "min": "min", "mins": "min",
		"h": "h", "hr": "h", "hrs": "h", "d": "day", "yr": "year", "yrs": "year",
		"kb": "kb", "mb": "mb", "gb": "gb", "tb": "tb", "pb": "pb",
		"rps": "rps", "qps": "qps", "tps": "tps",
	}
	spacedUnits = map[string]string{
		"%": "%", "percent": "%", "times": "x",
		"thousand": "e3", "million": "e6", "billion": "e9",
		"ms": "ms", "millisecond": "ms", "milliseconds": "ms",
		"s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
		"min": "min", "mins": "min", "minute": "min", "minutes": "min",
		"h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
		"day": "day", "days": "day", "week": "week", "weeks": "week",
		"month": "month", "months": "month", "yr": "year", "yrs": "year", "year": "year", "years": "year",
		"kb": "kb", "mb": "mb", "gb": "gb", "tb": "tb", "pb": "pb",
		"rps": "rps", "qps": "qps", "tps": "tps",
	}
)

// figures finds the numbers in s. With prose set it skips those that are
// not claims: list numbering, numbers in headings, inside [placeholders]
// and in URLs. Numbers inside words and versions (S3, k8s, p99, HTTP/2,
// 1.2.3) and ordinals or codes (3rd, 5xx, 2FA) are never figures.
func figures(s string, prose bool) []figure {
	var skip [][]int
	if prose {
		skip = append(bracketed.get().FindAllStringIndex(s, -1), url.get().FindAllStringIndex(s, -1)...)
	}
	var out []figure
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		f, next, ok := readFigure(s, i)
		i = next
		if ok && !(prose && (inAny(skip, f.start) || notAClaim(s, f))) {
			out = append(out, f)
		}
	}
	return out
}

var (
	bracketed = lazyRegexp(`\[[^\[\]\n]{0,60}\]`)
	url       = lazyRegexp(`(?i)\bhttps?://[^\s)>\]]+`)
)

func inAny(spans [][]int, at int) bool {
	for _, sp := range spans {
		if at >= sp[0] && at < sp[1] {
			return true
		}
	}
	return false
}

// label is the word before a number that counts items of the reply
// itself ("**Question 3:**", "Bullet 2"), not a claim about the candidate.
var label = lazyRegexp(`(?i)\b(?:question|bullet|rewrite|item|step|option|point|section|part)[\s*_#]*$`)

// notAClaim reports list numbering ("1." first on a line), numbers in
// markdown headings and item labels.
func notAClaim(s string, f figure) bool {
	lineStart := strings.LastIndexByte(s[:f.start], '\n') + 1
	before := strings.TrimLeft(s[lineStart:f.start], " \t")
	if strings.HasPrefix(before, "#") || (f.unit == "" && label.get().MatchString(before)) {
		return true
	}
	if strings.Trim(before, "*_") != "" || f.unit != "" || s[f.start] == '$' {
		return false
	}
	rest := s[f.end:]
	return len(rest) > 0 && (rest[0] == '.' || rest[0] == ')') && (len(rest) == 1 || strings.ContainsRune(" \t\n*", rune(rest[1])))
}

// readFigure reads the number whose first digit is at i. next is where
// scanning resumes; ok is false when the digits are part of a word.
func readFigure(s string, i int) (f figure, next int, ok bool) {
	if prev, n := utf8.DecodeLastRuneInString(s[:i]); i > 0 {
		before, _ := utf8.DecodeLastRuneInString(s[:i-n])
		switch {
		case isWordRune(prev), (prev == '.' || prev == ',') && i-n > 0 && before >= '0' && before <= '9',
			(prev == '/' || prev == '-') && i-n > 0 && unicode.IsLetter(before):
			return f, skipToken(s, i), false
		}
	}
	f.start = i
	if prev, n := utf8.DecodeLastRuneInString(s[:i]); strings.ContainsRune("$€£", prev) {
		f.start = i - n
	}
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	digits := strings.Builder{}
	digits.WriteString(s[i:j])
	// Thousands separators only in groups of three after 1-3 digits.
	grouped := j-i <= 3
	for grouped && j+4 <= len(s) && s[j] == ',' && allDigits(s[j+1:j+4]) && (j+4 == len(s) || !isDigit(s[j+4])) {
		digits.WriteString(s[j+1 : j+4])
		j += 4
	}
	frac := ""
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		k := j + 1
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		frac, j = s[j+1:k], k
	}
	if j+1 < len(s) && (s[j] == '.' || s[j] == ',') && isDigit(s[j+1]) {
		return f, skipToken(s, j), false // 1.2.3, or an odd grouping
	}
	if j < len(s) && s[j] == '+' {
		j++
	}
	unit, end, ok := readUnit(s, j)
	if !ok {
		return f, skipToken(s, j), false
	}
	f.end, f.unit = end, unit
	zeros := 0
	switch unit {
	case "e3", "e6", "e9":
		zeros, f.unit = int(unit[1]-'0'), ""
	}
	f.value = normalise(digits.String(), frac, zeros)
	return f, end, true
}

// readUnit reads the unit after a number ending at j: joined ("40%",
// "10k") or after one space ("3 years"). ok is false when letters follow
// that are no unit ("5xx", "3rd"): then the digits belong to a word.
func readUnit(s string, j int) (unit string, end int, ok bool) {
	if strings.HasPrefix(s[j:], "×") {
		return "x", j + len("×"), true
	}
	if w := unitWord(s, j); w != "" {
		u, known := tightUnits[strings.ToLower(w)]
		return u, j + len(w), known
	}
	if j < len(s) && s[j] == ' ' {
		if w := unitWord(s, j+1); w != "" {
			if u, known := spacedUnits[strings.ToLower(w)]; known {
				return u, j + 1 + len(w), true
			}
		}
	}
	return "", j, true
}

// unitWord is "%" or the run of ASCII letters at j, if what follows it is
// not part of a longer word.
func unitWord(s string, j int) string {
	if j < len(s) && s[j] == '%' {
		return "%"
	}
	k := j
	for k < len(s) && (s[k]|0x20 >= 'a' && s[k]|0x20 <= 'z') {
		k++
	}
	if r, _ := utf8.DecodeRuneInString(s[k:]); k < len(s) && (isWordRune(r) || r == '_') {
		return s[j:k] + string(r) // never a unit: makes the caller reject it
	}
	return s[j:k]
}

// normalise writes a number without grouping, scaled by 10^zeros, with no
// leading or trailing zeros: "1,200", "1200.0" and "1.2k" all become "1200".
func normalise(intPart, frac string, zeros int) string {
	for range zeros {
		if frac != "" {
			intPart, frac = intPart+frac[:1], frac[1:]
		} else {
			intPart += "0"
		}
	}
	intPart = strings.TrimLeft(intPart, "0")
	frac = strings.TrimRight(frac, "0")
	if intPart == "" {
		intPart = "0"
	}
	if frac != "" {
		return intPart + "." + frac
	}
	return intPart
}

func skipToken(s string, j int) int {
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(r) && !((r == '.' || r == ',') && j+1 < len(s) && isDigit(s[j+1])) {
			break
		}
		j += n
	}
	return j
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
