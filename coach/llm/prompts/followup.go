package prompts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coach-tui/coach/questions"
)

// Exchange is one follow-up already asked, with the candidate's answer.
type Exchange struct{ Question, Answer string }

// FollowUpInput is what the follow-up prompt needs.
type FollowUpInput struct {
	Question *questions.Question
	Answer   string     // the answer to the original question
	Earlier  []Exchange // follow-ups already asked on this question, with their answers, in order
	Missed   []string   // key points the offline analysis found missing
}

type followUpData struct {
	FollowUpInput
	Q *questions.Question // never nil
}

// FollowUp builds the prompt for one adaptive follow-up question; read the
// reply with ParseFollowUp.
func FollowUp(in FollowUpInput) Prompt {
	d := followUpData{FollowUpInput: in, Q: in.Question}
	if d.Q == nil {
		d.Q = &questions.Question{}
	}
	// Earlier answers are user text too, so they can be trimmed.
	fields := []string{in.Answer}
	for _, e := range in.Earlier {
		fields = append(fields, e.Answer)
	}
	return render("follow-up", d, fields, func(f []string) Prompt {
		in.Answer = f[0]
		in.Earlier = append([]Exchange(nil), in.Earlier...)
		for i := range in.Earlier {
			in.Earlier[i].Answer = f[i+1]
		}
		return FollowUp(in)
	})
}

// maxFollowUp is the longest follow-up accepted, in characters: past it
// the model wrote a speech, not a question.
const maxFollowUp = 400

var (
	// labelPrefix is a label the model put before the question.
	labelPrefix = lazyRegexp(`(?i)^(?:(?:my |a |the |next |possible |suggested )?(?:follow[- ]?up(?: question)?|question|interviewer|q)\s*(?:\d+\s*)?[:.)–—-]\s*)+`)
	// chatterOpener starts a line that talks about the question rather
	// than asking it.
	chatterOpener = lazyRegexp(`(?i)^(?:sure|okay|ok|certainly|of course|absolutely|great|here(?:'s| is| are)|i(?:'d| would) ask|based on)\b`)
	// chatterLead is "Sure! Here's a follow-up:" before a question on the
	// same line.
	chatterLead = lazyRegexp(`(?i)^(?:(?:sure|okay|ok|certainly|of course|absolutely|great)\b[^:?]{0,80}|[^:?]{0,40}\b(?:here(?:'s| is)|follow[- ]?up)\b[^:?]{0,40}):\s+`)
	quotes      = "\"'“”‘’`"
	// askVerb starts a request an interviewer makes without a question
	// mark ("Walk me through…"); any other line without one is a
	// statement (feedback, a verdict), not something to answer.
	askVerb = lazyRegexp(`(?i)^(?:please\s+)?(?:walk|tell|describe|explain|talk|give|share|take|show|compare|contrast|outline|name|list|estimate|sketch|design|suppose|imagine|assume|say|pick|choose|justify|defend|elaborate|expand|clarify|define|summari[sz]e|go|consider|let's|help)\b`)
)

// ParseFollowUp extracts the follow-up question from whatever the model
// sent. It drops reasoning blocks, labels ("Follow-up:", "Question 1:"),
// markdown emphasis, list numbering, quotes and chatter lines ("Sure!
// Here's a follow-up:"), then takes the first line ending in "?", or else
// the first line that asks for something ("Walk me through…"). ok is false
// for nothing, for a statement ("STATEMENT: Your answer lacked detail."),
// or for more than 400 characters, so the caller uses the bank's
// follow-ups instead.
func ParseFollowUp(text string) (string, bool) {
	var first string
	for _, line := range strings.Split(stripThinking(text), "\n") {
		line = cleanQuestionLine(line)
		if !hasLetter(line) {
			continue
		}
		if strings.HasSuffix(line, "?") {
			return accept(line)
		}
		if first == "" && !strings.HasSuffix(line, ":") && !chatterOpener.get().MatchString(line) && askVerb.get().MatchString(line) {
			first = line
		}
	}
	return accept(first)
}

func accept(q string) (string, bool) {
	if q == "" || utf8.RuneCountInString(q) > maxFollowUp {
		return "", false
	}
	return q, true
}

// cleanQuestionLine strips the decoration models put around a question.
func cleanQuestionLine(line string) string {
	s := collapse(strings.NewReplacer("**", "", "__", "").Replace(line))
	for range 3 { // labels and quotes nest: **Follow-up:** "Question: …"
		prev := s
		s = strings.TrimLeft(s, "#>-*+•· ")
		s = listMarker.get().ReplaceAllString(s, "")
		s = labelPrefix.get().ReplaceAllString(s, "")
		if loc := chatterLead.get().FindStringIndex(s); loc != nil && hasLetter(s[loc[1]:]) {
			s = s[loc[1]:]
		}
		s = strings.TrimSpace(strings.Trim(s, quotes+" *_"))
		if s == prev {
			break
		}
	}
	return s
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
