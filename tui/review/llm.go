package review

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/prompts"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/questions/textsafe"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/stream"
)

// action is a request to the model that the report can make.
type action int

const (
	actNone     action = iota
	actTailor          // stream likely questions and bullet rewrites
	actGenerate        // write practice questions from the posting
)

// postingQuestions is how many questions g asks the model for.
const postingQuestions = 5

// llmOffered reports whether the model's keys exist at all: a client is
// configured. Without one the screen is the offline review it always was.
func (m *Model) llmOffered() bool { return m.App.LLM.Client != nil }

// request makes a, or asks first when the user has not said whether the
// resume and posting may leave the machine.
func (m *Model) request(a action) tea.Cmd {
	l := m.App.LLM
	switch {
	case l.Client == nil:
		return nil
	case l.Declined(store.Documents):
		m.notice = "The LLM is off for this run: you chose not to send. The next start asks again."
		return nil
	case l.Asking(store.Documents):
		m.asking = a
		return nil
	}
	return m.do(a)
}

func (m *Model) do(a action) tea.Cmd {
	switch a {
	case actTailor:
		return m.startTailor()
	case actGenerate:
		return m.startGenerating()
	}
	return nil
}

// answerConsent acts on y or n, and sends what was waiting on a yes.
func (m *Model) answerConsent(given bool) tea.Cmd {
	a := m.asking
	m.asking = actNone
	cmds := []tea.Cmd{m.App.LLM.Answer(store.Documents, given)}
	if given {
		cmds = append(cmds, m.do(a))
	}
	return tea.Batch(cmds...)
}

// Cancel implements common.Canceller: esc puts away the consent question
// (nothing decided, nothing sent), stops the model writing questions, or
// stops the tailoring as it streams, keeping what arrived.
func (m *Model) Cancel() (tea.Cmd, bool) {
	switch {
	case m.report == nil:
		return nil, false
	case m.asking != actNone:
		m.asking = actNone
		return nil, true
	case m.generating:
		stop := m.stopGenerating()
		m.notice = "Stopped: no questions were written."
		return stop, true
	case m.level == levelTailor:
		if cmd, ok := m.tailor.Cancel(); ok {
			m.refreshTailor()
			return cmd, true
		}
	}
	return nil, false
}

// resumeText is what the model receives of the resume: the text an ATS
// extracts, the same the report shows.
func (m *Model) resumeText() string { return m.report.PlainText.Text }

// openTailor shows the tailoring of this report, asking for one when
// there is none yet.
func (m *Model) openTailor() tea.Cmd {
	if m.tailoredFor == m.report && m.tailor.State() != stream.Idle {
		m.level = levelTailor
		return nil
	}
	return m.request(actTailor)
}

// startTailor streams the tailoring into its own level. The finished
// reply has the figures found in neither the resume nor the posting
// marked, and listed under it.
func (m *Model) startTailor() tea.Cmd {
	resumeText, posting := m.resumeText(), m.posting
	if strings.TrimSpace(resumeText) == "" {
		m.notice = "No text could be read from your resume, so there is nothing to tailor."
		return nil
	}
	p := prompts.Tailor(resumeText, posting)
	if p.Err != nil {
		m.notice = "The tailoring request could not be built: " + p.Err.Error()
		return nil
	}
	m.level, m.tailoredFor, m.invented = levelTailor, m.report, nil
	m.tailor.Final = func(text string, _ bool) string {
		out, _ := prompts.MarkInvented(text, resumeText, posting)
		return out
	}
	start := m.tailor.Start(p.Messages, p.Shorter())
	m.tview.SetContent("")
	m.tview.GotoTop()
	return tea.Batch(start, m.tailor.SetWidth(m.renderWidth()))
}

// inventedMsg lists the figures of tailoring gen found in neither the
// resume nor the posting.
type inventedMsg struct {
	gen     int
	figures []string
}

// checkFigures looks for invented figures in the reply once it has
// stopped, in a command; the marks in the text come from Final.
func (m *Model) checkFigures(reply textsafe.Text) tea.Cmd {
	text, resumeText, posting, gen := reply.String(), m.resumeText(), m.posting, m.tailor.Gen()
	return func() tea.Msg {
		return inventedMsg{gen: gen, figures: prompts.Invented(text, resumeText, posting)}
	}
}

// tailorKey handles keys on the tailoring: scrolling, and t to ask again
// after a failure or a cancel.
func (m *Model) tailorKey(msg tea.KeyMsg) tea.Cmd {
	if m.tview.Searching() {
		m.tview, _ = m.tview.Update(msg)
		return nil
	}
	if s := m.tailor.State(); (s == stream.Failed || s == stream.Cancelled) && key.Matches(msg, m.keys.Retry) {
		return m.request(actTailor)
	}
	var cmd tea.Cmd
	m.tview, cmd = m.tview.Update(msg)
	return cmd
}

// refreshTailor puts the tailoring so far into its viewport. A reader at
// the bottom stays there as text arrives; one who scrolled up keeps their
// place.
func (m *Model) refreshTailor() {
	follow := m.tview.AtBottom() && m.tailor.Active()
	m.tview.SetContent(m.tailor.Content())
	if follow {
		m.tview.GotoBottom()
	}
}

// renderWidth is the markdown's wrap width inside the viewport.
func (m *Model) renderWidth() int { return max(min(m.tview.Width-2, 100), 20) }

// postingRole is the role the questions are written for: the one the
// posting's title names, else backend.
func (m *Model) postingRole() questions.Role {
	if r, ok := m.report.Posting.QuestionRole(); ok {
		return r
	}
	return questions.Backend
}

// startGenerating asks the model for practice questions from the posting.
// The reply streams, though it is not shown: a rate limit shows its
// countdown, and esc cancels the request (Cancel).
func (m *Model) startGenerating() tea.Cmd {
	if strings.TrimSpace(m.posting) == "" {
		m.notice = "The posting is empty, so there is nothing to write questions from."
		return nil
	}
	p := prompts.PostingQuestions(m.posting, m.postingRole(), postingQuestions)
	if p.Err != nil {
		m.notice = "The request for questions could not be built: " + p.Err.Error()
		return nil
	}
	m.generating = true
	return tea.Batch(m.writer.Start(p.Messages, p.Shorter()), m.writer.SetWidth(m.wrapWidth()))
}

// stopGenerating cancels the request for questions, if one is running;
// its reply, or its questions being read, are dropped.
func (m *Model) stopGenerating() tea.Cmd {
	m.generating = false
	cmd, _ := m.writer.Cancel()
	return cmd
}

// handleWriterEnded reads the questions out of the whole reply, in a
// command, or says why there are none.
func (m *Model) handleWriterEnded(msg stream.EndedMsg) tea.Cmd {
	if !m.generating {
		return nil // stopped already (esc, p)
	}
	switch msg.State {
	case stream.Cancelled:
		m.generating = false
		m.notice = "Stopped: no questions were written."
		return nil
	case stream.Failed:
		m.generatingFailed(msg.Err)
		return nil
	}
	return common.ReadQuestions(msg.Text, m.postingRole(), postingQuestions, m.writer.Gen(), m.posting, m.resumeText())
}

// handleParsed starts practice on the report's questions and then the
// model's, or says why there are none; it never starts on a failure.
func (m *Model) handleParsed(msg common.QuestionsMsg) tea.Cmd {
	if msg.Gen != m.writer.Gen() || !m.generating {
		return nil
	}
	if msg.Err != nil {
		m.generatingFailed(msg.Err)
		return nil
	}
	m.generating = false
	qs := append(m.report.PracticeQuestions(), msg.Questions...)
	return m.practise(qs)
}

// generatingFailed says why the model wrote no questions; p still
// practises the report's own.
func (m *Model) generatingFailed(err error) {
	m.generating = false
	m.notice = "No questions from the model: " + llm.Reason(err) + "."
	if len(m.report.PracticeQuestions()) > 0 {
		m.notice += " p practises the review's own questions."
	}
}
