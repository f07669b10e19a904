package common

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Growing a box shows more of the text above the cursor, and the cursor
// stays where it was: line and column.
func TestScrollToCursorFillsAGrownBox(t *testing.T) {
	ta := NewTextArea(NewStyles(DefaultTheme()), "")
	ta.Focus()
	ta.SetWidth(40)
	ta.SetHeight(5)
	var lines []string
	for i := 1; i <= 30; i++ {
		lines = append(lines, fmt.Sprintf("line %02d", i))
	}
	ta.SetValue(strings.Join(lines, "\n")) // the cursor ends on line 30
	ta = ScrollToCursor(ta)
	for ta.Line() > 19 {
		ta.CursorUp()
	}
	ta.SetCursor(3)
	ta = ScrollToCursor(ta)
	ta.SetHeight(25)
	ta = ScrollToCursor(ta)
	v := ansi.Strip(ta.View())
	if !strings.Contains(v, "line 01") || !strings.Contains(v, "line 20") {
		t.Fatalf("a box grown to 25 rows shows:\n%s", v)
	}
	if li := ta.LineInfo(); ta.Line() != 19 || li.StartColumn+li.ColumnOffset != 3 {
		t.Fatalf("the cursor moved: line %d, column %d", ta.Line(), li.StartColumn+li.ColumnOffset)
	}
}
