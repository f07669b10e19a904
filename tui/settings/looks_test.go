package settings

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/internal/looks"
)

// Settings in every look at 40x12, 80x24 and 200x60, page by page to the
// end, with the cursor moved onto the next session's choices.
func TestSettingsGoldensAtThreeSizes(t *testing.T) {
	looks.Each(t, func(t *testing.T, l looks.Look, w, h int) {
		// a fixed path, because Settings shows it
		dir := filepath.Join(os.TempDir(), "coach-settings-looks")
		os.RemoveAll(dir)
		t.Cleanup(func() { os.RemoveAll(dir) })
		st, err := store.Open(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		m := New(common.Common{Styles: l.Styles, Markdown: l.Markdown, App: &common.App{Store: st, Info: common.Info{
			Version: "v1.2.3", ConfigPath: "/home/someone/.config/coach/config.yaml", DataDir: "/home/someone/.local/share/coach",
			Theme: "auto", Dark: true, Color: l.Name != "no-color"}}})
		m.SetSize(w, h)
		for _, msg := range m.Init()().(tea.BatchMsg) {
			run(m, msg)
		}
		for range 4 {
			m.Update(keyOf("down")) // to Reading time
		}
		golden.RequireEqual(t, []byte(looks.Pages(t, w, h, m.View, func() bool { return m.pager.AtBottom() }, func() {
			m.Update(tea.KeyMsg{Type: tea.KeyPgDown})
		})))
	})
}
