package prompts

import (
	"time"

	"github.com/coach-tui/coach/coach/feedback"
	"github.com/coach-tui/coach/questions"
)

// The rubric dimensions the model scores 1–5, by kind of question:
//
//	behavioral, situational  relevance, structure, specificity, ownership, impact
//	technical                correctness, depth, trade-offs, clarity
//	system-design            requirements, architecture, scaling, trade-offs, communication
//	ask-the-interviewer      insight, relevance, tone
//
// An unknown kind is scored as technical, as coach/feedback does.
var rubrics = map[questions.Kind][]string{
	questions.Behavioral:     {"relevance", "structure", "specificity", "ownership", "impact"},
	questions.Situational:    {"relevance", "structure", "specificity", "ownership", "impact"},
	questions.Technical:      {"correctness", "depth", "trade-offs", "clarity"},
	questions.SystemDesign:   {"requirements", "architecture", "scaling", "trade-offs", "communication"},
	questions.AskInterviewer: {"insight", "relevance", "tone"},
}

// rubricMeaning tells the model what each score is for, so two models
// score the same thing.
var rubricMeaning = map[string]string{
	"relevance":     "answers the question that was asked",
	"structure":     "situation, task, action, result in order (STAR), easy to follow",
	"specificity":   "concrete systems, numbers with how they were measured, scope",
	"ownership":     "what the candidate personally did and decided, not only the team",
	"impact":        "a clear outcome for users or the business, ideally measured",
	"correctness":   "what is stated is technically right",
	"depth":         "goes past definitions into how it works and when it fails",
	"trade-offs":    "names the alternatives and what each choice costs",
	"clarity":       "a listener could follow and repeat the explanation",
	"requirements":  "clarifies functional and non-functional requirements and scale first",
	"architecture":  "a coherent design with components, data flow and storage",
	"scaling":       "handles growth, hot spots, failures and their limits",
	"communication": "drives the discussion, states assumptions, checks in",
	"insight":       "the question shows research and thought about the role",
	"tone":          "curious and professional, neither generic nor confrontational",
}

// Rubric lists the dimensions the model scores for a kind of question, in
// the order the score block uses.
func Rubric(kind questions.Kind) []string {
	r, ok := rubrics[kind]
	if !ok {
		r = rubrics[questions.Technical]
	}
	return append([]string(nil), r...)
}

// FeedbackInput is what the critique prompt needs.
type FeedbackInput struct {
	Question    *questions.Question
	Answer      string
	Report      feedback.Report // the offline analysis, already shown to the candidate
	Used, Limit time.Duration
}

type rubricLine struct{ Name, Meaning string }

type feedbackData struct {
	FeedbackInput
	Q      *questions.Question // never nil
	Kind   questions.Kind
	Rubric []rubricLine
	Missed []string
}

// Feedback builds the streamed critique of one answer. The reply is
// markdown ending in a SCORES block that ParseCritique reads.
func Feedback(in FeedbackInput) Prompt {
	d := feedbackData{FeedbackInput: in, Q: in.Question, Missed: in.Report.Missed()}
	if d.Q == nil {
		d.Q = &questions.Question{}
	}
	d.Kind = d.Q.Kind
	if _, ok := rubrics[d.Kind]; !ok {
		d.Kind = questions.Technical
	}
	for _, name := range Rubric(d.Kind) {
		d.Rubric = append(d.Rubric, rubricLine{name, rubricMeaning[name]})
	}
	return render("feedback", d, []string{in.Answer}, func(f []string) Prompt {
		in.Answer = f[0]
		return Feedback(in)
	})
}
