package common

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/coach-tui/coach/questions/textsafe"
)

// NewTextArea is the text box every screen uses. It takes any number of
// characters and lines: bubbles' MaxHeight caps the lines enter can make
// as well as the rows shown, so it is turned off, and each screen sets the
// rows shown with SetHeight. The cursor is steady, since blinking would
// redraw the screen twice a second. It is drawn in the theme's styles,
// not bubbles' own colours, so NO_COLOR leaves no colour in it.
func NewTextArea(st *Styles, placeholder string) textarea.Model {
	ta := textarea.New()
	ta.Placeholder = placeholder
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ta.Cursor.SetMode(cursor.CursorStatic)
	style := textarea.Style{
		Base: lipgloss.NewStyle(), CursorLine: st.Text, Text: st.Text,
		Placeholder: st.Faint, Prompt: st.Faint, EndOfBuffer: st.Faint,
		LineNumber: st.Faint, CursorLineNumber: st.Faint,
	}
	ta.FocusedStyle, ta.BlurredStyle = style, style
	return ta
}

// NewTextInput is the one-line field every screen uses: no character cap
// (a pasted value is taken whole and the screen says what is wrong with
// it), a steady cursor, the theme's styles.
func NewTextInput(st *Styles, placeholder string) textinput.Model {
	in := textinput.New()
	in.Placeholder = placeholder
	in.CharLimit = 0
	in.PlaceholderStyle = st.Faint
	in.TextStyle = st.Text
	in.PromptStyle = st.Faint
	in.Cursor.SetMode(cursor.CursorStatic)
	return in
}

// ScrollToCursor brings the box's cursor line into view. bubbles moves its
// view only while handling a message, and only over the lines its last
// View laid out, so text set or a height changed outside Update would
// leave the box showing other lines (blank ones after a resize) until the
// next key. Laying the lines out first is what lets the view move.
//
// bubbles also never scrolls back up on its own, so a box that grows
// (a taller window) would keep its old offset and show blank rows under
// the text. The cursor is walked to the top, which scrolls the view to
// the start, and back, which scrolls down only as far as the cursor needs.
func ScrollToCursor(ta textarea.Model) textarea.Model {
	row := ta.Line()
	li := ta.LineInfo()
	col := li.StartColumn + li.ColumnOffset
	settle := func() {
		_ = ta.View()
		ta, _ = ta.Update(nil)
	}
	settle()
	for ta.Line() > 0 {
		ta.CursorUp()
	}
	ta.CursorStart()
	settle()
	for ta.Line() < row {
		ta.CursorDown()
	}
	ta.SetCursor(col)
	settle()
	return ta
}

// UpdateTextArea passes a message to a text box and keeps the cursor in
// view. bubbles scrolls only over the lines its last view laid out, so a
// key that wraps the text onto a new row leaves the cursor one row below
// the box until the next key, and a long paste leaves the box showing its
// middle: after a key the lines are laid out again and the view moved.
//
// Typed and pasted text is cleaned first (textsafe.Clean): besides escape
// sequences, that drops the joiners and modifiers whose width terminals
// disagree on, which would otherwise wrap lines the box measured as
// fitting and push the screen down.
func UpdateTextArea(ta textarea.Model, msg tea.Msg) (textarea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes {
		clean := textsafe.Clean(string(k.Runes))
		if clean == "" {
			return ta, nil
		}
		k.Runes = []rune(clean)
		msg = k
	}
	ta, cmd := ta.Update(msg)
	if k, ok := msg.(tea.KeyMsg); ok {
		if k.Paste {
			return ScrollToCursor(ta), cmd
		}
		_ = ta.View()
		ta, _ = ta.Update(nil)
	}
	return ta, cmd
}

// SetTextAreaValue puts text from outside the box (a draft, the editor's
// file) into it, cleaned as typed text is, with the cursor at its end.
func SetTextAreaValue(ta *textarea.Model, s string) {
	ta.SetValue(textsafe.Clean(s))
	ta.CursorEnd()
}
