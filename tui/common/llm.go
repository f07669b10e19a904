package common

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/prompts"
	"github.com/coach-tui/coach/questions"
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
	Consent   Consent
}

// On reports whether answers may be sent now: a client and the user's yes.
func (l LLM) On() bool { return l.Client != nil && l.Consent == ConsentGiven }

// Asking reports whether the user still has to be asked before sending.
func (l LLM) Asking() bool { return l.Client != nil && l.Consent == ConsentUnknown }

// Answer takes the user's answer for the rest of the run at once, so the
// screen that asked can send without waiting, and returns the command that
// tells the root, which remembers a yes in the database.
func (l *LLM) Answer(given bool) tea.Cmd {
	l.Consent = ConsentDeclined
	if given {
		l.Consent = ConsentGiven
	}
	return SetConsent(given)
}

// ConsentMsg carries the user's answer to the root, which remembers a yes
// in the database.
type ConsentMsg struct{ Given bool }

// SetConsent returns a command that sends the user's answer to the root.
func SetConsent(given bool) tea.Cmd {
	return func() tea.Msg { return ConsentMsg{Given: given} }
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
func ReadQuestions(reply string, role questions.Role, n, gen int, sources ...string) tea.Cmd {
	return func() tea.Msg {
		qs, err := prompts.ParseQuestions(reply, role, n)
		for _, q := range qs {
			prompts.FlagInvented(q, sources...)
		}
		return QuestionsMsg{Gen: gen, Questions: qs, Err: err}
	}
}
