package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Settable are the keys the app may change, with the values each takes.
var Settable = map[string][]string{
	"theme":       {ThemeAuto, "dark", "light"},
	"llm.enabled": {"false", "true"},
}

// Set writes one setting into the config file at path, keeping every
// other line and comment as it was; a missing file starts from the
// commented template. The file is replaced atomically. Only the keys in
// Settable may be set, to one of their values.
func Set(path, key, value string) error {
	values, ok := Settable[key]
	if !ok {
		return fmt.Errorf("%s cannot be set from the app", key)
	}
	if !contains(values, value) {
		return fmt.Errorf("%s: %q is not one of %s", key, value, strings.Join(values, ", "))
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		data = []byte(Template)
	case err != nil:
		return fmt.Errorf("config %s: %w", path, unwrapPathError(err))
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("config %s: %w", path, err)
	}
	if len(doc.Content) == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	setPath(doc.Content[0], strings.Split(key, "."), value)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return fmt.Errorf("config %s: %w", path, err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("config %s: %w", path, err)
	}
	// what is written must load: a setting never leaves a broken file
	var check Config
	if err := decode(path, b.Bytes(), &check); err != nil {
		return err
	}
	return writeAtomic(path, b.Bytes())
}

// setPath sets the scalar at keys under a mapping, adding the mappings and
// the key when they are missing.
func setPath(m *yaml.Node, keys []string, value string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != keys[0] {
			continue
		}
		v := m.Content[i+1]
		if len(keys) == 1 {
			v.Kind, v.Tag, v.Value, v.Style = yaml.ScalarNode, "", value, 0
			return
		}
		if v.Kind != yaml.MappingNode {
			*v = yaml.Node{Kind: yaml.MappingNode}
		}
		setPath(v, keys[1:], value)
		return
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Value: keys[0]}
	if len(keys) == 1 {
		m.Content = append(m.Content, k, &yaml.Node{Kind: yaml.ScalarNode, Value: value})
		return
	}
	v := &yaml.Node{Kind: yaml.MappingNode}
	m.Content = append(m.Content, k, v)
	setPath(v, keys[1:], value)
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
