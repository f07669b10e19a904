package config

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Error is a problem in a config file, with the position of the offending key.
type Error struct {
	Path         string
	Line, Column int
	Key          string
	Msg          string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Key != "" {
		fmt.Fprintf(&b, "%s: ", e.Key)
	}
	b.WriteString(e.Msg)
	return b.String()
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// decode reads the config file strictly: unknown keys, wrong types and bad
// values are errors that point at the line and column of the key or value.
// It walks the YAML nodes rather than decoding into the struct, because
// the nodes carry the positions.
func decode(path string, data []byte, c *Config) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		e := &Error{Path: path, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
			e.Column, e.Msg = 1, m[2]
		}
		return e
	}
	if len(doc.Content) == 0 {
		return nil // an empty file: every default applies
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return at(path, root, "", "expected settings such as theme: dark")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		switch key.Value {
		case "theme":
			s, err := text(path, key.Value, val)
			if err != nil {
				return err
			}
			if !validTheme(s) {
				return at(path, val, "theme", fmt.Sprintf("%q is not a theme (use %s)", s, themeChoices))
			}
			c.Theme = s
		case "data_dir":
			s, err := text(path, key.Value, val)
			if err != nil {
				return err
			}
			c.DataDir = s
		default:
			return at(path, key, key.Value, "unknown key (see coach config init for the keys that exist)")
		}
	}
	return nil
}

func text(path, key string, val *yaml.Node) (string, error) {
	if val.Kind != yaml.ScalarNode {
		return "", at(path, val, key, "expected a text value")
	}
	if val.ShortTag() == "!!null" {
		return "", nil
	}
	return val.Value, nil
}

func at(path string, node *yaml.Node, key, msg string) error {
	return &Error{Path: path, Line: node.Line, Column: node.Column, Key: key, Msg: msg}
}
