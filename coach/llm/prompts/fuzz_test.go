package prompts

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coach-tui/coach/questions"
)

func FuzzParseCritique(f *testing.F) {
	f.Add(0, critiqueBody+"\n\nSCORES\ncorrectness: 4\ndepth: 3\ntrade-offs: 2\nclarity: 4")
	f.Add(1, "| Structure | 4 |\n```json\n{\"relevance\": 4}\n```\n")
	f.Add(2, "## Scores\n{\n\"scores\": {\n\"scaling\": 3,\n}\n")
	f.Add(4, "SCORES\ninsight: 2/5\nrelevance - 3 out of 5\n**Tone**: 5 — warm")
	f.Fuzz(func(t *testing.T, k int, text string) {
		kind := questions.Kinds[(k%len(questions.Kinds)+len(questions.Kinds))%len(questions.Kinds)]
		c := ParseCritique(kind, text)
		if !c.OK && c.Body != text {
			t.Fatalf("not OK but Body changed")
		}
		if c.OK && len(c.Scores) != len(Rubric(kind)) {
			t.Fatalf("OK with %d scores", len(c.Scores))
		}
		if text != "" && c.Body == "" {
			t.Fatalf("Body blanked")
		}
		for i, s := range c.Scores {
			if s.Value < 1 || s.Value > 5 || (i > 0 && indexOf(Rubric(kind), s.Name) <= indexOf(Rubric(kind), c.Scores[i-1].Name)) {
				t.Fatalf("bad score or order: %+v", c.Scores)
			}
		}
	})
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func FuzzParseQuestions(f *testing.F) {
	f.Add(modelJSON, 5)
	f.Add("```json\n[{\"question\": \"Why?\", \"key_points\": [\"a\"], \"outline\": [\"x\"]}]\n```", 0)
	f.Add("1. How would you shard it?\n- What breaks first?", 3)
	f.Add(`[{"question": "a?", "difficulty": "hard", "kind": "design", "key_points": [{"point": "", "terms": [" "]}]}]`, 1)
	f.Fuzz(func(t *testing.T, text string, n int) {
		qs, err := ParseQuestions(text, questions.Platform, n)
		if (err == nil) == (len(qs) == 0) {
			t.Fatalf("err %v with %d questions", err, len(qs))
		}
		if n > 0 && len(qs) > n {
			t.Fatalf("%d questions for n=%d", len(qs), n)
		}
		ids := map[string]bool{}
		for _, q := range qs {
			if ids[q.ID] || strings.TrimSpace(q.Text) == "" || q.Kind == questions.AskInterviewer ||
				q.Time < questions.MinTime || q.Time > questions.MaxTime || q.Difficulty < 1 || q.Difficulty > 3 {
				t.Fatalf("bad question %+v", q)
			}
			ids[q.ID] = true
			if len(q.KeyPoints) == 0 {
				t.Fatalf("no key points: %+v", q)
			}
			for _, kp := range q.KeyPoints {
				if kp.Point == "" || len(kp.Terms) == 0 {
					t.Fatalf("empty key point %+v", kp)
				}
				for _, term := range kp.Terms {
					if strings.TrimSpace(term) == "" {
						t.Fatalf("blank term in %+v", kp)
					}
				}
			}
		}
	})
}

func FuzzParseFollowUp(f *testing.F) {
	f.Add("Sure! Here's a follow-up:\n\n**Follow-up:** \"How did you measure it?\"")
	f.Add("<think>hmm</think>1. Why?")
	f.Fuzz(func(t *testing.T, text string) {
		q, ok := ParseFollowUp(text)
		if ok != (q != "") || utf8.RuneCountInString(q) > maxFollowUp || strings.ContainsAny(q, "\n\t") {
			t.Fatalf("%q %v", q, ok)
		}
	})
}

func FuzzInvented(f *testing.F) {
	f.Add("Cut costs by $1.2M (40 %) in 2019; [X%] of 10k users; 1. item\n## 3 things", "saved $1,200,000 and 40%")
	f.Add("**30%** `5s` 1,2,3 4.5.6 5xx ×3 3×", "")
	f.Fuzz(func(t *testing.T, output, source string) {
		marked, list := MarkInvented(output, source)
		if got := Invented(output, source); strings.Join(got, "\x00") != strings.Join(list, "\x00") {
			t.Fatalf("Invented %q, MarkInvented %q", got, list)
		}
		if len(list) == 0 && marked != output {
			t.Fatalf("nothing invented but the text changed")
		}
		for _, fig := range list {
			if !strings.Contains(output, fig) || !strings.ContainsAny(fig, "0123456789") {
				t.Fatalf("listed %q", fig)
			}
		}
		if again := Invented(output, source, output); len(again) != 0 {
			t.Fatalf("output as its own source still invents %q", again)
		}
	})
}
