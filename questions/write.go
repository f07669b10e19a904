package questions

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Marshal writes questions in the bank file format, fields in the order
// the README documents them: times as "2m30s", lists of words in [a, b]
// form, the outline (and any text of several lines) as a literal block.
// It checks nothing: SaveFile passes the result through the parser.
func Marshal(topic string, qs []*Question) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	if topic != "" {
		addField(root, "topic", textNode(topic))
	}
	list := &yaml.Node{Kind: yaml.SequenceNode}
	if len(qs) == 0 {
		list.Style = yaml.FlowStyle
	}
	for _, q := range qs {
		list.Content = append(list.Content, questionNode(q))
	}
	addField(root, "questions", list)

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func questionNode(q *Question) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	addField(n, "id", textNode(q.ID))
	addField(n, "text", textNode(q.Text))
	addField(n, "kind", textNode(string(q.Kind)))
	addField(n, "category", textNode(q.Category))
	roles := make([]string, len(q.Roles))
	for i, r := range q.Roles {
		roles[i] = string(r)
	}
	addField(n, "roles", wordsNode(roles))
	addField(n, "difficulty", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(q.Difficulty)})
	addField(n, "time", textNode(timeText(q.Time)))
	if len(q.Tags) > 0 {
		addField(n, "tags", wordsNode(q.Tags))
	}
	if q.Company != "" {
		addField(n, "company", textNode(q.Company))
	}
	addField(n, "key_points", keyPointsNode(q.KeyPoints))
	follow := &yaml.Node{Kind: yaml.SequenceNode}
	if len(q.FollowUps) == 0 {
		follow.Style = yaml.FlowStyle
	}
	for _, f := range q.FollowUps {
		if len(f.KeyPoints) == 0 {
			follow.Content = append(follow.Content, textNode(f.Text))
			continue
		}
		m := &yaml.Node{Kind: yaml.MappingNode}
		addField(m, "text", textNode(f.Text))
		addField(m, "key_points", keyPointsNode(f.KeyPoints))
		follow.Content = append(follow.Content, m)
	}
	addField(n, "follow_ups", follow)
	outline := textNode(q.Outline)
	if q.Outline != "" {
		outline.Style = yaml.LiteralStyle
	}
	addField(n, "outline", outline)
	if q.Why != "" {
		addField(n, "why", textNode(q.Why))
	}
	return n
}

func keyPointsNode(kps []KeyPoint) *yaml.Node {
	points := &yaml.Node{Kind: yaml.SequenceNode}
	if len(kps) == 0 {
		points.Style = yaml.FlowStyle
	}
	for _, kp := range kps {
		p := &yaml.Node{Kind: yaml.MappingNode}
		addField(p, "point", textNode(kp.Point))
		addField(p, "terms", wordsNode(kp.Terms))
		points.Content = append(points.Content, p)
	}
	return points
}

func addField(m *yaml.Node, key string, value *yaml.Node) {
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, value)
}

// textNode is a string; the encoder quotes it when it would otherwise
// read back as a number, a boolean or null.
func textNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// wordsNode is a list written [a, b], as bank files write roles, tags and
// terms.
func wordsNode(words []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, w := range words {
		v := textNode(w)
		if strings.ContainsAny(w, "?:,[]{}#&*!|>'\"%@`") || w != strings.TrimSpace(w) {
			// The YAML library rejects some of these unquoted inside
			// [a, b] ("Why?"), so anything unusual is quoted.
			v.Style = yaml.DoubleQuotedStyle
		}
		n.Content = append(n.Content, v)
	}
	return n
}

// timeText is a question's time the way bank files write it ("2m30s").
func timeText(d time.Duration) string {
	if d%time.Second != 0 {
		return d.String()
	}
	return FormatTime(d)
}

var plainNumber = regexp.MustCompile(`^[-+]?[0-9]*\.?[0-9]+$`)

// ParseTime reads a question's time as typed into a form, with the
// parser's rules and messages: a Go duration from MinTime to MaxTime.
func ParseTime(s string) (time.Duration, error) {
	raw := strings.TrimSpace(s)
	if raw == "" {
		return 0, errors.New("time is empty (use a Go duration such as 90s, 3m or 2m30s)")
	}
	if plainNumber.MatchString(raw) {
		return 0, fmt.Errorf("time %s is not a duration (use %ss or %sm)", raw, raw, raw)
	}
	d, err := time.ParseDuration(raw)
	if err != nil {
		return 0, fmt.Errorf("time %q is not a duration (use %s)", raw, durationHint(raw))
	}
	if d < MinTime || d > MaxTime {
		return 0, fmt.Errorf("time %s is outside %s to %s", FormatTime(d), FormatTime(MinTime), FormatTime(MaxTime))
	}
	return d, nil
}

// FileTopic is the topic of a bank file, or "" when it has none or cannot
// be read; rewriting a file keeps it.
func FileTopic(data []byte) string {
	var top struct {
		Topic string `yaml:"topic"`
	}
	if yaml.Unmarshal(data, &top) != nil {
		return ""
	}
	return strings.TrimSpace(top.Topic)
}

// SaveFile writes questions to the bank file at path. The bytes are first
// read back with p, as the loader would read them; if that finds any
// problem the positioned Errors are returned as they are and nothing is
// written. Otherwise the file is replaced atomically: a temporary file in
// the same folder is written, synced, closed and renamed over path, so a
// crash or a full disk leaves either the old file or the new one, never
// half of one, and no temporary file behind.
func SaveFile(path, topic string, qs []*Question, p Parser) error {
	data, err := Marshal(topic, qs)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	parsed, errs := p.ParseFile(path, data)
	if len(errs) == 0 {
		// The loader skips a file whose ids repeat, so it is refused here.
		errs = (&Bank{byID: map[string]*Question{}}).checkIDs(parsed)
	}
	if len(errs) > 0 {
		return errs
	}
	return writeAtomic(path, data)
}

// tempFile is what writeAtomic needs of an *os.File.
type tempFile interface {
	Name() string
	Write([]byte) (int, error)
	Chmod(fs.FileMode) error
	Sync() error
	Close() error
}

// fileOps are the file-system steps of an atomic write; tests replace
// them to make each step fail.
var fileOps = struct {
	createTemp func(dir, pattern string) (tempFile, error)
	rename     func(from, to string) error
}{
	createTemp: func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) },
	rename:     os.Rename,
}

func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// A new file is private, like the rest of coach's data; an existing
	// one keeps its permissions.
	mode := fs.FileMode(0o600)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	// The name does not end in .yaml, so a temporary file is never read
	// as a bank.
	tmp, err := fileOps.createTemp(dir, "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				tmp.Close()
			}
			os.Remove(tmp.Name())
			err = fmt.Errorf("write %s: %w", path, err)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	closed = true
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := fileOps.rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable. The new file is in place
// already, so a failure here is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
