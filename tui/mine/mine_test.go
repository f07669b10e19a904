package mine

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/coach-tui/coach/coach"
	"github.com/coach-tui/coach/coach/store"
	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
}

type env struct {
	c    common.Common
	path string // the user's questions file
	// banks are the banks the screen handed to the root, in order.
	banks []*questions.Bank
}

func newEnv(t *testing.T) *env {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(context.Background(), filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	bank, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	info := common.Info{ConfigPath: filepath.Join(dir, "config", "config.yaml")}
	return &env{
		c:    common.Common{Styles: common.NewStyles(common.DefaultTheme()), App: &common.App{Info: info, Store: st, Bank: bank}},
		path: filepath.Join(dir, "config", "banks", "mine.yaml"),
	}
}

// open starts the screen at the size an 80x24 window gives it (the help
// line takes one row).
func (e *env) open(t *testing.T) *Model {
	t.Helper()
	m := New(e.c)
	if m.path != e.path {
		t.Fatalf("file %s, want %s", m.path, e.path)
	}
	m.SetSize(80, 23)
	e.run(m, m.Init())
	return m
}

// run executes a command the way the program would, feeding messages back
// to the screen; a changed bank is kept, as the root would keep it.
func (e *env) run(m *Model, cmd tea.Cmd) {
	for cmd != nil {
		msg := cmd()
		switch msg := msg.(type) {
		case nil:
			return
		case tea.BatchMsg:
			for _, c := range msg {
				e.run(m, c)
			}
			return
		case common.BankChangedMsg:
			e.banks = append(e.banks, msg.Bank)
			e.c.App.Bank = msg.Bank
			return
		}
		_, cmd = m.Update(msg)
	}
}

func keyOf(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func (e *env) press(m *Model, keys ...string) {
	for _, k := range keys {
		_, cmd := m.Update(keyOf(k))
		e.run(m, cmd)
	}
}

// typeLines types text into the focused field, enter between lines.
func (e *env) typeLines(m *Model, lines ...string) {
	for i, l := range lines {
		if i > 0 {
			e.press(m, "enter")
		}
		e.press(m, l)
	}
}

// fill types a complete question into a new form, leaving the focus on
// the last field.
func (e *env) fill(m *Model, time string) {
	e.press(m, "a")
	e.typeLines(m, "Walk me through an outage you handled, end to end?")
	e.press(m, "tab", "tab") // kind stays behavioural
	e.press(m, "failure", "tab")
	e.press(m, "space", "right", "right", "right", "right", "right", "space", "tab") // backend and sre
	e.press(m, "right", "tab")                                                       // senior
	e.press(m, "ctrl+u", time, "tab")
	e.press(m, "Acme", "tab")
	e.press(m, "incident-response, monitoring", "tab")
	e.typeLines(m, "States the customer impact: customers, minutes, error rate",
		"Names the fix and what changed: postmortem, runbook, alert")
	e.press(m, "tab")
	e.typeLines(m, "What would you do differently?", "- Names a change: rollback plan, canary", "Who did you tell, and when?")
	e.press(m, "tab")
	e.typeLines(m, "1. Impact and timeline", "2. Your actions, then the fix", "3. What changed afterwards")
}

func TestAddAValidQuestion(t *testing.T) {
	e := newEnv(t)
	m := e.open(t)
	if v := m.View(); !strings.Contains(v, "No questions of your own yet") {
		t.Fatalf("empty list:\n%s", v)
	}
	e.fill(m, "2m30s")
	if !m.TakingText() {
		t.Fatal("the form takes typed text, q and ? included")
	}
	e.press(m, "ctrl+s")
	if m.form != nil {
		t.Fatalf("the form should close after a save:\n%s", m.View())
	}
	want := &questions.Question{
		ID: "my-walk-me-through-an-outage-you-handled", Text: "Walk me through an outage you handled, end to end?",
		Kind: questions.Behavioral, Category: "failure", Roles: []questions.Role{questions.Backend, questions.SRE},
		Difficulty: 3, Time: 150 * time.Second, Tags: []string{"incident-response", "monitoring"}, Company: "Acme",
		KeyPoints: []questions.KeyPoint{
			{Point: "States the customer impact", Terms: []string{"customers", "minutes", "error rate"}},
			{Point: "Names the fix and what changed", Terms: []string{"postmortem", "runbook", "alert"}},
		},
		FollowUps: []questions.FollowUp{
			{Text: "What would you do differently?", KeyPoints: []questions.KeyPoint{{Point: "Names a change", Terms: []string{"rollback plan", "canary"}}}},
			{Text: "Who did you tell, and when?"},
		},
		Outline: "1. Impact and timeline\n2. Your actions, then the fix\n3. What changed afterwards",
	}
	p, err := coach.BankParser()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(e.path)
	if err != nil {
		t.Fatal(err)
	}
	back, errs := p.ParseFile(e.path, data)
	if len(errs) > 0 || len(back) != 1 {
		t.Fatalf("the file does not read back: %v\n%s", errs, data)
	}
	same(t, want, back[0])
	if questions.FileTopic(data) != "My questions" {
		t.Fatalf("topic %q", questions.FileTopic(data))
	}

	if len(e.banks) != 1 {
		t.Fatalf("%d banks handed to the root, want 1", len(e.banks))
	}
	q, ok := e.banks[0].Get(want.ID)
	if !ok || !q.Source.User || e.banks[0].Len() != mustDefault(t).Len()+1 {
		t.Fatal("the reloaded bank does not carry the new question")
	}
	same(t, want, q)
	if n := len(e.banks[0].Filter(questions.Filter{Company: "acme"})); n != 1 {
		t.Fatalf("company filter finds %d", n)
	}
	v := m.View()
	if !strings.Contains(v, "Walk me through an outage") || !strings.Contains(v, "Added.") || !strings.Contains(v, "· Acme") {
		t.Fatalf("list after adding:\n%s", v)
	}
	// A second question with the same text gets an id of its own.
	e.fill(m, "2m")
	e.press(m, "ctrl+s")
	if len(m.list) != 2 || m.list[1].ID != want.ID+"-2" {
		t.Fatalf("second id: %v", m.list)
	}
}

func mustDefault(t *testing.T) *questions.Bank {
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func same(t *testing.T, want, got *questions.Question) {
	t.Helper()
	w, g := *want, *got
	w.Source, g.Source = questions.Source{}, questions.Source{}
	if !reflect.DeepEqual(w, g) {
		t.Fatalf("question:\nwant %+v\ngot  %+v", w, g)
	}
}

// fieldValues are every value of the form, to show nothing typed is lost.
func fieldValues(f *form) string { return f.snapshot() }

func TestAnInvalidQuestionKeepsEverything(t *testing.T) {
	e := newEnv(t)
	m := e.open(t)
	e.fill(m, "5 minutes")
	e.press(m, "shift+tab", "shift+tab", "shift+tab", "ctrl+u", "no-such-skill") // tags
	before := fieldValues(m.form)
	e.press(m, "ctrl+s")
	if m.form == nil {
		t.Fatal("an invalid question closed the form")
	}
	if _, err := os.Stat(e.path); !os.IsNotExist(err) {
		t.Fatalf("nothing may be written: %v", err)
	}
	if len(e.banks) != 0 {
		t.Fatal("the bank changed")
	}
	if got := fieldValues(m.form); got != before {
		t.Fatalf("values changed:\n%q\n%q", before, got)
	}
	f := m.form
	if got := f.errs[fieldTime]; len(got) != 1 || got[0] != `time "5 minutes" is not a duration (use 5m)` {
		t.Fatalf("time errors %q (all %v, general %v)", got, f.errs, f.general)
	}
	if got := f.errs[fieldTags]; len(got) != 1 || !strings.Contains(got[0], `tag "no-such-skill" is not a skill id`) {
		t.Fatalf("tag errors %q", got)
	}
	if len(f.errs) != 2 || len(f.general) != 0 {
		t.Fatalf("errors %v, general %v", f.errs, f.general)
	}
	if f.focus != fieldTime {
		t.Fatalf("focus on %s, want the first bad field", fieldLabels[f.focus])
	}
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	at := -1
	for i, l := range lines {
		if strings.Contains(l, "› Time") {
			at = i
		}
	}
	if at < 0 || at+1 >= len(lines) || !strings.Contains(lines[at+1], `time "5 minutes" is not a duration (use 5m)`) {
		t.Fatalf("the error belongs under Time:\n%s", strings.Join(lines, "\n"))
	}

	// Fixed, it saves; the messages go.
	e.press(m, "ctrl+u", "5m", "tab", "tab", "ctrl+u", "incident-response")
	e.press(m, "ctrl+s")
	if m.form != nil || len(m.list) != 1 || m.list[0].Time != 5*time.Minute {
		t.Fatalf("after fixing: %v\n%s", m.list, m.View())
	}
}

func TestErrorsMapToFields(t *testing.T) {
	e := newEnv(t)
	m := e.open(t)
	e.press(m, "a")
	e.press(m, "tab", "left") // kind: to ask the interviewer, which needs why
	e.press(m, "tab", "Not Kebab")
	e.press(m, "ctrl+s")
	f := m.form
	// The parser reports an empty list of roles or follow-ups only when
	// nothing else in the question failed; they are checked below.
	for _, id := range []fieldID{fieldText, fieldCategory, fieldKeyPoints, fieldOutline, fieldWhy} {
		if len(f.errs[id]) == 0 {
			t.Errorf("no error under %s: %v %v", fieldLabels[id], f.errs, f.general)
		}
	}
	if f.focus != fieldText {
		t.Fatalf("focus %s", fieldLabels[f.focus])
	}
	e.press(m, "Why?", "tab", "tab", "ctrl+u", "team", "tab", "tab", "tab", "tab", "tab", "tab")
	e.typeLines(m, "Asks about the team: team")
	e.press(m, "tab", "tab")
	e.typeLines(m, "Ask it early.")
	e.press(m, "tab", "It tells you who you would work with.", "ctrl+s")
	if len(f.errs) != 1 || len(f.errs[fieldRoles]) != 1 || f.focus != fieldRoles {
		t.Fatalf("roles: %v, focus %s\n%s", f.errs, fieldLabels[f.focus], m.View())
	}
	e.press(m, "space", "ctrl+s")
	if len(f.errs) != 1 || len(f.errs[fieldFollowUps]) != 1 || f.focus != fieldFollowUps {
		t.Fatalf("follow-ups: %v, focus %s\n%s", f.errs, fieldLabels[f.focus], m.View())
	}
	e.press(m, "Who else is on the team?")
	if len(f.errs[fieldFollowUps]) != 0 {
		t.Fatalf("the follow-ups' problem stays under the field after it was fixed: %v", f.errs)
	}
	e.press(m, "ctrl+s")
	if m.form != nil || len(m.list) != 1 || m.list[0].Why != "It tells you who you would work with." {
		t.Fatalf("not saved:\n%s", m.View())
	}
	for msg, want := range map[string]fieldID{
		`missing field "why" (ask-the-interviewer questions say what the answer tells the candidate)`: fieldWhy,
		"key point 2: terms are missing":                                                  fieldKeyPoints,
		"key_points: expected a list of {point, terms}":                                   fieldKeyPoints,
		"key_points: add at least one key point, each a point and the terms that show it": fieldKeyPoints,
		"follow_ups needs at least one entry":                                             fieldFollowUps,
		`role "x" is not a role (use backend, …)`:                                         fieldRoles,
		"roles needs at least one entry":                                                  fieldRoles,
		`tag "x" must be a kebab-case skill id`:                                           fieldTags,
		"time 5s is outside 15s to 1h":                                                    fieldTime,
		`kind "x" is not a kind`:                                                          fieldKind,
		"difficulty 4 must be 1 (junior), 2 (mid) or 3 (senior)":                          fieldDifficulty,
		"text is empty":                        fieldText,
		"outline is empty":                     fieldOutline,
		`category "X" must be kebab-case`:      fieldCategory,
		"company: expected text, found a list": fieldCompany,
	} {
		if got, ok := fieldOf(msg); !ok || got != want {
			t.Errorf("%q went to %v (%v), want %s", msg, got, ok, fieldLabels[want])
		}
	}
	for _, msg := range []string{"duplicate id: also at line 3", "did not find expected key", `id "X" must be kebab-case`} {
		if _, ok := fieldOf(msg); ok {
			t.Errorf("%q names no field of the form", msg)
		}
	}
}

// seed writes a file of the user's questions as the app would.
func seed(t *testing.T, e *env, qs ...*questions.Question) {
	t.Helper()
	p, err := coach.BankParser()
	if err != nil {
		t.Fatal(err)
	}
	if err := questions.SaveFile(e.path, "Acme interviews", qs, p); err != nil {
		t.Fatal(err)
	}
}

func question(id, text string) *questions.Question {
	return &questions.Question{
		ID: id, Text: text, Kind: questions.Technical, Category: "databases",
		Roles: []questions.Role{questions.Backend}, Difficulty: 2, Time: 3 * time.Minute,
		KeyPoints: []questions.KeyPoint{{Point: "Says what an index is: a sorted copy", Terms: []string{"b-tree", "sorted", "javascript: url"}}},
		FollowUps: []questions.FollowUp{{Text: "When is it not used?", KeyPoints: []questions.KeyPoint{{Point: "Low selectivity: the planner scans", Terms: []string{"seq scan", "selectivity"}}}}}, Outline: "1. What it is\n2. How it works",
	}
}

func TestEditAQuestion(t *testing.T) {
	e := newEnv(t)
	seed(t, e, question("acme-index", "How does an index work?"), question("acme-locks", "What is a lock?"))
	m := e.open(t)
	e.press(m, "down", "enter")
	f := m.form
	if f == nil || f.id != "acme-locks" || f.text.Value() != "What is a lock?" || f.time.Value() != "3m" ||
		f.keyPoints.Value() != `Says what an index is: a sorted copy: b-tree, sorted, "javascript: url"` {
		t.Fatalf("form not filled: %+v", f)
	}
	if f.dirty() {
		t.Fatal("an untouched form is not changed")
	}
	e.press(m, " Which kinds are there?")
	e.press(m, "tab", "right") // system design
	e.press(m, "ctrl+s")
	if m.form != nil {
		t.Fatalf("not saved:\n%s", m.View())
	}
	data, _ := os.ReadFile(e.path)
	back, errs := questions.ParseFile(e.path, data)
	if len(errs) > 0 || len(back) != 2 || questions.FileTopic(data) != "Acme interviews" {
		t.Fatalf("%v\n%s", errs, data)
	}
	want := question("acme-locks", "What is a lock? Which kinds are there?")
	want.Kind = questions.SystemDesign
	same(t, want, back[1])
	same(t, question("acme-index", "How does an index work?"), back[0])
	if q, ok := e.c.App.Bank.Get("acme-locks"); !ok || q.Kind != questions.SystemDesign {
		t.Fatal("the bank was not reloaded")
	}
}

func TestDeleteAsksFirst(t *testing.T) {
	e := newEnv(t)
	seed(t, e, question("acme-index", "How does an index work?"), question("acme-locks", "What is a lock?"))
	m := e.open(t)
	e.press(m, "x")
	if v := m.View(); !m.TakingText() || !strings.Contains(v, `Delete "How does an index work?"? y deletes it, n keeps it.`) {
		t.Fatalf("x asks first:\n%s", v)
	}
	e.press(m, "esc")
	e.press(m, "x", "n")
	if data, _ := os.ReadFile(e.path); !strings.Contains(string(data), "acme-index") || len(e.banks) != 0 {
		t.Fatal("esc and n keep it")
	}
	e.press(m, "x", "y")
	data, _ := os.ReadFile(e.path)
	if strings.Contains(string(data), "acme-index") || !strings.Contains(string(data), "acme-locks") {
		t.Fatalf("y deletes it:\n%s", data)
	}
	if len(e.banks) != 1 {
		t.Fatal("the bank was not reloaded")
	}
	if _, ok := e.banks[0].Get("acme-index"); ok {
		t.Fatal("the deleted question is still in the bank")
	}
	if len(m.list) != 1 || !strings.Contains(m.View(), "Deleted.") {
		t.Fatalf("list:\n%s", m.View())
	}
}

func TestEscWithChangesAsks(t *testing.T) {
	e := newEnv(t)
	m := e.open(t)
	e.press(m, "a")
	if !m.BackLevel() || m.form != nil {
		t.Fatal("an untouched form closes at once")
	}
	e.press(m, "a", "q?")
	if m.form.text.Value() != "q?" {
		t.Fatalf("q and ? are typed: %q", m.form.text.Value())
	}
	e.press(m, "esc")
	if m.form == nil || !m.form.confirmDiscard || !strings.Contains(m.View(), "Discard your changes?") {
		t.Fatalf("esc asks first:\n%s", m.View())
	}
	e.press(m, "n")
	if m.form == nil || m.form.confirmDiscard || m.form.text.Value() != "q?" {
		t.Fatal("n keeps editing with everything typed")
	}
	if !m.BackLevel() || !m.form.confirmDiscard {
		t.Fatal("the root's esc asks too")
	}
	e.press(m, "y")
	if m.form != nil || m.TakingText() {
		t.Fatal("y discards")
	}
	if _, err := os.Stat(e.path); !os.IsNotExist(err) {
		t.Fatal("discarding wrote a file")
	}
}

func TestWhyOnlyForQuestionsToAsk(t *testing.T) {
	e := newEnv(t)
	m := e.open(t)
	e.press(m, "a")
	if strings.Contains(m.View(), "Why") {
		t.Fatal("why is shown for a behavioural question")
	}
	e.press(m, "tab", "left")
	if !strings.Contains(m.View(), "Why") || !m.form.visible(fieldWhy) {
		t.Fatalf("why is missing:\n%s", m.View())
	}
	for i := 0; i < 20 && m.form.focus != fieldWhy; i++ {
		e.press(m, "tab")
	}
	if m.form.focus != fieldWhy {
		t.Fatal("tab never reaches why")
	}
}

func TestAFileWithProblemsIsLeftAlone(t *testing.T) {
	e := newEnv(t)
	if err := os.MkdirAll(filepath.Dir(e.path), 0o700); err != nil {
		t.Fatal(err)
	}
	bad := "questions:\n  - id: x\n    text: y\n"
	if err := os.WriteFile(e.path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	m := e.open(t)
	e.press(m, "a")
	v := m.View()
	if m.form != nil || !strings.Contains(v, "coach skips this file") || !strings.Contains(v, `missing field "kind"`) {
		t.Fatalf("problems:\n%s", v)
	}
	if data, _ := os.ReadFile(e.path); string(data) != bad {
		t.Fatal("the file changed")
	}
}

// TestFormGolden is the form in an 80x24 window (the screen gets 80x23;
// the help line takes the last row), after saving a time that is not a
// duration.
func TestFormGolden(t *testing.T) {
	e := newEnv(t)
	m := e.open(t)
	e.fill(m, "5 minutes")
	e.press(m, "ctrl+s")
	golden.RequireEqual(t, []byte(m.View()))
}

func TestFitsEverySize(t *testing.T) {
	e := newEnv(t)
	seed(t, e, question("acme-index", "How does an index work?"))
	for _, size := range [][2]int{{40, 11}, {80, 23}, {120, 39}} {
		m := e.open(t)
		m.SetSize(size[0], size[1])
		check := func(where string) {
			t.Helper()
			v := m.View()
			if h := lipgloss.Height(v); h > size[1] {
				t.Errorf("%dx%d %s: %d lines\n%s", size[0], size[1], where, h, v)
			}
			for _, l := range strings.Split(v, "\n") {
				if w := lipgloss.Width(l); w > size[0] {
					t.Errorf("%dx%d %s: line of %d cells: %q", size[0], size[1], where, w, l)
				}
			}
		}
		check("list")
		e.press(m, "enter")
		for i := 0; i < int(fieldCount); i++ {
			check("form at " + fieldLabels[m.form.focus])
			e.press(m, "tab")
		}
		e.press(m, "ctrl+u", "x", "ctrl+s") // an error under a field
		check("form with an error")
		if !strings.Contains(m.View(), "› ") {
			t.Errorf("%dx%d: the focused field is off screen:\n%s", size[0], size[1], m.View())
		}
	}
}

func TestNewID(t *testing.T) {
	none := func(string) bool { return false }
	for text, want := range map[string]string{
		"Walk me through an outage you handled, end to end.": "my-walk-me-through-an-outage-you-handled",
		"Don't you think?":                  "my-dont-you-think",
		"面试":                                "my-question",
		"Go's GC: how does it work (2024)?": "my-gos-gc-how-does-it-work-2024",
		strings.Repeat("x", 60):             "my-" + strings.Repeat("x", 40),
	} {
		if got := newID(text, none); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
	taken := map[string]bool{"my-why": true, "my-why-2": true}
	if got := newID("Why?", func(id string) bool { return taken[id] }); got != "my-why-3" {
		t.Fatalf("taken: %s", got)
	}
}

func TestKeyPointLines(t *testing.T) {
	for line, want := range map[string]questions.KeyPoint{
		"States the impact: customers, error rate":     {Point: "States the impact", Terms: []string{"customers", "error rate"}},
		"Trade-off: latency or cost: latency, cost,":   {Point: "Trade-off: latency or cost", Terms: []string{"latency", "cost"}},
		`Rejects schemes: "javascript: url", data uri`: {Point: "Rejects schemes", Terms: []string{"javascript: url", "data uri"}},
		"No terms here": {Point: "No terms here"},
		"Empty terms:":  {Point: "Empty terms"},
	} {
		if got := parseKeyPoint(line); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %+v, want %+v", line, got, want)
		}
	}
	// Every key point of the default bank survives the form's one-line
	// format.
	for _, q := range mustDefault(t).Questions() {
		for _, kp := range q.KeyPoints {
			if got := parseKeyPoint(formatKeyPoint(kp)); !reflect.DeepEqual(got, kp) {
				t.Fatalf("%s: %q read back as %+v", q.ID, formatKeyPoint(kp), got)
			}
		}
	}
}

func TestExtraBankFilesAreKept(t *testing.T) {
	e := newEnv(t)
	extra := filepath.Join(t.TempDir(), "extra.yaml")
	p, _ := coach.BankParser()
	if err := questions.SaveFile(extra, "", []*questions.Question{question("extra-one", "From --bank?")}, p); err != nil {
		t.Fatal(err)
	}
	b, err := coach.LoadBank(coach.BanksDir(e.c.App.Info.ConfigPath), []string{extra})
	if err != nil {
		t.Fatal(err)
	}
	e.c.App.Bank = b
	m := e.open(t)
	e.fill(m, "2m")
	e.press(m, "ctrl+s")
	if len(e.banks) != 1 {
		t.Fatalf("not saved:\n%s", m.View())
	}
	if _, ok := e.banks[0].Get("extra-one"); !ok {
		t.Fatal("the reloaded bank lost the --bank file")
	}
}

func TestFieldsTakeEveryCharacter(t *testing.T) {
	e := newEnv(t)
	m := e.open(t)
	e.fill(m, "2m30s")
	long := strings.Repeat("Northwind Traders Holdings ", 5) // 135 characters
	m.form.company.SetValue("")
	m.form.focusOn(fieldCompany)
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(long), Paste: true})
	if got := m.form.company.Value(); got != long {
		t.Fatalf("the company field kept %d of %d characters", len([]rune(got)), len([]rune(long)))
	}
}
