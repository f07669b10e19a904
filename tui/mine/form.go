package mine

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"

	"github.com/coach-tui/coach/questions"
	"github.com/coach-tui/coach/tui/common"
)

// fieldID names a field of the form, in the order tab visits them.
type fieldID int

const (
	fieldText fieldID = iota
	fieldKind
	fieldCategory
	fieldRoles
	fieldDifficulty
	fieldTime
	fieldCompany
	fieldTags
	fieldKeyPoints
	fieldFollowUps
	fieldOutline
	fieldWhy
	fieldCount
)

var fieldLabels = [fieldCount]string{
	"Text", "Kind", "Category", "Roles", "Difficulty", "Time", "Company", "Tags",
	"Key points", "Follow-ups", "Outline", "Why",
}

// fieldHints say what goes in the focused field, under the form.
var fieldHints = [fieldCount]string{
	"The question as the interviewer would ask it.",
	"←/→ choose the kind of question.",
	"kebab-case, optionally one level deep: databases, languages/go.",
	"←/→ move, space ticks the roles that are asked it.",
	"←/→ choose junior, mid or senior.",
	"How long a good spoken answer takes: 90s, 3m, 2m30s.",
	"Optional: the company that asked it; practice can filter by it.",
	"Optional: skill ids, separated by commas (coach skills lists them).",
	"One per line, point: term, term. Any of the terms shows the point.",
	"One follow-up per line; under it, optional \"- point: term, term\" lines judge its answer.",
	"Markdown: a strong answer, in order.",
	"What their answer tells you about the job.",
}

// Heights of the multi-line fields while they have focus, and the most a
// blurred one shows.
var areaHeights = map[fieldID]int{fieldText: 3, fieldKeyPoints: 6, fieldFollowUps: 4, fieldOutline: 8}

const previewLines = 3

var kindNames = map[questions.Kind]string{
	questions.Behavioral: "behavioural", questions.Technical: "technical", questions.SystemDesign: "system design",
	questions.Situational: "situational", questions.AskInterviewer: "to ask the interviewer",
}

var difficultyNames = []string{"junior", "mid", "senior"}

// form is the second level of the screen: one question being added or
// edited. Every value stays as typed until it is saved or discarded.
type form struct {
	id    string // empty for a new question until it is saved
	focus fieldID

	text, keyPoints, followUps, outline textarea.Model
	category, time, company, tags, why  textinput.Model

	kind       int // index in questions.Kinds
	roles      []bool
	roleAt     int
	difficulty int // 1 to 3

	initial string // the values when the form opened, to notice changes
	// errs are the validator's messages for each field; general are
	// those that name no field.
	errs    map[fieldID][]string
	general []string

	confirmDiscard bool
}

func newForm(st *common.Styles, q *questions.Question) *form {
	f := &form{
		text:       newArea(st, "e.g. Walk me through an outage you handled end to end."),
		keyPoints:  newArea(st, "e.g. States the customer impact: customers, minutes, error rate"),
		followUps:  newArea(st, "e.g. What did you change so it cannot happen again?"),
		outline:    newArea(st, "e.g. 1. Impact and timeline 2. Your actions 3. What changed"),
		category:   newInput(st, "e.g. failure"),
		time:       newInput(st, "e.g. 2m30s"),
		company:    newInput(st, "optional"),
		tags:       newInput(st, "optional, e.g. incident-response, monitoring"),
		why:        newInput(st, "e.g. whether the team has time to pay down debt"),
		roles:      make([]bool, len(questions.Roles)),
		difficulty: 2,
	}
	if q == nil {
		f.time.SetValue("2m")
	} else {
		f.load(q)
	}
	f.initial = f.snapshot()
	f.focusOn(fieldText)
	return f
}

func newArea(st *common.Styles, placeholder string) textarea.Model {
	a := common.NewTextArea(st, placeholder)
	a.Prompt = ""
	// ctrl+t and ctrl+e mean nothing here; keep the box's own keys plain.
	a.KeyMap.TransposeCharacterBackward.SetEnabled(false)
	a.Blur()
	return a
}

// newInput is a one-line field. It takes whatever is typed or pasted, however
// long: the question's parser says what is wrong with a value, where a cap
// would cut it without a word.
func newInput(st *common.Styles, placeholder string) textinput.Model {
	in := common.NewTextInput(st, placeholder)
	in.Prompt = ""
	return in
}

// load fills the form with a question from the file.
func (f *form) load(q *questions.Question) {
	f.id = q.ID
	f.text.SetValue(q.Text)
	for i, k := range questions.Kinds {
		if k == q.Kind {
			f.kind = i
		}
	}
	f.category.SetValue(q.Category)
	for i, r := range questions.Roles {
		f.roles[i] = q.HasRole(r)
	}
	if q.Difficulty >= 1 && q.Difficulty <= 3 {
		f.difficulty = q.Difficulty
	}
	t := questions.FormatTime(q.Time)
	if q.Time%time.Second != 0 {
		t = q.Time.String()
	}
	f.time.SetValue(t)
	f.company.SetValue(q.Company)
	f.tags.SetValue(strings.Join(q.Tags, ", "))
	points := make([]string, len(q.KeyPoints))
	for i, kp := range q.KeyPoints {
		points[i] = formatKeyPoint(kp)
	}
	f.keyPoints.SetValue(strings.Join(points, "\n"))
	f.followUps.SetValue(formatFollowUps(q.FollowUps))
	f.outline.SetValue(q.Outline)
	f.why.SetValue(q.Why)
	for _, in := range []*textinput.Model{&f.category, &f.time, &f.company, &f.tags, &f.why} {
		in.CursorEnd()
	}
}

func (f *form) kindValue() questions.Kind { return questions.Kinds[f.kind] }

// visible reports whether a field is shown: why belongs to questions for
// the interviewer only.
func (f *form) visible(id fieldID) bool {
	return id != fieldWhy || f.kindValue() == questions.AskInterviewer
}

func (f *form) area(id fieldID) *textarea.Model {
	switch id {
	case fieldText:
		return &f.text
	case fieldKeyPoints:
		return &f.keyPoints
	case fieldFollowUps:
		return &f.followUps
	case fieldOutline:
		return &f.outline
	}
	return nil
}

func (f *form) input(id fieldID) *textinput.Model {
	switch id {
	case fieldCategory:
		return &f.category
	case fieldTime:
		return &f.time
	case fieldCompany:
		return &f.company
	case fieldTags:
		return &f.tags
	case fieldWhy:
		return &f.why
	}
	return nil
}

// focusOn moves the focus to a field, blurring the one that had it.
func (f *form) focusOn(id fieldID) {
	if a := f.area(f.focus); a != nil {
		a.Blur()
	}
	if in := f.input(f.focus); in != nil {
		in.Blur()
	}
	f.focus = id
	if a := f.area(id); a != nil {
		a.Focus()
	}
	if in := f.input(id); in != nil {
		in.Focus()
	}
}

// move goes to the next (d=1) or previous (d=-1) visible field, wrapping.
func (f *form) move(d int) {
	id := f.focus
	for {
		id = (id + fieldID(d) + fieldCount) % fieldCount
		if f.visible(id) {
			f.focusOn(id)
			return
		}
	}
}

// setWidth lays the text fields out for the value column.
func (f *form) setWidth(w int) {
	for _, id := range []fieldID{fieldText, fieldKeyPoints, fieldFollowUps, fieldOutline} {
		f.area(id).SetWidth(w)
	}
	for _, id := range []fieldID{fieldCategory, fieldTime, fieldCompany, fieldTags, fieldWhy} {
		f.input(id).Width = max(w-1, 1) // a cell for the cursor
	}
}

// setAreaHeight sizes the focused multi-line field, within the room the
// window leaves.
func (f *form) setAreaHeight(room int) {
	if a := f.area(f.focus); a != nil {
		a.SetHeight(max(min(areaHeights[f.focus], room), 1))
	}
}

// snapshot is every value in one string, to tell whether anything changed.
func (f *form) snapshot() string {
	parts := []string{
		f.text.Value(), f.category.Value(), f.time.Value(), f.company.Value(), f.tags.Value(),
		f.keyPoints.Value(), f.followUps.Value(), f.outline.Value(), f.why.Value(),
		strconv.Itoa(f.kind), strconv.Itoa(f.difficulty), fmt.Sprint(f.roles),
	}
	return strings.Join(parts, "\x00")
}

func (f *form) dirty() bool { return f.snapshot() != f.initial }

// question builds the question the form describes, with the given id. A
// time that is not a duration cannot be held in a Question: it comes back
// as timeErr, worded as the bank's validator words it, and the question
// gets a valid stand-in so the other fields can still be checked.
func (f *form) question(id string) (q *questions.Question, timeErr error) {
	q = &questions.Question{
		ID:         id,
		Text:       strings.TrimSpace(f.text.Value()),
		Kind:       f.kindValue(),
		Category:   strings.TrimSpace(f.category.Value()),
		Difficulty: f.difficulty,
		Company:    strings.TrimSpace(f.company.Value()),
		Tags:       splitTags(f.tags.Value()),
		FollowUps:  parseFollowUps(f.followUps.Value()),
		Outline:    strings.TrimSpace(f.outline.Value()),
	}
	for i, r := range questions.Roles {
		if f.roles[i] {
			q.Roles = append(q.Roles, r)
		}
	}
	for _, l := range lines(f.keyPoints.Value()) {
		q.KeyPoints = append(q.KeyPoints, parseKeyPoint(l))
	}
	if q.Kind == questions.AskInterviewer {
		q.Why = strings.TrimSpace(f.why.Value())
	}
	q.Time, timeErr = questions.ParseTime(f.time.Value())
	if timeErr != nil {
		q.Time = 2 * time.Minute
	}
	return q, timeErr
}

// lines are the non-blank lines of s, trimmed.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// formatFollowUps writes follow-ups one per line, each followed by its key
// points as "- point: term, term" lines.
func formatFollowUps(fs []questions.FollowUp) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(f.Text)
		for _, kp := range f.KeyPoints {
			b.WriteString("\n- " + formatKeyPoint(kp))
		}
	}
	return b.String()
}

// parseFollowUps reads what formatFollowUps writes. A key point line
// before any follow-up belongs to a follow-up with no text, which the
// validator then names, so nothing typed is dropped.
func parseFollowUps(s string) []questions.FollowUp {
	var out []questions.FollowUp
	for _, l := range lines(s) {
		if rest, ok := strings.CutPrefix(l, "- "); ok {
			if len(out) == 0 {
				out = append(out, questions.FollowUp{})
			}
			last := &out[len(out)-1]
			last.KeyPoints = append(last.KeyPoints, parseKeyPoint(strings.TrimSpace(rest)))
			continue
		}
		out = append(out, questions.FollowUp{Text: l})
	}
	return out
}

// splitTags reads skill ids separated by commas or spaces.
func splitTags(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
}

// formatKeyPoint writes a key point as one line of the form,
// "point: term, term". A term holding a comma, a colon or a quote is
// quoted, so the line reads back the same.
func formatKeyPoint(kp questions.KeyPoint) string {
	terms := make([]string, len(kp.Terms))
	for i, t := range kp.Terms {
		terms[i] = t
		if t == "" || strings.ContainsAny(t, ",:\"") || t != strings.TrimSpace(t) {
			terms[i] = strconv.Quote(t)
		}
	}
	return kp.Point + ": " + strings.Join(terms, ", ")
}

// parseKeyPoint reads "point: term, term". The point ends at the last
// colon followed by a space (or ending the line) outside a quoted term, so
// a point may hold a colon of its own. A line without one is a point with
// no terms, which the validator reports. Empty terms are dropped.
func parseKeyPoint(line string) questions.KeyPoint {
	split := -1
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '"' && termStart(line, i):
			if q, err := strconv.QuotedPrefix(line[i:]); err == nil {
				i += len(q) - 1
			}
		case c == ':' && (i+1 == len(line) || line[i+1] == ' '):
			split = i
		}
	}
	if split < 0 {
		return questions.KeyPoint{Point: strings.TrimSpace(line)}
	}
	kp := questions.KeyPoint{Point: strings.TrimSpace(line[:split])}
	rest := line[split+1:]
	for rest != "" {
		rest = strings.TrimLeft(rest, " ")
		var term string
		if q, err := strconv.QuotedPrefix(rest); err == nil && strings.HasPrefix(rest, "\"") {
			term, _ = strconv.Unquote(q)
			rest = rest[len(q):]
			if i := strings.IndexByte(rest, ','); i >= 0 {
				rest = rest[i+1:]
			} else {
				rest = ""
			}
		} else if i := strings.IndexByte(rest, ','); i >= 0 {
			term, rest = strings.TrimSpace(rest[:i]), rest[i+1:]
		} else {
			term, rest = strings.TrimSpace(rest), ""
		}
		if term != "" {
			kp.Terms = append(kp.Terms, term)
		}
	}
	return kp
}

// termStart reports whether position i of line begins a term: only
// blanks lie between it and the colon or comma before it.
func termStart(line string, i int) bool {
	j := i - 1
	for j >= 0 && line[j] == ' ' {
		j--
	}
	return j >= 0 && (line[j] == ':' || line[j] == ',')
}
