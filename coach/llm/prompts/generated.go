package prompts

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/coach-tui/coach/questions"
)

// ErrNoQuestions is ParseQuestions' error; its text is meant for the user.
var ErrNoQuestions = errors.New("the model's reply had no questions in it")

// kindTime is a generated question's time limit, by kind.
var kindTime = map[questions.Kind]time.Duration{
	questions.Behavioral:   2 * time.Minute,
	questions.Technical:    2 * time.Minute,
	questions.SystemDesign: 10 * time.Minute,
	questions.Situational:  2 * time.Minute,
}

// rawQuestion is one element of the JSON array the prompt asks for. Fields
// are loose because models vary: a number may come as a string, an outline
// as a list, a key point as a bare string.
type rawQuestion struct {
	Question   string          `json:"question"`
	Text       string          `json:"text"`
	Kind       string          `json:"kind"`
	Type       string          `json:"type"`
	Difficulty json.RawMessage `json:"difficulty"`
	KeyPoints  json.RawMessage `json:"key_points"`
	KeyPoints2 json.RawMessage `json:"keyPoints"`
	Outline    json.RawMessage `json:"outline"`
}

// ParseQuestions reads the model's practice questions for role, at most n
// (no limit when n <= 0). It takes the first JSON array of questions in the
// reply, bare, fenced or among chatter; when there is none it falls back
// to a numbered or bulleted list of lines ending in "?". Questions with no
// text, repeats and ask-the-interviewer questions are dropped. Each
// question gets at least one key point with terms, because the offline
// analysis scores key points as 40% of a technical answer and a question
// with none would score every answer 0 there.
func ParseQuestions(text string, role questions.Role, n int) ([]*questions.Question, error) {
	text = stripThinking(text)
	// The list is only a fallback for a reply with no JSON: when the JSON
	// parsed, what it dropped (ask-the-interviewer) stays dropped.
	raws := jsonQuestions(text)
	if raws == nil {
		raws = listQuestions(text)
	}
	out := build(raws, role, n)
	if len(out) == 0 {
		return nil, ErrNoQuestions
	}
	return out, nil
}

// maxArrayTries bounds the search for a JSON array, so a reply full of
// brackets costs little.
const maxArrayTries = 64

// jsonQuestions decodes the first '[' that starts a valid JSON array; the
// earliest start is the outermost array, later ones are the terms lists.
func jsonQuestions(text string) []rawQuestion {
	tries := 0
	for i := strings.IndexByte(text, '['); i >= 0 && tries < maxArrayTries; tries++ {
		var items []json.RawMessage
		if json.NewDecoder(strings.NewReader(text[i:])).Decode(&items) == nil {
			var out []rawQuestion
			for _, it := range items {
				var rq rawQuestion
				if unmarshal(it, &rq) != nil {
					var s string
					if unmarshal(it, &s) != nil {
						continue
					}
					rq.Question = s
				}
				out = append(out, rq)
			}
			if len(out) > 0 {
				return out
			}
		}
		next := strings.IndexByte(text[i+1:], '[')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return nil
}

var (
	listItem  = lazyRegexp(`^\s*(?:\d{1,2}[.)]|[-*+•])\s+(.+\?)\s*$`)
	jsonField = lazyRegexp(`"(?:question|text)"\s*:\s*"((?:[^"\\]|\\.)+\?)"`)
)

// listQuestions is the fallback for a reply that is not JSON: list items
// that are questions, and "question": "…?" lines of JSON too broken to
// decode.
func listQuestions(text string) []rawQuestion {
	var out []rawQuestion
	for _, line := range strings.Split(text, "\n") {
		line = strings.NewReplacer("**", "", "__", "").Replace(line)
		m := listItem.get().FindStringSubmatch(line)
		if m == nil {
			m = jsonField.get().FindStringSubmatch(line)
		}
		if m != nil {
			q := strings.ReplaceAll(m[1], `\"`, `"`)
			out = append(out, rawQuestion{Question: strings.Trim(q, quotes+" ")})
		}
	}
	return out
}

func build(raws []rawQuestion, role questions.Role, n int) []*questions.Question {
	var out []*questions.Question
	seen := map[string]bool{}
	for _, rq := range raws {
		if n > 0 && len(out) == n {
			break
		}
		text := collapse(rq.Question)
		if text == "" {
			text = collapse(rq.Text)
		}
		kind := parseKind(rq.Kind)
		if rq.Kind == "" {
			kind = parseKind(rq.Type)
		}
		key := dedupKey(text)
		if key == "" || seen[key] || kind == questions.AskInterviewer {
			continue
		}
		seen[key] = true
		q := &questions.Question{
			ID: "gen-" + shortHash(key), Text: text, Kind: kind, Category: "generated",
			Difficulty: parseDifficulty(rq.Difficulty), Time: kindTime[kind],
			Source: questions.Source{File: "generated"},
		}
		if role != "" {
			q.Roles = []questions.Role{role}
		}
		q.KeyPoints = append(keyPoints(rq.KeyPoints), keyPoints(rq.KeyPoints2)...)
		if len(q.KeyPoints) == 0 {
			q.KeyPoints = []questions.KeyPoint{ownKeyPoint(text)}
		}
		q.Outline = outline(rq.Outline, q.KeyPoints)
		out = append(out, q)
	}
	return out
}

func dedupKey(text string) string {
	return strings.TrimRight(strings.ToLower(text), "?.! ")
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}
