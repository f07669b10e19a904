package common

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/prompts"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/questions/textsafe"
)

// Consent is the user's answer to "send this to the endpoint?".
type Consent int

const (
	// ConsentUnknown: not asked yet; the first answer that would be sent
	// asks.
	ConsentUnknown Consent = iota
	// ConsentGiven: remembered in the database for this endpoint.
	ConsentGiven
	// ConsentDeclined: for this run only; the next start asks again.
	ConsentDeclined
)

// Data is a kind of data the user agrees to send, asked apart: answers
// (a question, its notes and the answer), or documents (the resume and
// the posting).
type Data = store.Data

// LLM is the optional model as this run has it. The root owns it; screens
// read it and ask for changes with ConsentMsg.
type LLM struct {
	// Client is nil when the LLM is off.
	Client *llm.Client
	// Problem says why a configured LLM is off (no key, no model), for the
	// home and settings screens; empty when it is on or simply disabled.
	Problem string
	// FollowUps is how many follow-ups a mock interview asks per question
	// when the model writes them.
	FollowUps int
	// Answers and Documents are the user's answers for each kind of data.
	Answers, Documents Consent
}

// ConsentTo is the user's answer about sending d.
func (l LLM) ConsentTo(d Data) Consent {
	if d == store.Documents {
		return l.Documents
	}
	return l.Answers
}

// On reports whether d may be sent now: a client and the user's yes.
func (l LLM) On(d Data) bool { return l.Client != nil && l.ConsentTo(d) == ConsentGiven }

// Asking reports whether the user still has to be asked before d is sent.
func (l LLM) Asking(d Data) bool { return l.Client != nil && l.ConsentTo(d) == ConsentUnknown }

// Declined reports whether the user said no to sending d, this run.
func (l LLM) Declined(d Data) bool { return l.Client != nil && l.ConsentTo(d) == ConsentDeclined }

// Answer takes the user's answer about d for the rest of the run at once,
// so the screen that asked can send without waiting, and returns the
// command that tells the root, which remembers a yes in the database.
func (l *LLM) Answer(d Data, given bool) tea.Cmd {
	l.set(d, given)
	return SetConsent(d, given)
}

// set records the user's answer about d for this run.
func (l *LLM) set(d Data, given bool) {
	c := ConsentDeclined
	if given {
		c = ConsentGiven
	}
	if d == store.Documents {
		l.Documents = c
	} else {
		l.Answers = c
	}
}

// Remembered marks d as agreed to earlier, unless this run already asked.
func (l *LLM) Remembered(d Data) {
	if l.ConsentTo(d) == ConsentUnknown {
		l.set(d, true)
	}
}

// Record takes an answer the root was told about.
func (l *LLM) Record(msg ConsentMsg) { l.set(msg.Data, msg.Given) }

// ConsentMsg carries the user's answer about sending Data to the root,
// which remembers a yes in the database.
type ConsentMsg struct {
	Data  Data
	Given bool
}

// SetConsent returns a command that sends the user's answer to the root.
func SetConsent(d Data, given bool) tea.Cmd {
	return func() tea.Msg { return ConsentMsg{Data: d, Given: given} }
}

// QuestionsMsg is the practice questions read from a model's reply to
// request Gen of the screen that asked.
type QuestionsMsg struct {
	Gen       int
	Questions []*questions.Question
	Err       error
}

// ReadQuestions reads up to n practice questions for role out of a model's
// reply, in a command: parsing is kept out of Update. Sources are what the
// model was given (the posting, the resume): a figure in none of them is
// marked ⚠ in the questions.
func ReadQuestions(reply textsafe.Text, role questions.Role, n, gen int, sources ...string) tea.Cmd {
	return func() tea.Msg {
		qs, err := prompts.ParseQuestions(reply.String(), role, n)
		for _, q := range qs {
			prompts.FlagInvented(q, sources...)
		}
		return QuestionsMsg{Gen: gen, Questions: qs, Err: err}
	}
}
