package prompts

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/coach-tui/coach/questions"
)

const critiqueBody = `## Verdict
A borderline pass: the cache works, but the answer never says how "latency dropped a lot" was measured.

## Gaps
- No trade-offs: what happens to stale orders during the 60 second TTL?
- "40%" has no baseline or method.

## Improvements
1. Name the metric and the tool you measured it with.
2. Explain why cache-aside over write-through.`

func TestParseCritique(t *testing.T) {
	tech := []int{4, 3, 2, 4} // correctness, depth, trade-offs, clarity
	cases := []struct {
		name string
		kind questions.Kind
		text string
		want []int // nil: no scores at all
		ok   bool
	}{
		{"exact format", questions.Technical, critiqueBody + "\n\nSCORES\ncorrectness: 4\ndepth: 3\ntrade-offs: 2\nclarity: 4\n", tech, true},
		{"bold slash five", questions.Technical, critiqueBody + "\n\n## Scores\n- **Correctness**: 4/5\n- **Depth**: 3/5\n- **Trade-offs**: 2/5\n- **Clarity**: 4/5", tech, true},
		{"bold colon inside", questions.Technical, critiqueBody + "\n\n**Scores:**\n* **Correctness:** 4\n* **Depth:** 3\n* **Trade-offs:** 2\n* **Clarity:** 4", tech, true},
		{"dash and out of", questions.Technical, critiqueBody + "\n\nScores\n- correctness - 4\n- depth - 3 out of 5\n- Trade offs - 2 out of 5\n- CLARITY - 4", tech, true},
		{"comments after", questions.Technical, critiqueBody + "\n\nSCORES\nCorrectness: 4 — accurate\nDepth: 3 (surface level)\nTradeoffs: 2. None named\nClarity: 4/5, easy to follow", tech, true},
		{"table", questions.Technical, critiqueBody + "\n\n| Dimension | Score |\n|---|:---:|\n| Correctness | 4 |\n| **Depth** | 3/5 |\n| Trade-offs | 2 |\n| Clarity | 4 |", tech, true},
		{"json one line fenced", questions.Technical, critiqueBody + "\n\n```json\n{\"correctness\": 4, \"depth\": 3, \"trade-offs\": 2, \"clarity\": 4}\n```", tech, true},
		{"json multi line", questions.Technical, critiqueBody + "\n\n```\n{\n  \"scores\": {\n    \"correctness\": 4,\n    \"depth\": 3,\n    \"trade_offs\": 2,\n    \"clarity\": \"4/5\"\n  }\n}\n```\n", tech, true},
		{"no header in tail", questions.Technical, critiqueBody + "\n\nCorrectness: 4\nDepth: 3\nTrade-offs: 2\nClarity: 4", tech, true},
		{"numbered and spaced", questions.Technical, critiqueBody + "\n\n### SCORES\n1.  Correctness :   4\n2. Depth   : 3\n3. Trade-offs: 2\n4. Clarity: 4\n\n", tech, true},
		{"last score wins", questions.Technical, critiqueBody + "\n\nSCORES\ncorrectness: 5\ncorrectness: 4\ndepth: 3\ntrade-offs: 2\nclarity: 4", tech, true},
		{"out of ten", questions.Technical, critiqueBody + "\n\nSCORES\ncorrectness: 8/10\ndepth: 6/10\ntrade-offs: 4/10\nclarity: 8/10", nil, false},
		{"one out of range", questions.Technical, critiqueBody + "\n\nSCORES\ncorrectness: 4\ndepth: 7\ntrade-offs: 2\nclarity: 4", []int{4, 2, 4}, false},
		{"half point", questions.Technical, critiqueBody + "\n\nSCORES\ncorrectness: 4\ndepth: 3.5\ntrade-offs: 2\nclarity: 4.0", []int{4, 2, 4}, false},
		{"one missing", questions.Technical, critiqueBody + "\n\nSCORES\ncorrectness: 4\ndepth: 3\nclarity: 4", []int{4, 3, 4}, false},
		{"format ignored", questions.Technical, "Good answer overall! You clearly know Redis. Maybe mention TTLs more. I would give it a solid 7 out of 10.", nil, false},
		{"prose mention", questions.Behavioral, "Your structure: 4 points were made but in no order.\nRelevance - 2 of them were off topic.\nImpact: unclear.", nil, false},
		{"mention far from end", questions.Technical, "Correctness: 4\nDepth: 3\nTrade-offs: 2\nClarity: 4\n" + strings.Repeat("More prose about the answer.\n", 20), nil, false},
		{"empty", questions.Technical, "", nil, false},
		{"behavioral", questions.Behavioral, "Solid.\n\nSCORES\nrelevance: 5\nstructure (STAR): 3\nspecificity: 2\nownership: 4\nimpact: 1", []int{5, 3, 2, 4, 1}, true},
		{"system design", questions.SystemDesign, "Fine.\n\nSCORES\nrequirements: 2\narchitecture: 3\nscaling: 3\ntrade-offs: 2\ncommunication: 4", []int{2, 3, 3, 2, 4}, true},
		{"ask the interviewer", questions.AskInterviewer, "Fine.\n\nSCORES\ninsight: 2\nrelevance: 3\ntone: 5", []int{2, 3, 5}, true},
		{"crlf", questions.AskInterviewer, "Fine.\r\n\r\nSCORES\r\ninsight: 2\r\nrelevance: 3\r\ntone: 5\r\n", []int{2, 3, 5}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ParseCritique(c.kind, c.text)
			var values []int
			for _, s := range got.Scores {
				values = append(values, s.Value)
			}
			if got.OK != c.ok || !slices.Equal(values, c.want) || (c.want == nil) != (got.Scores == nil) {
				t.Fatalf("got OK=%v scores %v, want OK=%v %v", got.OK, got.Scores, c.ok, c.want)
			}
			if !c.ok && got.Body != c.text {
				t.Errorf("not OK, so Body must be the text unchanged; got:\n%s", got.Body)
			}
			if c.ok {
				if got.Body == "" || strings.TrimRight(got.Body, " \n") != got.Body {
					t.Errorf("Body blank or with trailing space: %q", got.Body)
				}
				low := strings.ToLower(got.Body)
				for _, s := range got.Scores {
					if regexp.MustCompile(regexp.QuoteMeta(s.Name) + `\W{0,6}\d`).MatchString(low) {
						t.Errorf("score line %q left in Body:\n%s", s.Name, got.Body)
					}
				}
				if strings.Contains(low, "scores") || strings.Contains(low, "```") || strings.Contains(got.Body, "|") {
					t.Errorf("score block decoration left in Body:\n%s", got.Body)
				}
			}
		})
	}
}

func TestParseCritiqueKeepsBodyIntact(t *testing.T) {
	text := critiqueBody + "\n\nSCORES\ncorrectness: 4\ndepth: 3\ntrade-offs: 2\nclarity: 4\n\n"
	if got := ParseCritique(questions.Technical, text); got.Body != critiqueBody {
		t.Errorf("Body:\n%q\nwant:\n%q", got.Body, critiqueBody)
	}
	// A code block right before a header-less score list keeps its closing fence.
	code := "Use this:\n```go\nc.Get(ctx, key)\n```"
	got := ParseCritique(questions.Technical, code+"\ncorrectness: 4\ndepth: 3\ntrade-offs: 2\nclarity: 4")
	if !got.OK || got.Body != code {
		t.Errorf("code fence damaged: %q", got.Body)
	}
	// Scores-only replies keep the block, so something is shown.
	only := "SCORES\ninsight: 2\nrelevance: 3\ntone: 5"
	if got := ParseCritique(questions.AskInterviewer, only); !got.OK || got.Body != only {
		t.Errorf("scores-only reply: %+v", got)
	}
	// A model that scores a rubric not asked for as well: those lines go
	// with the block instead of running into the text.
	mixed := critiqueBody + "\n\nSCORES\ncorrectness: 4\nrelevance: 4\ndepth: 3\ntrade-offs: 2\nclarity: 4\nimpact: 3\n"
	if got := ParseCritique(questions.Technical, mixed); !got.OK || got.Body != critiqueBody {
		t.Errorf("mixed rubrics: %q", got.Body)
	}
	// Prose inside the score block survives.
	chatty := "Fine.\n\nSCORES\ninsight: 2\nThese are strict on purpose.\nrelevance: 3\ntone: 5"
	if got := ParseCritique(questions.AskInterviewer, chatty); got.Body != "Fine.\nThese are strict on purpose." {
		t.Errorf("chatty block: %q", got.Body)
	}
}

func TestRubricUnknownKindIsTechnical(t *testing.T) {
	if got := Rubric("pair-programming"); !slices.Equal(got, Rubric(questions.Technical)) {
		t.Errorf("unknown kind rubric %v", got)
	}
	r := Rubric(questions.Behavioral)
	r[0] = "changed"
	if Rubric(questions.Behavioral)[0] != "relevance" {
		t.Error("Rubric returns the shared slice")
	}
	for kind, names := range rubrics {
		for _, n := range names {
			if rubricMeaning[n] == "" {
				t.Errorf("%s: %s has no meaning for the prompt", kind, n)
			}
		}
	}
}
