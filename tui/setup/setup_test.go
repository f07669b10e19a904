package setup

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/session"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
}

func newCommon(t *testing.T) (common.Common, *store.Store) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Store: st, Bank: bank}}, st
}

func open(c common.Common, mode sess.Mode) *Model {
	m := New(c, mode)
	m.SetSize(80, 23)
	m.Update(m.Init()())
	return m
}

func press(m *Model, keys ...tea.KeyType) []tea.Cmd {
	var cmds []tea.Cmd
	for _, k := range keys {
		_, cmd := m.Update(tea.KeyMsg{Type: k})
		cmds = append(cmds, cmd)
	}
	return cmds
}

func TestSetupGolden(t *testing.T) {
	c, _ := newCommon(t)
	m := open(c, sess.Practice)
	press(m, tea.KeyRight, tea.KeyDown, tea.KeyRight, tea.KeyRight)
	golden.RequireEqual(t, []byte(m.View()))
}

func TestSetupRemembersTheLastChoice(t *testing.T) {
	c, st := newCommon(t)
	m := open(c, sess.Practice)
	press(m, tea.KeyLeft)                                                                   // role: back from backend wraps to platform
	press(m, tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyRight) // how many: 5 → 6
	if m.setup.Role != questions.Platform || m.setup.Count != 6 {
		t.Fatalf("setup %+v", m.setup)
	}
	cmds := press(m, tea.KeyEnter)
	batch, ok := cmds[0]().(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		t.Fatalf("enter should remember and open the session, got %T", cmds[0]())
	}
	batch[0]() // remember
	if _, ok := batch[1]().(common.PushMsg); !ok {
		t.Fatal("enter opens the session screen")
	}
	saved, ok, _ := st.Setting(context.Background(), "setup.practice")
	if !ok || !strings.Contains(saved, `"role":"platform"`) {
		t.Fatalf("saved %q", saved)
	}
	again := open(c, sess.Practice)
	if again.setup.Role != questions.Platform || again.setup.Count != 6 {
		t.Fatalf("not remembered: %+v", again.setup)
	}
	if mock := open(c, sess.Mock); mock.setup.Role != questions.Backend || mock.setup.Count != 6 {
		t.Fatalf("mock keeps its own choices: %+v", mock.setup)
	}
}

func TestSetupCountsMatchesAndRefusesNone(t *testing.T) {
	c, _ := newCommon(t)
	m := open(c, sess.Practice)
	all := m.matching()
	press(m, tea.KeyDown, tea.KeyRight, tea.KeyRight) // technical only
	if n := m.matching(); n <= 0 || n >= all {
		t.Fatalf("technical %d of %d", n, all)
	}
	// A category for the role and kind narrows again.
	press(m, tea.KeyDown, tea.KeyRight)
	if len(m.setup.Categories) != 1 || m.matching() <= 0 {
		t.Fatalf("category %v: %d", m.setup.Categories, m.matching())
	}
	// Changing the kinds resets the category, so no impossible pair stays.
	press(m, tea.KeyUp, tea.KeyRight)
	if len(m.setup.Categories) != 0 {
		t.Fatal("category kept after changing kinds")
	}

	sk := ForSkill(c, "kafka", "Apache Kafka")
	sk.SetSize(80, 23)
	sk.Update(sk.Init()())
	if n := sk.matching(); n == 0 || n >= all || !strings.Contains(sk.View(), "Apache Kafka") {
		t.Fatalf("skill practice: %d questions\n%s", n, sk.View())
	}
}

func TestSetupCompanyFilter(t *testing.T) {
	c, st := newCommon(t)
	all := c.App.Bank.Questions()
	for i, q := range all {
		switch {
		case i%50 == 0:
			q.Company = "Initech"
		case i%40 == 0:
			q.Company = []string{"acme", "Acme"}[i%2] // one company, two spellings
		}
	}
	m := open(c, sess.Practice)
	before := m.matching()
	press(m, tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyDown) // company
	var labels []string
	for _, ch := range companyChoices(m) {
		labels = append(labels, ch.label)
	}
	if strings.Join(labels, ",") != "any,acme,Initech" {
		t.Fatalf("company choices %v", labels)
	}
	press(m, tea.KeyRight, tea.KeyRight) // Initech
	if m.setup.Company != "Initech" || !strings.Contains(m.View(), "‹ Initech ›") {
		t.Fatalf("setup %+v\n%s", m.setup, m.View())
	}
	n := m.matching()
	want := len(c.App.Bank.Filter(questions.Filter{Roles: []questions.Role{questions.Backend},
		Kinds: []questions.Kind{questions.Behavioral, questions.Technical, questions.SystemDesign, questions.Situational}, Company: "Initech"}))
	if n != want || n == 0 || n >= before || !strings.Contains(m.View(), fmt.Sprintf("%d questions match", n)) {
		t.Fatalf("Initech: %d match, want %d of %d\n%s", n, want, before, m.View())
	}
	cmds := press(m, tea.KeyEnter)
	batch := cmds[0]().(tea.BatchMsg)
	batch[0]()
	if saved, _, _ := st.Setting(context.Background(), "setup.practice"); !strings.Contains(saved, `"company":"Initech"`) {
		t.Fatalf("saved %q", saved)
	}
	// A remembered company no question names any more is still shown, so
	// it can be changed.
	for _, q := range all {
		q.Company = ""
	}
	again := open(c, sess.Practice)
	if again.setup.Company != "Initech" || !strings.Contains(again.View(), "Initech") || again.matching() != 0 {
		t.Fatalf("remembered company:\n%s", again.View())
	}
	press(again, tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyRight)
	if again.setup.Company != "" {
		t.Fatalf("any: %+v", again.setup)
	}
}

func TestSetupFitsTheSmallestWindow(t *testing.T) {
	c, _ := newCommon(t)
	m := New(c, sess.Practice)
	m.SetSize(40, 11)
	m.Update(m.Init()())
	v := m.View()
	if h := lipgloss.Height(v); h > 11 {
		t.Fatalf("%d lines at 40x11:\n%s", h, v)
	}
	if !strings.Contains(v, "Follow-ups") || !strings.Contains(v, "enter starts") {
		t.Fatalf("every field and the status must show:\n%s", v)
	}
}

func TestCtrlPOpensPracticeForAPosting(t *testing.T) {
	c, st := newCommon(t)
	m := open(c, sess.Practice)
	press(m, tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyRight) // timer: strict → soft
	if m.setup.Timer != sess.Soft {
		t.Fatalf("setup %+v", m.setup)
	}
	if !helpHas(m.ShortHelp(), "ctrl+p") || !helpHas(m.FullHelp()[0], "ctrl+p") {
		t.Error("the help does not offer ctrl+p")
	}
	cmds := press(m, tea.KeyCtrlP)
	if cmds[0] == nil {
		t.Fatal("ctrl+p does nothing in practice")
	}
	msg, ok := cmds[0]().(common.PushMsg)
	if !ok {
		t.Fatalf("ctrl+p sent %T", cmds[0]())
	}
	p := msg.Screen
	p.SetSize(80, 23)
	if v := p.View(); !strings.Contains(v, "Practise for a job posting") {
		t.Fatalf("pushed a screen that is not the posting's:\n%s", v)
	}

	// The session the posting screen starts runs under the choices made
	// here.
	b, err := os.ReadFile("../../coach/resume/testdata/postings/backend-go.txt")
	if err != nil {
		t.Fatal(err)
	}
	p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(string(b)), Paste: true})
	_, cmd := p.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	var pushed common.Screen
	for cmd != nil && pushed == nil {
		switch msg := cmd().(type) {
		case common.PushMsg:
			pushed = msg.Screen
		default:
			_, cmd = p.Update(msg)
		}
	}
	if pushed == nil {
		t.Fatal("the posting screen started no session")
	}
	pushed.SetSize(80, 23)
	pushed.Update(pushed.Init()())
	one, err := st.Session(context.Background(), pushed.(*session.Model).SessionID())
	if err != nil {
		t.Fatalf("the started session: %v", err)
	}
	sessions := []store.Session{one}
	if s := sess.DecodeSetup(sessions[0].Setup); s.Timer != sess.Soft || s.Mode != sess.Practice || len(s.Plan) == 0 {
		t.Fatalf("the session's setup %+v", s)
	}
}

func TestCtrlPIsNotInMock(t *testing.T) {
	c, _ := newCommon(t)
	m := open(c, sess.Mock)
	if cmds := press(m, tea.KeyCtrlP); cmds[0] != nil {
		t.Fatalf("ctrl+p in a mock interview sent %T", cmds[0]())
	}
	if helpHas(m.ShortHelp(), "ctrl+p") || helpHas(m.FullHelp()[0], "ctrl+p") {
		t.Error("the mock interview's help offers ctrl+p")
	}
}

func helpHas(bs []key.Binding, k string) bool {
	for _, b := range bs {
		if b.Help().Key == k {
			return true
		}
	}
	return false
}
