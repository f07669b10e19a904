package prompts

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coach-tui/coach/questions"
)

// Score is the model's 1–5 score on one rubric dimension.
type Score struct {
	Name  string
	Value int // 1..5
}

// Critique is the model's feedback, read.
type Critique struct {
	Body   string  // the markdown to show, with the score block removed when it was parsed
	Scores []Score // in Rubric order; nil when unavailable
	OK     bool    // every rubric dimension got a valid 1..5 score
}

// tailLines is how far from the end scores are looked for when the reply
// has no SCORES header.
const tailLines = 15

// ParseCritique reads the model's critique of an answer to a question of
// kind. The rules, chosen from what real models send:
//
//   - The score block starts at the last line that is only a scores header
//     ("SCORES", "## Scores", "**Scores:**", "Scores (1-5)"); without one,
//     the last 15 lines are searched.
//   - A score line is a whole line naming a rubric dimension (any case,
//     emphasis, list marker, "trade offs" for "trade-offs") followed by the
//     score, optionally "/5" or "out of 5", then nothing or a comment that
//     starts with punctuation ("structure: 4 — clear STAR"). So
//     "structure: 4 points were made" is prose, not a score. Table rows
//     ("| Structure | 4/5 |") and JSON ({"structure": 4}, on one line or
//     spread over lines, fenced or not) count too.
//   - A value outside 1..5, a fraction, or a score out of another scale
//     ("8/10") leaves that dimension missing: rescaling would guess.
//   - A dimension given twice keeps its last score.
//
// Only when every dimension is found is OK true and the block (header,
// score lines, fences, table rules, braces) removed from Body; otherwise
// Body is text unchanged, so the critique is always shown as sent. A reply
// that was nothing but the block keeps it as Body, so Body is blank only
// when text is.
func ParseCritique(kind questions.Kind, text string) Critique {
	c := Critique{Body: text}
	rubric := Rubric(kind)
	want := map[string]int{}
	for i, name := range rubric {
		want[normName(name)] = i
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	from, header := max(0, len(lines)-tailLines), -1
	for i := len(lines) - 1; i >= 0; i-- {
		if isScoresHeader(lines[i]) {
			from, header = i+1, i
			break
		}
	}
	values := make([]int, len(rubric))
	var scoreLines []int
	for i := from; i < len(lines); i++ {
		found := false
		scores := scoresIn(lines[i])
		for name, v := range scores {
			if j, ok := want[name]; ok {
				values[j], found = v, true
			}
		}
		// Under a scores header, a score for a dimension not asked for
		// (a model mixing rubrics) is still part of the block.
		if found || (header >= 0 && len(scores) > 0) {
			scoreLines = append(scoreLines, i)
		}
	}
	for i, v := range values {
		if v >= 1 && v <= 5 {
			c.Scores = append(c.Scores, Score{rubric[i], v})
		}
	}
	if len(c.Scores) < len(rubric) {
		return c
	}
	// Out-of-range values leave a dimension out above, so here every one
	// was valid.
	c.OK = true
	if body := removeBlock(lines, header, scoreLines); body != "" {
		c.Body = body
	}
	return c
}

// removeBlock drops the score block: from the header (or first score line)
// to the last score line, plus the fences and braces around it, keeping
// any prose the model put in between.
func removeBlock(lines []string, header int, scoreLines []int) string {
	start, end := scoreLines[0], scoreLines[len(scoreLines)-1]
	if header >= 0 {
		start = header
	}
	for start > 0 && isDecoration(lines[start-1]) && !closesFence(lines, start-1) {
		start--
	}
	for end+1 < len(lines) && isDecoration(lines[end+1]) {
		end++
	}
	isScore := map[int]bool{}
	for _, i := range scoreLines {
		isScore[i] = true
	}
	var kept []string
	for i, l := range lines {
		if i >= start && i <= end && (isScore[i] || i == header || isDecoration(l)) {
			continue
		}
		kept = append(kept, l)
	}
	return strings.TrimRight(strings.Join(kept, "\n"), " \t\n")
}

// closesFence reports whether line i is a ``` that closes a code block
// opened earlier, which belongs to the body, not to the score block.
func closesFence(lines []string, i int) bool {
	if !strings.HasPrefix(strings.TrimSpace(lines[i]), "```") {
		return false
	}
	n := 0
	for _, l := range lines[:i] {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			n++
		}
	}
	return n%2 == 1
}

var (
	decoration  = lazyRegexp(`^(?:` + "```" + `[a-zA-Z]*|[{}\[\],]+|\|?[\s:|-]*-{3,}[\s:|-]*\|?|\|\s*\**(?:dimension|criteri(?:on|a)|area|category|rubric)\**\s*\|.*|-{3,}|\*{3,}|)$`)
	headerWords = lazyRegexp(`^(?:final |rubric |your )?(?:scores?|scoring|score block|ratings?)(?:\s*\([^)]*\))?$`)
)

// isDecoration is a line that frames a score block: blank, fences,
// braces, table rules and table headers, horizontal rules.
func isDecoration(line string) bool {
	return decoration.get().MatchString(strings.ToLower(strings.TrimSpace(line)))
}

func isScoresHeader(line string) bool {
	s := strings.ToLower(strings.Trim(strings.TrimSpace(line), "#*_:\"'`{ \t"))
	s = strings.TrimRight(s, ":*_ ")
	return s != "" && headerWords.get().MatchString(s)
}

var (
	listMarker = lazyRegexp(`^(?:[-*+•>]\s+|\d{1,2}[.)]\s+|#+\s*)`)
	scoreLine  = lazyRegexp(`^([a-zA-Z][a-zA-Z &/'_-]{0,30}?)\s*(?:\([^)]{0,40}\))?\s*(?:[:=–—-]\s*|\s+)(\d{1,3}(?:\.\d+)?)\s*(?:(?:/|out\s+of)\s*(\d{1,3}))?\s*(.*)$`)
)

// scoresIn returns the dimension scores a line holds, keyed by normalised
// name. A value that is not a valid 1..5 score is returned as 0.
func scoresIn(line string) map[string]int {
	s := strings.TrimSpace(line)
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
		return jsonScores(s)
	}
	if strings.HasPrefix(s, "|") {
		cells := strings.Split(strings.Trim(s, "|"), "|")
		if len(cells) < 2 {
			return nil
		}
		name := strings.TrimSpace(strings.Trim(cells[0], "*_` "))
		return map[string]int{normName(name): scoreValue(strings.Trim(cells[1], "*_` "))}
	}
	s = strings.NewReplacer("*", "", "`", "", `"`, "", "__", "").Replace(s)
	s = listMarker.get().ReplaceAllString(strings.TrimSpace(s), "")
	m := scoreLine.get().FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	if r, _ := utf8.DecodeRuneInString(m[4]); m[4] != "" && !strings.ContainsRune("-–—(:,.;|[", r) {
		return nil // "structure: 4 points ..." is a sentence
	}
	v := wholeScore(m[2])
	if m[3] != "" && m[3] != "5" {
		v = 0
	}
	return map[string]int{normName(m[1]): v}
}

var cellScore = lazyRegexp(`^(\d{1,3}(?:\.\d+)?)\s*(?:(?:/|out\s+of)\s*(\d{1,3}))?$`)

// scoreValue reads a table cell or JSON string such as "4", "4/5" or
// "4 out of 5".
func scoreValue(s string) int {
	m := cellScore.get().FindStringSubmatch(strings.TrimSpace(s))
	if m == nil || (m[2] != "" && m[2] != "5") {
		return 0
	}
	return wholeScore(m[1])
}

// wholeScore accepts "4" and "4.0" but not "3.5": half points are not on
// the scale the prompt asked for.
func wholeScore(s string) int {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != float64(int(f)) || f < 1 || f > 5 {
		return 0
	}
	return int(f)
}

func jsonScores(s string) map[string]int {
	var raw map[string]any
	if unmarshal([]byte(s), &raw) != nil {
		return nil
	}
	if inner, ok := raw["scores"].(map[string]any); ok {
		raw = inner
	}
	out := map[string]int{}
	for k, v := range raw {
		switch v := v.(type) {
		case float64:
			out[normName(k)] = wholeScore(strconv.FormatFloat(v, 'f', -1, 64))
		case string:
			out[normName(k)] = scoreValue(v)
		}
	}
	return out
}

// normName folds "Trade-offs", "trade offs" and "TRADEOFFS" together.
func normName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ScoresLine is the scores on one line, "depth 3/5 · clarity 4/5", or ""
// when the model did not give them all.
func (c Critique) ScoresLine() string {
	if !c.OK {
		return ""
	}
	parts := make([]string, len(c.Scores))
	for i, s := range c.Scores {
		parts[i] = fmt.Sprintf("%s %d/5", s.Name, s.Value)
	}
	return strings.Join(parts, " · ")
}
