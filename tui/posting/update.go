package posting

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/stream"
)

// Update implements common.Screen. The lines under the posting change with
// each phase, so the textarea is laid out again after every message.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	cmd := m.update(msg)
	m.layout()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	// The model's reply's own messages first: pieces, retries, its spinner.
	if cmd, ok := m.writer.Update(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case rememberedMsg:
		if m.text.Value() == "" && msg.text != "" {
			common.SetTextAreaValue(&m.text, msg.text)
		}
		return nil
	case readMsg:
		return m.handleRead(msg)
	case stream.EndedMsg:
		if m.writer.Ours(msg) {
			return m.handleWriterEnded(msg)
		}
		return nil
	case common.QuestionsMsg:
		return m.handleParsed(msg)
	case tea.WindowSizeMsg:
		return m.writer.SetWidth(m.textWidth())
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch m.phase {
	case phaseEditing, phaseReading:
		switch {
		case key.Matches(msg, k.Back) && m.phase == phaseReading:
			// Reading takes a moment; esc drops it and stays.
			m.seq++
			m.setPhase(phaseEditing)
			return nil
		case key.Matches(msg, k.Back):
			// The posting takes q and ?, but esc still leaves the screen.
			return common.Back
		case key.Matches(msg, k.Practise):
			if m.phase == phaseReading {
				return nil
			}
			return m.read()
		}
		// Typing goes on while the posting is read: nothing typed is lost.
		var cmd tea.Cmd
		m.text, cmd = common.UpdateTextArea(m.text, msg)
		return cmd
	case phaseAsking:
		switch {
		case key.Matches(msg, k.Consent):
			return m.answerConsent(true)
		case key.Matches(msg, k.Decline):
			return m.answerConsent(false)
		}
	case phaseReady:
		if key.Matches(msg, k.Start) {
			return m.practise(m.found.bank)
		}
	}
	// While the model writes, esc reaches Cancel through the root.
	return nil
}
