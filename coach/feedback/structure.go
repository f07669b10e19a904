package feedback

import (
	"fmt"
	"strings"
	"sync"

	"github.com/coach-tui/coach/questions"
)

// part is one step an answer of a given kind moves through, with the
// phrases that show a speaker is on it.
type part struct {
	name string
	cues [][]string
}

var starParts = sync.OnceValue(func() []part {
	return []part{
		{"situation", phrases("when i was", "at my last", "at my previous", "in my last", "in my previous", "a few years ago",
			"last year", "we had", "we were", "our team", "the team", "the project", "the company", "context", "background",
			"situation", "i was working", "i was on", "i joined", "there was", "years ago", "months ago", "weeks ago",
			"i was the", "i was a", "i worked at", "i was at", "startup", "our service", "our system", "a customer", "a client")},
		{"task", phrases("my goal", "my job was", "i needed to", "i had to", "i was asked", "i was responsible", "my task",
			"the task", "the goal", "the challenge", "i owned", "my role", "we needed to", "the problem was", "i was tasked",
			"task", "goal", "i needed", "needed to", "i wanted to", "responsible for", "asked to", "objective", "the aim",
			"had to", "it was on me")},
		{"action", phrases("i decided", "i built", "i wrote", "i proposed", "i led", "i started", "so i", "i set up",
			"i added", "i changed", "i created", "i talked", "i met", "i spoke", "i asked", "i called", "i suggested",
			"i reviewed", "i worked", "i ran", "i moved", "i introduced", "i designed", "i paired", "i took", "first i", "then i",
			// Said in the words of the answer rather than the cue list: the
			// verbs engineers use for what they did, and for what they would
			// do (situational questions).
			"action", "what i did", "my first step", "i found", "i split", "i profiled", "i rewrote", "i fixed", "i traced",
			"i measured", "i tested", "i migrated", "i automated", "i documented", "i raised", "i escalated", "i organised",
			"i organized", "i scheduled", "i reached out", "i pushed", "i rolled", "i replaced", "i removed", "i reproduced",
			"i checked", "i looked", "i dug", "i negotiated", "i convinced", "i explained", "i showed", "i shared",
			"i prototyped", "i benchmarked", "i deployed", "i implemented", "i refactored", "i mentored", "i coached",
			"i would", "i'd", "i will", "i'll", "i'm going to", "i went", "i got", "i made", "i put", "i gave", "i chose",
			"i kept", "i brought")},
		// Result cues avoid verbs such as "reduce" that also state a goal
		// ("my goal was to reduce…"): stems make the two read alike.
		{"result", phrases("as a result", "the result", "in the end", "outcome", "went from", "dropped from", "down from",
			"up from", "fell from", "shipped", "launched", "delivered", "since then", "which meant", "ended up", "by the end",
			"afterwards", "after that", "we hit", "we met", "on time", "it worked", "that cut", "that reduced",
			"result", "finished in", "switched over", "fell to", "dropped to", "rose to", "improved", "no longer", "never again",
			"resolved", "saved", "i learned", "the lesson", "from then on", "it paid off")},
	}
})

var technicalParts = sync.OnceValue(func() []part {
	return []part{
		{"definition", phrases("is a", "is an", "is the", "are a", "refers to", "means", "is when", "is where", "is basically",
			"the idea", "in short", "describes", "is used to")},
		{"how it works", phrases("works by", "under the hood", "internally", "when you", "each", "first", "then", "because",
			"so that", "stores", "keeps", "which means", "the way", "step", "happens")},
		{"trade-offs", phrases("trade-off", "tradeoff", "trade off", "downside", "drawback", "cost", "however", "but",
			"on the other hand", "depends", "versus", "vs", "whereas", "instead", "risk", "the catch", "pros", "cons", "at the expense")},
		{"example", phrases("for example", "for instance", "in my last", "at my", "we used", "i used", "in production",
			"once", "we had", "in practice", "e.g", "such as", "last year", "on a project")},
	}
})

var designParts = sync.OnceValue(func() []part {
	return []part{
		{"requirements", phrases("requirement", "functional", "non-functional", "users", "qps", "requests per second",
			"read", "write", "latency", "assume", "estimate", "scale", "availability", "per day", "per second")},
		{"API", phrases("api", "endpoint", "post", "get", "put", "grpc", "rest", "request", "response")},
		{"data model", phrases("data model", "schema", "table", "column", "key", "database", "store", "record", "document", "row")},
		{"scaling", phrases("shard", "partition", "replica", "replication", "cache", "queue", "load balancer", "horizontal",
			"scale out", "cdn", "autoscal", "fan out", "consistent hashing")},
		{"trade-offs", phrases("trade-off", "tradeoff", "trade off", "downside", "instead", "however", "but", "bottleneck",
			"versus", "vs", "whereas", "cost", "risk", "consistency")},
	}
})

var askParts = sync.OnceValue(func() []part {
	return []part{
		{"context", phrases("you mentioned", "earlier", "you said", "i noticed", "i read", "i saw", "in my last", "in my current",
			"i'm curious", "curious", "i'd like to understand", "i've been")},
		{"question", phrases("how", "what", "why", "when", "who", "which", "could you", "can you", "would you", "do you", "is there")},
	}
})

func partsFor(k questions.Kind) []part {
	switch k {
	case questions.Behavioral, questions.Situational:
		return starParts()
	case questions.SystemDesign:
		return designParts()
	case questions.AskInterviewer:
		return askParts()
	}
	return technicalParts()
}

// structure scores whether the answer moves through the parts its kind
// calls for, and in order: presence is 70 points shared across the parts,
// order the other 30.
func structure(k questions.Kind, ix *index) Dimension {
	parts := partsFor(k)
	var found, missing []string
	var present []part
	for _, p := range parts {
		if ix.firstOf(p.cues) >= 0 {
			found = append(found, p.name)
			present = append(present, p)
		} else {
			missing = append(missing, p.name)
		}
	}
	// In order when each present part can be found after the one before:
	// cue words recur ("cut" can be a goal or a result), so look for a
	// reading that follows the shape rather than first mentions.
	inOrder := len(present) > 1
	at := -1
	for _, p := range present {
		if at = ix.firstAfter(p.cues, at); at < 0 {
			inOrder = false
			break
		}
	}
	score := 70 * len(found) / len(parts)
	if inOrder && len(found) >= len(parts)-1 {
		score += 30
	} else if inOrder {
		score += 15
	}
	d := Dimension{Name: "Structure", Score: score}
	shape := shapeName(k, parts)
	switch {
	case len(missing) == 0 && inOrder:
		d.Finding = fmt.Sprintf("Clear %s shape, in order.", shape)
		d.Next = "Keep the order, and say each part in a sentence or two before moving on."
	case len(missing) == 0:
		d.Finding = fmt.Sprintf("All the parts of %s are there, but out of order.", shape)
		d.Next = fmt.Sprintf("Walk it in order: %s.", joinParts(parts))
	default:
		d.Finding = fmt.Sprintf("Missing from the %s shape: %s.", shape, strings.Join(missing, ", "))
		d.Next = nextForPart(k, missing[0])
	}
	return d
}

func shapeName(k questions.Kind, parts []part) string {
	switch k {
	case questions.Behavioral, questions.Situational:
		return "STAR (situation, task, action, result)"
	}
	return joinParts(parts)
}

func joinParts(parts []part) string {
	names := make([]string, len(parts))
	for i, p := range parts {
		names[i] = p.name
	}
	return strings.Join(names, " → ")
}

func nextForPart(k questions.Kind, missing string) string {
	switch missing {
	case "situation":
		return "Open with one sentence of context: where you were, the team, and what was at stake."
	case "task":
		return "Say what you personally had to achieve before describing what you did."
	case "action":
		return "Describe the steps you took yourself, starting sentences with \"I\"."
	case "result":
		return "End with the outcome, with a number if you have one, and what you learned."
	case "definition":
		return "Start with a one-sentence definition before the details."
	case "how it works":
		return "Explain the mechanism step by step: what happens first, then next."
	case "trade-offs":
		if k == questions.SystemDesign {
			return "Name the bottleneck and the trade-off you chose, and what you gave up."
		}
		return "Say when it is the wrong choice and what it costs: interviewers probe trade-offs."
	case "example":
		return "Close with a real example: where you used it and what happened."
	case "requirements":
		return "Start by pinning down requirements and rough numbers (users, requests per second, data size)."
	case "API":
		return "Sketch the API: the two or three calls clients make, with their inputs and outputs."
	case "data model":
		return "Describe the data model: the main records, their keys and which store holds them."
	case "scaling":
		return "Explain how it scales: caching, partitioning, replicas or queues, tied to your numbers."
	case "context":
		return "Tie your question to something said in the interview or something you read about them."
	case "question":
		return "Make it a real, open question (how, what, why) they can answer in a minute or two."
	}
	return "Follow the outline below."
}
