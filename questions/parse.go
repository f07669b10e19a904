package questions

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/coach-tui/coach/questions/textsafe"
)

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	categoryPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+([-.+#][a-z0-9]+)*)?$`)
)

// fields a question may have, in the order they are checked.
var questionFields = []string{
	"id", "text", "kind", "category", "roles", "difficulty", "time",
	"tags", "company", "key_points", "follow_ups", "outline", "why",
}

// Parser reads bank files.
type Parser struct {
	// KnownTag, if set, rejects tags that are not skill ids.
	KnownTag func(string) bool
}

// ParseFile reads one bank file: a mapping with an optional topic and a
// list of questions. It returns the questions that are valid and every
// problem found, each with its line and column.
func ParseFile(name string, data []byte) ([]*Question, Errors) {
	return Parser{}.ParseFile(name, data)
}

// ParseFile is the package ParseFile with the parser's extra checks.
func (ps Parser) ParseFile(name string, data []byte) ([]*Question, Errors) {
	p := &fileParser{file: name, knownTag: ps.KnownTag}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.errorf(nil, "", "expected one YAML document with a questions list")
		} else {
			p.yamlError(err)
		}
		return nil, p.errs
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		p.errorf(&extra, "", "expected one YAML document; put every question under one questions list")
		return nil, p.errs
	}
	if len(doc.Content) == 0 {
		p.errorf(nil, "", "expected one YAML document with a questions list")
		return nil, p.errs
	}
	qs := p.parseTop(doc.Content[0])
	for _, q := range qs {
		// YAML's "\e" and "\x1b" escapes are decoded into the node values.
		textsafe.CleanDecoded(q)
	}
	return qs, p.errs
}

type fileParser struct {
	file     string
	knownTag func(string) bool
	errs     Errors
}

func (p *fileParser) errorf(node *yaml.Node, question, format string, args ...any) {
	e := &Error{File: p.file, Question: question, Msg: fmt.Sprintf(format, args...)}
	if node != nil {
		e.Line, e.Column = node.Line, node.Column
	}
	p.errs = append(p.errs, e)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a syntax error into a positioned one; the YAML library
// reports the line but not the column.
func (p *fileParser) yamlError(err error) {
	e := &Error{File: p.file, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Column = 1
		e.Msg = m[2]
		// For these the library gives the line before the one where the
		// list, mapping or tab is (its mark counts from 0 there).
		if strings.HasPrefix(e.Msg, "did not find expected") || strings.HasPrefix(e.Msg, "found a tab character") {
			e.Line++
		}
	}
	if strings.Contains(e.Msg, "did not find expected '-' indicator") {
		e.Msg += " (in the list item that starts on this line: a line inside it is indented differently from the rest)"
	}
	if strings.Contains(e.Msg, "did not find expected ',' or ']'") {
		// The YAML library rejects "?" inside [a, b] lists, and questions end
		// in one; say how to write it.
		e.Msg += " (in a [a, b] list, quote text that has ? or : in it, or put each entry on its own line after -)"
	}
	p.errs = append(p.errs, e)
}

// pair is one key and its value in a mapping.
type pair struct{ key, value *yaml.Node }

// entries returns a mapping's key-value pairs, or false if node is not a
// mapping.
func entries(node *yaml.Node) ([]pair, bool) {
	node = resolve(node)
	if node == nil || node.Kind != yaml.MappingNode {
		return nil, false
	}
	out := make([]pair, 0, len(node.Content)/2)
	for i := 0; i+1 < len(node.Content); i += 2 {
		out = append(out, pair{node.Content[i], node.Content[i+1]})
	}
	return out, true
}

// resolve follows an alias to the node it names.
func resolve(node *yaml.Node) *yaml.Node {
	for node != nil && node.Kind == yaml.AliasNode {
		node = node.Alias
	}
	return node
}

func isScalar(node *yaml.Node) bool {
	node = resolve(node)
	return node != nil && node.Kind == yaml.ScalarNode && node.ShortTag() != "!!null"
}

func isSequence(node *yaml.Node) bool {
	node = resolve(node)
	return node != nil && node.Kind == yaml.SequenceNode
}

func (p *fileParser) parseTop(body *yaml.Node) []*Question {
	top, ok := entries(body)
	if !ok {
		p.errorf(body, "", "expected a mapping with topic and questions")
		return nil
	}
	var list *yaml.Node
	for _, kv := range top {
		switch kv.key.Value {
		case "topic":
			if !isScalar(kv.value) {
				p.errorf(kv.key, "", "topic: expected text")
			}
		case "questions":
			list = kv.value
		default:
			p.errorf(kv.key, "", "unknown key %q (a bank file has topic and questions)", kv.key.Value)
		}
	}
	if list == nil {
		p.errorf(body, "", "missing questions list")
		return nil
	}
	seq := resolve(list)
	if seq.Kind == yaml.ScalarNode && seq.ShortTag() == "!!null" {
		return nil
	}
	if seq.Kind != yaml.SequenceNode {
		p.errorf(list, "", "questions: expected a list of questions")
		return nil
	}
	var out []*Question
	for _, item := range seq.Content {
		if q := p.parseQuestion(item); q != nil {
			out = append(out, q)
		}
	}
	return out
}

// questionParser checks one question, collecting errors under its id.
type questionParser struct {
	*fileParser
	id     string
	first  *yaml.Node // the question's first key, pointed at for missing fields
	fields map[string]pair
	failed bool
}

func (qp *questionParser) fail(node *yaml.Node, format string, args ...any) {
	qp.failed = true
	qp.errorf(node, qp.id, format, args...)
}

func (p *fileParser) parseQuestion(item *yaml.Node) *Question {
	pairs, ok := entries(item)
	if !ok {
		p.errorf(item, "", "expected a question (a mapping with id, text, kind, …)")
		return nil
	}
	if len(pairs) == 0 {
		p.errorf(item, "", "empty question")
		return nil
	}
	qp := &questionParser{fileParser: p, first: pairs[0].key, fields: map[string]pair{}}
	for _, kv := range pairs {
		if _, dup := qp.fields[kv.key.Value]; dup {
			qp.fail(kv.key, "field %q appears twice", kv.key.Value)
			continue
		}
		qp.fields[kv.key.Value] = kv
	}
	q := &Question{}
	q.Source.File = p.file
	q.Source.Line, q.Source.Column = pairs[0].key.Line, pairs[0].key.Column

	q.ID = qp.text("id", true)
	if q.ID != "" {
		qp.id = q.ID
		if !idPattern.MatchString(q.ID) {
			qp.fail(qp.fields["id"].value, "id %q must be kebab-case (lower-case words joined by -)", q.ID)
		}
	}
	for _, kv := range pairs {
		if k := kv.key.Value; !contains(questionFields, k) {
			qp.fail(kv.key, "unknown field %q%s", k, suggest(k))
		}
	}
	q.Text = qp.text("text", true)
	q.Kind = qp.kind()
	q.Category = qp.category()
	q.Roles = qp.roles()
	q.Difficulty = qp.difficulty()
	q.Time = qp.duration()
	q.Tags = qp.tags()
	q.Company = qp.text("company", false)
	q.KeyPoints = qp.keyPoints()
	q.FollowUps = qp.followUps()
	q.Outline = qp.text("outline", true)
	q.Why = qp.text("why", false)
	if q.Kind == AskInterviewer && q.Why == "" && !qp.has("why") {
		qp.fail(qp.first, "missing field \"why\" (ask-the-interviewer questions say what the answer tells the candidate)")
	}
	if qp.failed {
		return nil
	}
	return q
}

func (qp *questionParser) has(field string) bool {
	_, ok := qp.fields[field]
	return ok
}

func (qp *questionParser) value(field string) *yaml.Node {
	return qp.fields[field].value
}

// text reads a string field; required fields must be present and not blank.
func (qp *questionParser) text(field string, required bool) string {
	kv, ok := qp.fields[field]
	if !ok {
		if required {
			qp.fail(qp.first, "missing field %q", field)
		}
		return ""
	}
	node := resolve(kv.value)
	if node.Kind == yaml.ScalarNode && node.ShortTag() == "!!null" {
		if required {
			qp.fail(kv.key, "%s is empty", field)
		}
		return ""
	}
	if node.Kind != yaml.ScalarNode {
		qp.fail(kv.value, "%s: expected text, found %s", field, describe(node))
		return ""
	}
	s := strings.TrimSpace(node.Value)
	if s == "" && required {
		qp.fail(kv.key, "%s is empty", field)
	}
	return s
}

func (qp *questionParser) textList(field string, required bool) []string {
	kv, ok := qp.fields[field]
	if !ok {
		if required {
			qp.fail(qp.first, "missing field %q", field)
		}
		return nil
	}
	if !isSequence(kv.value) {
		qp.fail(kv.value, "%s: expected a list", field)
		return nil
	}
	var out []string
	for _, v := range resolve(kv.value).Content {
		if !isScalar(v) {
			qp.fail(v, "%s: expected text, found %s (quote entries that contain \": \")", field, describe(v))
			continue
		}
		s := strings.TrimSpace(resolve(v).Value)
		if s == "" {
			qp.fail(v, "%s: empty entry", field)
			continue
		}
		out = append(out, s)
	}
	if required && len(out) == 0 && !qp.failed {
		qp.fail(kv.key, "%s needs at least one entry", field)
	}
	return out
}

func (qp *questionParser) kind() Kind {
	raw := qp.text("kind", true)
	k, ok := ParseKind(raw)
	if raw != "" && !ok {
		qp.fail(qp.value("kind"), "kind %q is not a kind (use %s)", raw, joinAny(Kinds))
	}
	return k
}

func (qp *questionParser) category() string {
	c := qp.text("category", true)
	if c != "" && !categoryPattern.MatchString(c) {
		qp.fail(qp.value("category"), "category %q must be kebab-case, optionally one level deep (languages/go)", c)
	}
	return c
}

// listItem is the node of the i-th entry of a list field, for positions.
func (qp *questionParser) listItem(field string, i int) *yaml.Node {
	v := resolve(qp.value(field))
	if v != nil && i < len(v.Content) {
		return v.Content[i]
	}
	return v
}

func (qp *questionParser) roles() []Role {
	names := qp.textList("roles", true)
	roles := make([]Role, 0, len(names))
	for i, n := range names {
		r := Role(n)
		if !contains(Roles, r) {
			qp.fail(qp.listItem("roles", i), "role %q is not a role (use %s)", n, joinAny(Roles))
			continue
		}
		roles = append(roles, r)
	}
	return roles
}

func (qp *questionParser) difficulty() int {
	kv, ok := qp.fields["difficulty"]
	if !ok {
		qp.fail(qp.first, "missing field \"difficulty\"")
		return 0
	}
	node := resolve(kv.value)
	d, err := strconv.Atoi(node.Value)
	if node.Kind != yaml.ScalarNode || node.ShortTag() != "!!int" || err != nil || d < 1 || d > 3 {
		qp.fail(kv.value, "difficulty %s must be 1 (junior), 2 (mid) or 3 (senior)", node.Value)
		return 0
	}
	return d
}

func (qp *questionParser) duration() time.Duration {
	kv, ok := qp.fields["time"]
	if !ok {
		qp.fail(qp.first, "missing field \"time\"")
		return 0
	}
	node := resolve(kv.value)
	if node.Kind != yaml.ScalarNode {
		qp.fail(kv.key, "time: expected a duration such as 90s or 3m")
		return 0
	}
	raw := strings.TrimSpace(node.Value)
	if tag := node.ShortTag(); tag == "!!int" || tag == "!!float" {
		qp.fail(kv.key, "time %s is not a duration (use %ss or %sm)", raw, raw, raw)
		return 0
	}
	d, err := time.ParseDuration(raw)
	if err != nil {
		qp.fail(kv.key, "time %q is not a duration (use %s)", raw, durationHint(raw))
		return 0
	}
	if d < MinTime || d > MaxTime {
		qp.fail(kv.key, "time %s is outside %s to %s", FormatTime(d), FormatTime(MinTime), FormatTime(MaxTime))
		return 0
	}
	return d
}

// durationHint suggests the Go spelling of a duration written in words.
func durationHint(s string) string {
	var n int
	var unit string
	if _, err := fmt.Sscanf(strings.TrimSpace(s), "%d %s", &n, &unit); err == nil {
		switch {
		case strings.HasPrefix(unit, "min"):
			return fmt.Sprintf("%dm", n)
		case strings.HasPrefix(unit, "sec"):
			return fmt.Sprintf("%ds", n)
		case strings.HasPrefix(unit, "h"):
			return fmt.Sprintf("%dh", n)
		}
	}
	return "a Go duration such as 90s, 3m or 2m30s"
}

func (qp *questionParser) tags() []string {
	tags := qp.textList("tags", false)
	for i, t := range tags {
		switch {
		case !idPattern.MatchString(t):
			qp.fail(qp.listItem("tags", i), "tag %q must be a kebab-case skill id", t)
		case qp.knownTag != nil && !qp.knownTag(t):
			qp.fail(qp.listItem("tags", i), "tag %q is not a skill id (coach skills lists them)", t)
		}
	}
	return tags
}

func (qp *questionParser) keyPoints() []KeyPoint {
	kv, ok := qp.fields["key_points"]
	if !ok {
		qp.fail(qp.first, "missing field \"key_points\"")
		return nil
	}
	return qp.keyPointList("", kv.value)
}

// keyPointList reads a list of key points; where names whose they are
// ("follow-up 1, ") for a follow-up's.
func (qp *questionParser) keyPointList(where string, list *yaml.Node) []KeyPoint {
	if !isSequence(list) {
		qp.fail(list, "%skey_points: expected a list of {point, terms}", where)
		return nil
	}
	if len(resolve(list).Content) == 0 {
		qp.fail(list, "%skey_points: add at least one key point, each a point and the terms that show it", where)
		return nil
	}
	var out []KeyPoint
	for i, item := range resolve(list).Content {
		if kp, ok := qp.keyPoint(fmt.Sprintf("%skey point %d", where, i+1), item); ok {
			out = append(out, kp)
		}
	}
	return out
}

// followUps reads follow_ups, whose entries are a question's text or a
// mapping of its text and key points.
func (qp *questionParser) followUps() []FollowUp {
	kv, ok := qp.fields["follow_ups"]
	if !ok {
		qp.fail(qp.first, "missing field \"follow_ups\"")
		return nil
	}
	if !isSequence(kv.value) {
		qp.fail(kv.value, "follow_ups: expected a list")
		return nil
	}
	var out []FollowUp
	for i, v := range resolve(kv.value).Content {
		if f, ok := qp.followUp(i+1, v); ok {
			out = append(out, f)
		}
	}
	if len(out) == 0 && !qp.failed {
		qp.fail(kv.key, "follow_ups needs at least one entry")
	}
	return out
}

func (qp *questionParser) followUp(n int, v *yaml.Node) (FollowUp, bool) {
	if isScalar(v) {
		s := strings.TrimSpace(resolve(v).Value)
		if s == "" {
			qp.fail(v, "follow_ups: empty entry")
			return FollowUp{}, false
		}
		return FollowUp{Text: s}, true
	}
	pairs, ok := entries(v)
	if !ok {
		qp.fail(v, "follow-up %d: expected text or {text, key_points}", n)
		return FollowUp{}, false
	}
	var f FollowUp
	var points *yaml.Node
	for _, kv := range pairs {
		switch kv.key.Value {
		case "text":
			if !isScalar(kv.value) {
				qp.fail(kv.value, "follow-up %d: text: expected text, found %s", n, describe(kv.value))
				return f, false
			}
			f.Text = strings.TrimSpace(resolve(kv.value).Value)
		case "key_points":
			points = kv.value
		default:
			qp.fail(kv.key, "follow-up %d: unknown field %q (use text and key_points; quote a follow-up that contains \": \")", n, kv.key.Value)
			return f, false
		}
	}
	if f.Text == "" {
		qp.fail(v, "follow-up %d: text is missing or empty", n)
		return f, false
	}
	if points != nil {
		f.KeyPoints = qp.keyPointList(fmt.Sprintf("follow-up %d: ", n), points)
	}
	return f, true
}

func (qp *questionParser) keyPoint(label string, item *yaml.Node) (KeyPoint, bool) {
	pairs, ok := entries(item)
	if !ok {
		qp.fail(item, "%s: expected point and terms", label)
		return KeyPoint{}, false
	}
	var kp KeyPoint
	var point, terms *pair
	for i := range pairs {
		switch k := pairs[i].key.Value; k {
		case "point":
			point = &pairs[i]
		case "terms":
			terms = &pairs[i]
		default:
			qp.fail(pairs[i].key, "%s: unknown field %q (use point and terms)", label, k)
			return kp, false
		}
	}
	if point == nil || !isScalar(point.value) || strings.TrimSpace(resolve(point.value).Value) == "" {
		qp.fail(item, "%s: point is missing or empty", label)
		return kp, false
	}
	kp.Point = strings.TrimSpace(resolve(point.value).Value)
	if terms == nil {
		qp.fail(item, "%s: terms are missing", label)
		return kp, false
	}
	if !isSequence(terms.value) || len(resolve(terms.value).Content) == 0 {
		qp.fail(terms.key, "%s: terms must be a non-empty list", label)
		return kp, false
	}
	for _, v := range resolve(terms.value).Content {
		if !isScalar(v) || strings.TrimSpace(resolve(v).Value) == "" {
			qp.fail(v, "%s: empty term (every term must be a word or phrase)", label)
			return kp, false
		}
		kp.Terms = append(kp.Terms, strings.TrimSpace(resolve(v).Value))
	}
	return kp, true
}

func describe(node *yaml.Node) string {
	switch resolve(node).Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	if resolve(node).ShortTag() == "!!null" {
		return "nothing"
	}
	return "a value"
}

// suggest names the field the user probably meant.
func suggest(k string) string {
	norm := strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(k))
	for _, f := range questionFields {
		if norm == f || norm+"s" == f || strings.TrimSuffix(norm, "s") == f {
			return fmt.Sprintf(" (did you mean %s?)", f)
		}
	}
	return ""
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func joinAny[T ~string](list []T) string {
	s := make([]string, len(list))
	for i, v := range list {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
