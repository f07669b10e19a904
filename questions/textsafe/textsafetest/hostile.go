// Package textsafetest holds the hostile text that tests drive through
// every path where outside text enters, and the check that none of it
// reached an output.
package textsafetest

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// Marker is the visible word the payloads wrap; a test checks it survives.
const Marker = "PAYLOADWORD"

// Raw holds the sequences as bytes: what a file, a PDF's text or a
// terminal-bound reply could carry directly.
var Raw = strings.Join([]string{
	"\x1b]52;c;ZXZpbA==\x07", // OSC 52: write the clipboard
	"\x1b]8;;http://evil.example/\x1b\\" + Marker + "\x1b]8;;\x1b\\", // OSC 8 hyperlink
	"\x1b]0;pwned-title\x07",             // OSC 0: window title
	"\x1b[2J\x1b[H",                      // clear screen, home
	"\x1bP+q544e\x1b\\",                  // DCS: ask the terminal
	"\x1b_Ga=T\x1b\\",                    // APC
	"\u009b31m",                          // 8-bit CSI in UTF-8
	"\u009d0;c1-title\u009c",             // 8-bit OSC in UTF-8
	"\x1b]0;\x1b]0;nested-title\x07\x07", // nested OSC
	"\u202e" + "evil" + "\u202c",         // right-to-left override
	"\u2066\u200f",                       // isolate, mark
	"\x1b]52;c;unterminated",             // OSC never ended
}, " ")

// JSONEscaped is Raw as a model would write it inside a JSON string: every
// control as a \u escape, so only decoding makes it real.
var JSONEscaped = jsonEscape(Raw)

// YAMLEscaped is Raw as a double-quoted YAML scalar's body ("\e", "\x9b").
var YAMLEscaped = strings.NewReplacer("\\", "\\\\", "\x1b", `\e`, "\x07", `\a`,
	"\u009b", `\x9b`, "\u009d", `\x9d`, "\u009c", `\x9c`,
	"\u202e", `\u202E`, "\u202c", `\u202C`, "\u2066", `\u2066`, "\u200f", `\u200F`, `"`, `\"`).Replace(Raw)

func jsonEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Found lists the hostile sequences present in out. Screens draw with
// sequences of their own (CSI, and the background colour query OSC 11), so
// a screen's bytes are checked with drawing=true, which allows those but
// still finds every other OSC, DCS, APC, PM, SOS, any C1 control and any
// bidi control. Any other output (a report, a CLI's stdout) must hold no
// escape at all.
func Found(out []byte, drawing bool) []string {
	s := string(out)
	var found []string
	if drawing {
		own := strings.NewReplacer("\x1b]11;?", "", "\x1b]10;?", "").Replace(s)
		for _, intro := range []string{"\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x1bX"} {
			if k := strings.Index(own, intro); k >= 0 {
				found = append(found, fmt.Sprintf("%q", own[k:min(len(own), k+24)]))
			}
		}
	} else if strings.ContainsRune(s, 0x1b) {
		k := strings.IndexByte(s, 0x1b)
		found = append(found, fmt.Sprintf("ESC: %q", s[k:min(len(s), k+24)]))
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1 && s[i] >= 0x80 && s[i] < 0xa0:
			found = append(found, fmt.Sprintf("raw 8-bit control %#x at %d", s[i], i))
		case r >= 0x80 && r < 0xa0:
			found = append(found, fmt.Sprintf("C1 %U at %d", r, i))
		case r == 0x200e || r == 0x200f || r == 0x061c || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			found = append(found, fmt.Sprintf("bidi %U at %d", r, i))
		case !drawing && r < 0x20 && r != '\n' && r != '\t' && r != '\r':
			found = append(found, fmt.Sprintf("control %U at %d", r, i))
		}
		i += n
	}
	return found
}

// Strings returns every exported string reachable from v, so a test can
// check a decoded value whole with Found.
func Strings(v any) string {
	var b strings.Builder
	collect(reflect.ValueOf(v), &b)
	return b.String()
}

func collect(v reflect.Value, b *strings.Builder) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collect(v.Elem(), b)
		}
	case reflect.String:
		b.WriteString(v.String())
		b.WriteByte('\n')
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				collect(v.Field(i), b)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			collect(v.Index(i), b)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			collect(k, b)
			collect(v.MapIndex(k), b)
		}
	}
}
