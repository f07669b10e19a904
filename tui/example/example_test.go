package example

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/coach-tui/coach/coach/resume"
	"github.com/coach-tui/coach/tui/common"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
}

func newScreen(w, h int) *Model {
	c := common.Common{
		Styles:   common.NewStyles(common.DefaultTheme()),
		Markdown: common.NewMarkdown(common.MarkdownDark, false),
		App:      &common.App{},
	}
	m := New(c)
	m.SetSize(w, h)
	run(m, m.Init())
	return m
}

func run(m *Model, cmd tea.Cmd) {
	for cmd != nil {
		msg := cmd()
		if msg == nil {
			return
		}
		_, cmd = m.Update(msg)
	}
}

func press(m *Model, k string) {
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
	run(m, cmd)
}

func TestExampleGoldenNotesOn(t *testing.T) {
	m := newScreen(80, 23)
	press(m, "f") // the first page is the header; show the summary's note
	golden.RequireEqual(t, []byte(m.View()))
}

func TestExampleGoldenNotesOff(t *testing.T) {
	m := newScreen(80, 23)
	press(m, "n")
	press(m, "f")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestNotesToggle(t *testing.T) {
	m := newScreen(80, 23)
	withNotes := m.viewport.TotalLines()
	press(m, "n")
	without := m.viewport.TotalLines()
	if without >= withNotes {
		t.Fatalf("notes off should shorten the document: %d vs %d", without, withNotes)
	}
	if !strings.Contains(m.View(), "notes off") {
		t.Fatal("the header should say the notes are off")
	}
	press(m, "n")
	if m.viewport.TotalLines() != withNotes || len(m.rendered) != 2 {
		t.Fatalf("toggling back should reuse the cached rendering (%d renders)", len(m.rendered))
	}
}

func TestResizeRewraps(t *testing.T) {
	m := newScreen(80, 23)
	m.SetSize(50, 20)
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 50, Height: 20})
	run(m, cmd)
	for _, line := range strings.Split(m.View(), "\n") {
		if w := lipgloss.Width(line); w > 50 {
			t.Fatalf("line of %d cells after resizing to 50: %q", w, line)
		}
	}
	if m.Markdown.Renderers() != 2 {
		t.Fatalf("want one renderer per width, have %d", m.Markdown.Renderers())
	}
}

func TestNotesAsParagraphs(t *testing.T) {
	got := notesAsParagraphs("- Built it.\n\n> **Why it works:** Scope and a metric.\n")
	want := "- Built it.\n\n**↳ Why it works:** *Scope and a metric.*\n"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if strings.Contains(notesAsParagraphs(resume.Example()), "\n> ") {
		t.Fatal("a note was left as a blockquote")
	}
}

// BenchmarkExampleRender measures showing the resume at a width already
// rendered once (renderer cached), as happens after the first view.
func BenchmarkExampleRender(b *testing.B) {
	md := common.NewMarkdown(common.MarkdownDark, true)
	src := notesAsParagraphs(resume.Example())
	if _, err := md.Render(src, 76); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := md.Render(src, 76); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExampleToggle measures the notes key once both renderings are
// cached: what a user pays on every press after the first.
func BenchmarkExampleToggle(b *testing.B) {
	m := newScreen(80, 23)
	press(m, "n")
	for b.Loop() {
		press(m, "n")
		m.View()
	}
}
