package speech

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/questions/textsafe"
)

// Pace limits: interview answers are easiest to follow between 120 and
// 160 words a minute.
const (
	SlowPace = 120
	FastPace = 160
)

// Delivery is how an answer was spoken: the audio's measures, and with a
// transcript its pace, filler words and hedges.
type Delivery struct {
	Measures
	Transcribed bool     `json:"transcribed"`
	Text        string   `json:"text,omitempty"`
	Words       int      `json:"words,omitempty"`
	WPM         float64  `json:"words_per_minute,omitempty"`
	Filler      *Counted `json:"filler,omitempty"` // with a transcript
	Hedges      *Counted `json:"hedges,omitempty"`
	// Notes are the findings in words, most important first.
	Notes []string `json:"notes"`
}

// Counted is how often each of a kind of word was said.
type Counted struct {
	Total int            `json:"count"`
	Each  map[string]int `json:"words"`
}

// spokenFillers fill a pause out loud; "like" only between commas or at
// the start of a clause ("it was, like, slow"), not "I'd like to".
var (
	spokenFillers = []string{"um", "umm", "uh", "uhh", "erm", "er", "ah", "hmm", "you know", "i mean"}
	likeFiller    = regexp.MustCompile(`(?i)(?:^|[,.;!?]\s*)like\s*,`) // small enough to build at start
	hedgeWords    = []string{"i think", "i guess", "maybe", "probably", "sort of", "kind of", "i'm not sure",
		"i believe", "perhaps", "i suppose", "more or less", "hopefully"}
)

// Deliver reads the transcript (which may be empty: no endpoint) against
// the audio's measures.
func Deliver(m Measures, text string) Delivery {
	d := Delivery{Measures: m, Notes: []string{}}
	text = strings.TrimSpace(text)
	if text != "" {
		d.Transcribed, d.Text = true, text
		d.Words = len(strings.Fields(text))
		if m.Speaking > 0 {
			d.WPM = round2(float64(d.Words) / (m.Speaking / 60))
		}
		low := " " + strings.ToLower(text) + " "
		d.Filler = count(low, fillerPatterns())
		if n := len(likeFiller.FindAllString(text, -1)); n > 0 {
			d.Filler.Each["like"] += n
			d.Filler.Total += n
		}
		d.Hedges = count(low, hedgePatterns())
	}
	d.Notes = notes(d)
	return d
}

type phrase struct {
	text string
	re   *regexp.Regexp
}

// phrases match each of list as whole words, compiled on first use.
func phrases(list []string) func() []phrase {
	return sync.OnceValue(func() []phrase {
		out := make([]phrase, len(list))
		for i, p := range list {
			out[i] = phrase{p, regexp.MustCompile(`[^\pL\pN']` + regexp.QuoteMeta(p) + `[^\pL\pN']`)}
		}
		return out
	})
}

var (
	fillerPatterns = phrases(spokenFillers)
	hedgePatterns  = phrases(hedgeWords)
)

// count finds each phrase in low, which starts and ends with a space.
func count(low string, ps []phrase) *Counted {
	c := &Counted{Each: map[string]int{}}
	for _, p := range ps {
		if n := len(p.re.FindAllStringIndex(low, -1)); n > 0 {
			c.Each[p.text] = n
			c.Total += n
		}
	}
	return c
}

// notes says what to work on, in the order a coach would.
func notes(d Delivery) []string {
	var out []string
	if !d.Speech {
		return append(out, "No speech was found in the recording: check that the microphone is on and not muted.")
	}
	if d.Lead >= 3 {
		out = append(out, fmt.Sprintf("%.1f s of silence before you started: take a breath, then open with your answer's first point.", d.Lead))
	}
	if d.Transcribed && d.WPM > 0 {
		switch {
		case d.WPM < SlowPace:
			out = append(out, fmt.Sprintf("%.0f words a minute is slow (aim for %d to %d): shorter sentences keep the pace up.", d.WPM, SlowPace, FastPace))
		case d.WPM > FastPace:
			out = append(out, fmt.Sprintf("%.0f words a minute is fast (aim for %d to %d): pause after each point so it lands.", d.WPM, SlowPace, FastPace))
		default:
			out = append(out, fmt.Sprintf("%.0f words a minute: an easy pace to follow.", d.WPM))
		}
	}
	if d.Count > 0 {
		per := d.Speaking / 60
		switch {
		case d.Longest >= 4:
			out = append(out, fmt.Sprintf("%s, the longest %.1f s: a long silence mid-answer reads as being stuck; say \"let me think about that\" instead.", words.Count(d.Count, "pause"), d.Longest))
		case per > 0 && float64(d.Count)/per > 6:
			out = append(out, fmt.Sprintf("%s in %.0f s of speaking: plan the answer's parts before you start so it flows.", words.Count(d.Count, "pause"), d.Speaking))
		default:
			out = append(out, fmt.Sprintf("%s, the longest %.1f s: pauses like these give the listener time.", words.Count(d.Count, "pause"), d.Longest))
		}
	}
	if d.Filler != nil && d.Filler.Total > 0 {
		out = append(out, fmt.Sprintf("%s (%s): pause silently instead.", words.Count(d.Filler.Total, "filler word"), listed(d.Filler.Each)))
	}
	if d.Hedges != nil && d.Hedges.Total > 0 {
		out = append(out, fmt.Sprintf("%s (%s): say what you know and how you know it.", words.Count(d.Hedges.Total, "hedge"), listed(d.Hedges.Each)))
	}
	return out
}

// listed is "“um” ×3, “you know” ×1", most said first.
func listed(each map[string]int) string {
	var parts []string
	for _, k := range words.ByCount(each) {
		parts = append(parts, fmt.Sprintf("“%s” ×%d", k, each[k]))
	}
	return strings.Join(parts, ", ")
}

// Markdown is the delivery as a section of an answer's feedback.
func (d Delivery) Markdown() string {
	var b strings.Builder
	b.WriteString("**Delivery**\n\n")
	for _, n := range d.Notes {
		b.WriteString("- " + n + "\n")
	}
	return b.String() + "\n"
}

// DecodeDelivery reads a delivery kept as JSON with an attempt; false for
// a typed answer or a row that is not one. Its texts are cleaned: a
// decode can turn an escape in the JSON back into raw bytes.
func DecodeDelivery(s string) (Delivery, bool) {
	var d Delivery
	if strings.TrimSpace(s) == "" || json.Unmarshal([]byte(s), &d) != nil {
		return Delivery{}, false
	}
	textsafe.CleanDecoded(&d)
	return d, true
}
