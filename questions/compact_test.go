package questions

import (
	"os"
	"reflect"
	"testing"
)

// The embedded compact bank is the YAML under bank/, exactly: a bank file
// edited without go generate fails here, naming the first question that
// differs.
func TestCompactBankMatchesTheYAML(t *testing.T) {
	fromYAML, err := ParseDir(os.DirFS("."), "bank")
	if err != nil {
		t.Fatalf("bank files:\n%v", err)
	}
	embedded, err := DecodeCompact(compactBank)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < max(len(fromYAML), len(embedded)); i++ {
		switch {
		case i >= len(embedded):
			t.Fatalf("%s (%s:%d) is not in bank.bin: run go generate ./questions", fromYAML[i].ID, fromYAML[i].Source.File, fromYAML[i].Source.Line)
		case i >= len(fromYAML):
			t.Fatalf("bank.bin holds %s, which no bank file has: run go generate ./questions", embedded[i].ID)
		case !reflect.DeepEqual(fromYAML[i], embedded[i]):
			t.Fatalf("%s (%s:%d) differs from bank.bin: run go generate ./questions", fromYAML[i].ID, fromYAML[i].Source.File, fromYAML[i].Source.Line)
		}
	}
}

// What the encoding keeps: every field a question has, follow-ups' key
// points and an empty list included.
func TestCompactRoundTrip(t *testing.T) {
	qs, errs := ParseFile("x.yaml", []byte(testCompactYAML))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	data := string(EncodeCompact(qs))
	back, err := DecodeCompact(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(qs, back) {
		t.Fatalf("round trip:\n%+v\n%+v", qs[0], back[0])
	}
	for _, bad := range []string{"", "not a bank", data[:len(data)-3], data + "x", compactMagic + "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"} {
		if _, err := DecodeCompact(bad); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
}

const testCompactYAML = `questions:
  - id: round-trip
    text: How do you roll back a bad deploy? 面试 👍
    kind: technical
    category: ci-cd
    roles: [backend, sre]
    difficulty: 2
    time: 2m30s
    tags: [ci-cd]
    company: Initech
    key_points:
      - point: Reverts to the last good build
        terms: [roll back, previous version]
    follow_ups:
      - text: What if the deploy ran a migration?
        key_points:
          - point: Keeps schema changes backward compatible
            terms: [expand and contract, backward compatible]
      - Who decides?
    outline: Revert first, then investigate.
`

// The codec names every field of a question; a field added to Question
// without it would be lost from the default bank without a word.
func TestCompactCoversEveryField(t *testing.T) {
	for typ, fields := range map[reflect.Type]int{
		reflect.TypeOf(Question{}): 14, reflect.TypeOf(Source{}): 4,
		reflect.TypeOf(KeyPoint{}): 2, reflect.TypeOf(FollowUp{}): 2,
	} {
		if typ.NumField() != fields {
			t.Errorf("%s has %d fields, the compact codec knows %d: add the new one to compact.go", typ, typ.NumField(), fields)
		}
	}
}

// Whatever bytes the decoder is given, it returns an error or questions,
// never a panic or a huge allocation.
func FuzzDecodeCompact(f *testing.F) {
	qs, _ := ParseFile("x.yaml", []byte(testCompactYAML))
	good := string(EncodeCompact(qs))
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(compactMagic + "\x05\x05")
	f.Add(compactMagic + "\xff\xff\xff\xff\x0f\x00")
	f.Fuzz(func(t *testing.T, data string) {
		_, _ = DecodeCompact(data)
		_, _ = DecodeCompact(compactMagic + data)
	})
}
