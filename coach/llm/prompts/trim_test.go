package prompts

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coach-tui/coach/coach/llm"
)

// words builds n words of filler text that ends with a marker, so a test
// can see which end of a field survived.
func words(n int, marker string) string {
	return marker + " " + strings.Repeat("lorem ipsum ", n/2) + "END" + marker
}

func TestTrimHalvesTheLongestField(t *testing.T) {
	resume, posting := words(800, "RES"), words(300, "POST")
	p := Tailor(resume, posting)
	short, ok := p.Trim()
	if !ok {
		t.Fatal("nothing trimmed")
	}
	user := userMsg(t, short)
	if strings.Contains(user, "ENDRES") || !strings.Contains(user, "RES lorem") || !strings.Contains(user, trimMark+"\n</resume>") {
		t.Errorf("the resume should lose its second half and be marked:\n%.300s", user)
	}
	if !strings.Contains(user, "ENDPOST") {
		t.Error("the shorter posting was trimmed too")
	}
	if got, want := utf8.RuneCountInString(short.fields[0]), utf8.RuneCountInString(resume)/2+len(trimMark)+1; got > want {
		t.Errorf("trimmed resume has %d runes, want at most %d", got, want)
	}
	kept := strings.TrimSuffix(short.fields[0], " "+trimMark)
	if !strings.HasSuffix(kept, "lorem") && !strings.HasSuffix(kept, "ipsum") {
		t.Errorf("cut inside a word: %q", kept[len(kept)-20:])
	}
	if p.fields[0] != resume {
		t.Error("Trim changed the original prompt")
	}
	if short.Name != "tailor" || short.Version != 1 {
		t.Errorf("trimmed prompt lost its name: %q v%d", short.Name, short.Version)
	}
}

func TestTrimEndsWhenEverythingIsShort(t *testing.T) {
	prompts := map[string]Prompt{
		"feedback":  Feedback(FeedbackInput{Question: cacheQuestion, Answer: words(3000, "A")}),
		"follow-up": FollowUp(FollowUpInput{Question: cacheQuestion, Answer: "short", Earlier: []Exchange{{"Why?", words(2000, "E")}}}),
		"tailor":    Tailor(words(4000, "R"), words(2000, "P")),
		"posting":   PostingQuestions(words(5000, "P"), "backend", 5),
	}
	for name, p := range prompts {
		before := len(p.Messages[1].Content)
		steps := 0
		for {
			next, ok := p.Trim()
			if !ok {
				break
			}
			if len(next.Messages[1].Content) >= len(p.Messages[1].Content) {
				t.Fatalf("%s: step %d did not shrink the prompt", name, steps)
			}
			if strings.Count(next.Messages[1].Content, trimMark) > len(next.fields) {
				t.Errorf("%s: the trim mark is repeated", name)
			}
			p, steps = next, steps+1
			if steps > 20 {
				t.Fatalf("%s: Trim never gives up", name)
			}
		}
		if steps == 0 || len(p.Messages[1].Content) >= before {
			t.Errorf("%s: never trimmed", name)
		}
		for _, f := range p.fields {
			if utf8.RuneCountInString(f) >= minTrim {
				t.Errorf("%s: gave up with a field of %d runes", name, utf8.RuneCountInString(f))
			}
		}
	}
}

func TestTrimNothingToDo(t *testing.T) {
	if _, ok := Feedback(FeedbackInput{Question: cacheQuestion, Answer: cacheAnswer}).Trim(); ok {
		t.Error("a short answer was trimmed")
	}
	if _, ok := (Prompt{}).Trim(); ok {
		t.Error("the zero Prompt was trimmed")
	}
}

func TestHalveWithoutSpaces(t *testing.T) {
	s := strings.Repeat("x", 1000)
	got := halve(s)
	if !strings.HasSuffix(got, trimMark) || utf8.RuneCountInString(got) > 500+len(trimMark)+1 {
		t.Errorf("halve of an unbroken string: %d runes", utf8.RuneCountInString(got))
	}
}

func TestShorterKeepsCutting(t *testing.T) {
	p := Tailor(words(4000, "RES"), words(300, "POST"))
	next := p.Shorter()
	size := func(ms []llm.Message) int {
		n := 0
		for _, m := range ms {
			n += len(m.Content)
		}
		return n
	}
	last := size(p.Messages)
	for i := 0; ; i++ {
		msgs, ok := next()
		if !ok {
			if i < 2 {
				t.Fatalf("stopped after %d cuts", i)
			}
			break
		}
		if n := size(msgs); n >= last {
			t.Fatalf("cut %d did not shorten: %d >= %d", i+1, n, last)
		} else {
			last = n
		}
		if i > 50 {
			t.Fatal("never ran out of text to cut")
		}
	}
}
