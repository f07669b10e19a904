package prompts

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/coach-tui/coach/questions"
)

// ownKeyPoint stands in when the model gave no key points: the question's
// own content words, so an answer that engages with them is covered.
func ownKeyPoint(text string) questions.KeyPoint {
	terms := significantWords(text, 6)
	if len(terms) == 0 {
		terms = []string{dedupKey(text)}
	}
	return questions.KeyPoint{Point: "Speaks to what was asked: " + strings.Join(terms, ", "), Terms: terms}
}

// parseKind reads the kinds models write; anything unknown is technical,
// the most common kind in a posting's questions.
func parseKind(s string) questions.Kind {
	k := strings.NewReplacer(" ", "", "-", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch {
	case strings.HasPrefix(k, "behavio"):
		return questions.Behavioral
	case strings.Contains(k, "design") || k == "architecture":
		return questions.SystemDesign
	case strings.HasPrefix(k, "situation") || k == "scenario" || k == "hypothetical":
		return questions.Situational
	case strings.Contains(k, "interviewer") || k == "reverse":
		return questions.AskInterviewer
	}
	return questions.Technical
}

// parseDifficulty accepts 1..3 as a number, a numeric string or a word;
// anything else is 2, the middle.
func parseDifficulty(raw json.RawMessage) int {
	s := strings.ToLower(strings.Trim(string(raw), `" `))
	switch s {
	case "easy", "junior", "entry":
		return 1
	case "hard", "senior", "advanced":
		return 3
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 1 && f <= 3 && f == float64(int(f)) {
		return int(f)
	}
	return 2
}

type rawKeyPoint struct {
	Point string   `json:"point"`
	Terms []string `json:"terms"`
}

// keyPoints reads a list of {point, terms} objects or bare strings.
func keyPoints(list json.RawMessage) []questions.KeyPoint {
	var raws []json.RawMessage
	if len(list) == 0 || unmarshal(list, &raws) != nil {
		return nil
	}
	var out []questions.KeyPoint
	for _, raw := range raws {
		var kp rawKeyPoint
		if unmarshal(raw, &kp) != nil && unmarshal(raw, &kp.Point) != nil {
			continue
		}
		var terms []string
		seen := map[string]bool{}
		for _, t := range kp.Terms {
			t = collapse(strings.ToLower(t))
			if t != "" && !seen[t] {
				seen[t] = true
				terms = append(terms, t)
			}
		}
		point := collapse(kp.Point)
		if point == "" {
			point = strings.Join(terms, ", ")
		}
		if len(terms) == 0 {
			terms = significantWords(point, 5)
		}
		if point != "" && len(terms) > 0 {
			out = append(out, questions.KeyPoint{Point: point, Terms: terms})
		}
	}
	return out
}

// outline takes the model's outline, as text or a list of steps, or
// numbers the key points.
func outline(raw json.RawMessage, kps []questions.KeyPoint) string {
	var s string
	var steps []string
	if unmarshal(raw, &s) != nil && unmarshal(raw, &steps) == nil {
		s = numbered(steps)
	}
	if s = strings.TrimSpace(s); s != "" {
		return s
	}
	points := make([]string, len(kps))
	for i, kp := range kps {
		points[i] = kp.Point
	}
	return numbered(points)
}

func numbered(items []string) string {
	var b strings.Builder
	n := 0
	for _, it := range items {
		if it = collapse(it); it != "" {
			n++
			b.WriteString(strconv.Itoa(n) + ". " + it + "\n")
		}
	}
	return strings.TrimSpace(b.String())
}
