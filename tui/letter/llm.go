package letter

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/coach/llm"
	"github.com/coach-tui/coach/coach/llm/prompts"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/tui/stream"
)

// llmOffered reports whether a model is configured at all.
func (m *Model) llmOffered() bool { return m.App.LLM.Client != nil }

// requestDraft has the model improve the letter, or asks first when the
// user has not said whether the resume and posting may leave the machine
// (the same consent as the review's tailoring).
func (m *Model) requestDraft() tea.Cmd {
	l := m.App.LLM
	switch {
	case l.Declined(store.Documents):
		m.notice = "The LLM is off for this run: you chose not to send. The next start asks again."
		return nil
	case l.Asking(store.Documents):
		m.asking = true
		return nil
	}
	return m.startDraft()
}

func (m *Model) answerConsent(given bool) tea.Cmd {
	m.asking = false
	cmds := []tea.Cmd{m.App.LLM.Answer(store.Documents, given)}
	if given {
		cmds = append(cmds, m.startDraft())
	}
	return tea.Batch(cmds...)
}

// startDraft streams the model's version of the offline letter in the
// template on show. The finished reply has the figures found in neither
// the resume nor the posting marked ⚠ and listed under it.
func (m *Model) startDraft() tea.Cmd {
	resumeText, posting := m.doc.Text, m.posting
	p := prompts.CoverLetter(resumeText, posting, m.letter.Text, string(m.letter.Template))
	if p.Err != nil {
		m.notice = "The request could not be built: " + p.Err.Error()
		return nil
	}
	m.drafting, m.invented = true, nil
	m.draft.Final = func(text string, _ bool) string {
		out, _ := prompts.MarkInvented(text, resumeText, posting)
		return out
	}
	m.view.GotoTop()
	return tea.Batch(m.draft.Start(p.Messages, p.Shorter()), m.draft.SetWidth(m.letterWidth()))
}

// stopDraft cancels a draft in progress and puts it away.
func (m *Model) stopDraft() {
	if m.drafting {
		m.draft.Cancel()
	}
	m.drafting, m.invented = false, nil
}

// Cancel implements common.Canceller: esc puts away the consent question,
// or stops the model's draft as it streams, keeping what arrived.
func (m *Model) Cancel() (tea.Cmd, bool) {
	switch {
	case m.asking:
		m.asking = false
		return nil, true
	case m.drafting:
		if cmd, ok := m.draft.Cancel(); ok {
			return cmd, true
		}
	}
	return nil, false
}

type inventedMsg struct {
	gen     int
	marked  string // the reply with each such figure marked ⚠
	figures []string
}

// handleDraft takes the end of the model's reply: a failed or empty one
// leaves the offline letter on show, saying why; a finished one becomes
// the letter that e edits and s saves, its figures checked.
func (m *Model) handleDraft(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case stream.EndedMsg:
		if !m.draft.Ours(msg) || !m.drafting {
			return nil
		}
		switch {
		case msg.State == stream.Failed && msg.Text.Len() == 0:
			m.drafting = false
			m.notice = "The model wrote nothing (" + llm.Reason(msg.Err) + "), so this is the offline letter."
			return m.render()
		case msg.Text.Len() == 0:
			m.drafting = false
			m.notice = "Stopped before the model wrote anything; this is the offline letter."
			return m.render()
		}
		text, resumeText, posting, gen := msg.Text.String(), m.doc.Text, m.posting, m.draft.Gen()
		m.text, m.source = prompts.StripMarks(text), m.draft.ModelName()
		return func() tea.Msg {
			marked, figs := prompts.MarkInvented(text, resumeText, posting)
			return inventedMsg{gen: gen, marked: marked, figures: figs}
		}
	case inventedMsg:
		// the marks stay in what e edits and s saves, so a figure in
		// neither file cannot go out unseen
		if msg.gen == m.draft.Gen() && m.drafting {
			m.text, m.invented = msg.marked, msg.figures
		}
	}
	return nil
}

// refreshDraft puts the model's draft so far on screen.
func (m *Model) refreshDraft() {
	follow := m.view.AtBottom() && m.draft.Active()
	m.view.SetContent(m.content(m.draft.Content()))
	if follow {
		m.view.GotoBottom()
	}
}
