package questions

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
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
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		p.yamlError(err)
		return nil, p.errs
	}
	if len(f.Docs) != 1 || f.Docs[0].Body == nil {
		p.errorf(nil, "", "expected one YAML document with a questions list")
		return nil, p.errs
	}
	return p.parseTop(f.Docs[0].Body), p.errs
}

type fileParser struct {
	file     string
	knownTag func(string) bool
	errs     Errors
}

func (p *fileParser) errorf(node ast.Node, question, format string, args ...any) {
	e := &Error{File: p.file, Question: question, Msg: fmt.Sprintf(format, args...)}
	e.Line, e.Column = position(node)
	p.errs = append(p.errs, e)
}

func position(node ast.Node) (int, int) {
	if node == nil {
		return 0, 0
	}
	tok := node.GetToken()
	if tok == nil || tok.Position == nil {
		return 0, 0
	}
	return tok.Position.Line, tok.Position.Column
}

func (p *fileParser) yamlError(err error) {
	var ye yaml.Error
	e := &Error{File: p.file, Msg: err.Error()}
	if errors.As(err, &ye) {
		e.Msg = ye.GetMessage()
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			e.Line, e.Column = tok.Position.Line, tok.Position.Column
		}
	}
	p.errs = append(p.errs, e)
}

// entries returns a mapping's key-value pairs, or false if node is not a
// mapping.
func entries(node ast.Node) ([]*ast.MappingValueNode, bool) {
	switch n := unwrap(node).(type) {
	case *ast.MappingNode:
		return n.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}, true
	}
	return nil, false
}

// unwrap looks through anchors and tags to the value they decorate.
func unwrap(node ast.Node) ast.Node {
	for {
		switch n := node.(type) {
		case *ast.AnchorNode:
			node = n.Value
		case *ast.TagNode:
			node = n.Value
		default:
			return node
		}
	}
}

func keyOf(mv *ast.MappingValueNode) string {
	if tok := mv.Key.GetToken(); tok != nil {
		return tok.Value
	}
	return mv.Key.String()
}

func (p *fileParser) parseTop(body ast.Node) []*Question {
	top, ok := entries(body)
	if !ok {
		p.errorf(body, "", "expected a mapping with topic and questions")
		return nil
	}
	var list ast.Node
	for _, mv := range top {
		switch k := keyOf(mv); k {
		case "topic":
			var s string
			if err := yaml.NodeToValue(mv.Value, &s); err != nil {
				p.errorf(mv.Key, "", "topic: expected text")
			}
		case "questions":
			list = mv.Value
		default:
			p.errorf(mv.Key, "", "unknown key %q (a bank file has topic and questions)", k)
		}
	}
	if list == nil {
		p.errorf(body, "", "missing questions list")
		return nil
	}
	seq, ok := unwrap(list).(*ast.SequenceNode)
	if !ok {
		if _, null := unwrap(list).(*ast.NullNode); null {
			return nil
		}
		p.errorf(list, "", "questions: expected a list of questions")
		return nil
	}
	var out []*Question
	for _, item := range seq.Values {
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
	fields map[string]*ast.MappingValueNode
	failed bool
}

func (qp *questionParser) fail(node ast.Node, format string, args ...any) {
	qp.failed = true
	qp.errorf(node, qp.id, format, args...)
}

func (p *fileParser) parseQuestion(item ast.Node) *Question {
	pairs, ok := entries(item)
	if !ok {
		p.errorf(item, "", "expected a question (a mapping with id, text, kind, …)")
		return nil
	}
	qp := &questionParser{fileParser: p, fields: map[string]*ast.MappingValueNode{}}
	for _, mv := range pairs {
		k := keyOf(mv)
		if _, dup := qp.fields[k]; dup {
			qp.fail(mv.Key, "field %q appears twice", k)
			continue
		}
		qp.fields[k] = mv
	}
	if len(pairs) == 0 {
		p.errorf(item, "", "empty question")
		return nil
	}
	q := &Question{}
	q.Source.File = p.file
	q.Source.Line, q.Source.Column = position(pairs[0].Key)

	q.ID = qp.text("id", true)
	if q.ID != "" {
		qp.id = q.ID
		if !idPattern.MatchString(q.ID) {
			qp.fail(qp.fields["id"].Value, "id %q must be kebab-case (lower-case words joined by -)", q.ID)
		}
	}
	for _, mv := range pairs {
		if k := keyOf(mv); !contains(questionFields, k) {
			qp.fail(mv.Key, "unknown field %q%s", k, suggest(k))
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
	q.FollowUps = qp.textList("follow_ups", true)
	q.Outline = qp.text("outline", true)
	q.Why = qp.text("why", false)
	if q.Kind == AskInterviewer && q.Why == "" && qp.fields["why"] == nil {
		qp.fail(item, "missing field \"why\" (ask-the-interviewer questions say what the answer tells the candidate)")
	}
	if qp.failed {
		return nil
	}
	return q
}

// text reads a string field; required fields must be present and not blank.
func (qp *questionParser) text(field string, required bool) string {
	mv := qp.fields[field]
	if mv == nil {
		if required {
			qp.fail(qp.anyKey(), "missing field %q", field)
		}
		return ""
	}
	var s string
	if _, isScalar := unwrap(mv.Value).(ast.ScalarNode); !isScalar {
		qp.fail(mv.Value, "%s: expected text", field)
		return ""
	}
	if err := yaml.NodeToValue(mv.Value, &s); err != nil {
		qp.fail(mv.Value, "%s: expected text", field)
		return ""
	}
	s = strings.TrimSpace(s)
	if s == "" && required {
		qp.fail(mv.Key, "%s is empty", field)
	}
	return s
}

// anyKey is a node to point at when a field is missing: the question's
// first key.
func (qp *questionParser) anyKey() ast.Node {
	var first ast.Node
	firstLine := 0
	for _, mv := range qp.fields {
		if l, _ := position(mv.Key); first == nil || l < firstLine {
			first, firstLine = mv.Key, l
		}
	}
	return first
}

func (qp *questionParser) textList(field string, required bool) []string {
	mv := qp.fields[field]
	if mv == nil {
		if required {
			qp.fail(qp.anyKey(), "missing field %q", field)
		}
		return nil
	}
	seq, ok := unwrap(mv.Value).(*ast.SequenceNode)
	if !ok {
		qp.fail(mv.Value, "%s: expected a list", field)
		return nil
	}
	var out []string
	for _, v := range seq.Values {
		var s string
		if _, isScalar := unwrap(v).(ast.ScalarNode); !isScalar || yaml.NodeToValue(v, &s) != nil {
			qp.fail(v, "%s: expected text, found %s", field, describe(v))
			continue
		}
		if s = strings.TrimSpace(s); s == "" {
			qp.fail(v, "%s: empty entry", field)
			continue
		}
		out = append(out, s)
	}
	if required && len(out) == 0 && !qp.failed {
		qp.fail(mv.Key, "%s needs at least one entry", field)
	}
	return out
}

func (qp *questionParser) kind() Kind {
	k := Kind(qp.text("kind", true))
	if k != "" && !contains(Kinds, k) {
		qp.fail(qp.fields["kind"].Value, "kind %q is not a kind (use %s)", k, joinAny(Kinds))
	}
	return k
}

func (qp *questionParser) category() string {
	c := qp.text("category", true)
	if c != "" && !categoryPattern.MatchString(c) {
		qp.fail(qp.fields["category"].Value, "category %q must be kebab-case, optionally one level deep (languages/go)", c)
	}
	return c
}

func (qp *questionParser) roles() []Role {
	names := qp.textList("roles", true)
	roles := make([]Role, 0, len(names))
	seq, _ := unwrap(qp.fieldValue("roles")).(*ast.SequenceNode)
	for i, n := range names {
		r := Role(n)
		if !contains(Roles, r) {
			var at ast.Node = qp.fieldValue("roles")
			if seq != nil && i < len(seq.Values) {
				at = seq.Values[i]
			}
			qp.fail(at, "role %q is not a role (use %s)", n, joinAny(Roles))
			continue
		}
		roles = append(roles, r)
	}
	return roles
}

func (qp *questionParser) fieldValue(field string) ast.Node {
	if mv := qp.fields[field]; mv != nil {
		return mv.Value
	}
	return nil
}

func (qp *questionParser) difficulty() int {
	mv := qp.fields["difficulty"]
	if mv == nil {
		qp.fail(qp.anyKey(), "missing field \"difficulty\"")
		return 0
	}
	var d int
	if _, ok := unwrap(mv.Value).(*ast.IntegerNode); !ok || yaml.NodeToValue(mv.Value, &d) != nil || d < 1 || d > 3 {
		qp.fail(mv.Value, "difficulty %s must be 1 (junior), 2 (mid) or 3 (senior)", strings.TrimSpace(mv.Value.String()))
		return 0
	}
	return d
}

func (qp *questionParser) duration() time.Duration {
	mv := qp.fields["time"]
	if mv == nil {
		qp.fail(qp.anyKey(), "missing field \"time\"")
		return 0
	}
	raw := strings.TrimSpace(mv.Value.String())
	if _, isInt := unwrap(mv.Value).(*ast.IntegerNode); isInt {
		qp.fail(mv.Key, "time %s is not a duration (use %ss or %sm)", raw, raw, raw)
		return 0
	}
	var s string
	if yaml.NodeToValue(mv.Value, &s) != nil {
		qp.fail(mv.Key, "time: expected a duration such as 90s or 3m")
		return 0
	}
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		qp.fail(mv.Key, "time %q is not a duration (use %s)", s, durationHint(s))
		return 0
	}
	if d < MinTime || d > MaxTime {
		qp.fail(mv.Key, "time %s is outside %s to %s", d, MinTime, MaxTime)
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
	seq, _ := unwrap(qp.fieldValue("tags")).(*ast.SequenceNode)
	for i, t := range tags {
		var at ast.Node = qp.fieldValue("tags")
		if seq != nil && i < len(seq.Values) {
			at = seq.Values[i]
		}
		switch {
		case !idPattern.MatchString(t):
			qp.fail(at, "tag %q must be a kebab-case skill id", t)
		case qp.knownTag != nil && !qp.knownTag(t):
			qp.fail(at, "tag %q is not a skill id (coach skills lists them)", t)
		}
	}
	return tags
}

func (qp *questionParser) keyPoints() []KeyPoint {
	mv := qp.fields["key_points"]
	if mv == nil {
		qp.fail(qp.anyKey(), "missing field \"key_points\"")
		return nil
	}
	seq, ok := unwrap(mv.Value).(*ast.SequenceNode)
	if !ok || len(seq.Values) == 0 {
		qp.fail(mv.Value, "key_points: expected a list of {point, terms}")
		return nil
	}
	var out []KeyPoint
	for i, item := range seq.Values {
		if kp, ok := qp.keyPoint(i+1, item); ok {
			out = append(out, kp)
		}
	}
	return out
}

func (qp *questionParser) keyPoint(n int, item ast.Node) (KeyPoint, bool) {
	pairs, ok := entries(item)
	if !ok {
		qp.fail(item, "key point %d: expected point and terms", n)
		return KeyPoint{}, false
	}
	var kp KeyPoint
	var pointNode, termsNode *ast.MappingValueNode
	for _, mv := range pairs {
		switch k := keyOf(mv); k {
		case "point":
			pointNode = mv
		case "terms":
			termsNode = mv
		default:
			qp.fail(mv.Key, "key point %d: unknown field %q (use point and terms)", n, k)
			return kp, false
		}
	}
	if pointNode == nil || yaml.NodeToValue(pointNode.Value, &kp.Point) != nil || strings.TrimSpace(kp.Point) == "" {
		qp.fail(item, "key point %d: point is missing or empty", n)
		return kp, false
	}
	kp.Point = strings.TrimSpace(kp.Point)
	if termsNode == nil {
		qp.fail(item, "key point %d: terms are missing", n)
		return kp, false
	}
	seq, ok := unwrap(termsNode.Value).(*ast.SequenceNode)
	if !ok || len(seq.Values) == 0 {
		qp.fail(termsNode.Key, "key point %d: terms must be a non-empty list", n)
		return kp, false
	}
	for _, v := range seq.Values {
		var s string
		_, isScalar := unwrap(v).(ast.ScalarNode)
		if !isScalar || yaml.NodeToValue(v, &s) != nil || strings.TrimSpace(s) == "" {
			qp.fail(v, "key point %d: empty term (every term must be a word or phrase)", n)
			return kp, false
		}
		kp.Terms = append(kp.Terms, strings.TrimSpace(s))
	}
	return kp, true
}

func describe(node ast.Node) string {
	switch unwrap(node).(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
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
