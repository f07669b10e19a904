package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/coach-tui/coach/questions/textsafe"
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
		case "llm":
			if err := decodeLLM(path, val, &c.LLM); err != nil {
				return err
			}
		case "speech":
			if err := decodeSpeech(path, val, &c.Speech); err != nil {
				return err
			}
		default:
			return at(path, key, key.Value, "unknown key (see coach config init for the keys that exist)")
		}
	}
	return nil
}

// decodeLLM reads the llm mapping; its keys are named llm.<key> in errors.
func decodeLLM(path string, node *yaml.Node, l *LLM) error {
	if node.Kind == yaml.ScalarNode && node.ShortTag() == "!!null" {
		return nil // "llm:" with nothing under it: defaults
	}
	if node.Kind != yaml.MappingNode {
		return at(path, node, "llm", "expected settings such as enabled: true, indented under llm:")
	}
	var apiType *yaml.Node
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, val := node.Content[i], node.Content[i+1]
		name := "llm." + key.Value
		switch key.Value {
		case "enabled":
			if val.Kind != yaml.ScalarNode || val.ShortTag() != "!!bool" || val.Decode(&l.Enabled) != nil {
				return at(path, val, name, "expected true or false")
			}
		case "base_url":
			s, err := text(path, name, val)
			if err != nil {
				return err
			}
			if msg := checkBaseURL(s); s != "" && msg != "" {
				return at(path, val, name, msg)
			}
			l.BaseURL = s
		case "model":
			s, err := text(path, name, val)
			if err != nil {
				return err
			}
			l.Model = s
		case "api_key_env":
			s, err := text(path, name, val)
			if err != nil {
				return err
			}
			if !envName.MatchString(s) {
				// Never echo the value: it may be the key pasted by mistake.
				return at(path, val, name, "expected the name of an environment variable, such as OPENAI_API_KEY, not the key itself")
			}
			l.APIKeyEnv = s
		case "api_type":
			s, err := text(path, name, val)
			if err != nil {
				return err
			}
			if s != APITypeOpenAI && s != APITypeAzure {
				return at(path, val, name, fmt.Sprintf("%q is not an API type (use openai or azure)", s))
			}
			l.APIType, apiType = s, val
		case "api_version":
			s, err := text(path, name, val)
			if err != nil {
				return err
			}
			l.APIVersion = s
		case "timeout":
			s, err := text(path, name, val)
			if err != nil {
				return err
			}
			d, perr := time.ParseDuration(s)
			if perr != nil || d <= 0 {
				return at(path, val, name, fmt.Sprintf("%q is not a duration (use for example 60s or 2m)", s))
			}
			l.Timeout = d
		case "max_retries":
			n, perr := strconv.Atoi(val.Value)
			if val.Kind != yaml.ScalarNode || val.ShortTag() != "!!int" || perr != nil || n < 0 || n > maxRetriesLimit {
				return at(path, val, name, fmt.Sprintf("expected a whole number from 0 to %d", maxRetriesLimit))
			}
			l.MaxRetries = n
		case "temperature":
			f, perr := strconv.ParseFloat(val.Value, 64)
			tag := val.ShortTag()
			if val.Kind != yaml.ScalarNode || (tag != "!!float" && tag != "!!int") || perr != nil || f < 0 || f > maxTemperature {
				return at(path, val, name, fmt.Sprintf("expected a number from 0 to %d", maxTemperature))
			}
			l.Temperature = f
		case "follow_ups":
			n, perr := strconv.Atoi(val.Value)
			if val.Kind != yaml.ScalarNode || val.ShortTag() != "!!int" || perr != nil || n < 0 || n > maxFollowUps {
				return at(path, val, name, fmt.Sprintf("expected a whole number from 0 to %d", maxFollowUps))
			}
			l.FollowUps = n
		case "api_key":
			if val.Kind != yaml.ScalarNode || val.ShortTag() != "!!str" {
				return at(path, val, name, "expected the key as text")
			}
			l.APIKey = strings.TrimSpace(val.Value)
			l.apiKeyLine, l.apiKeyColumn = key.Line, key.Column
		default:
			return at(path, key, name, "unknown key (see coach config init for the keys that exist)")
		}
	}
	if l.APIType == APITypeAzure && l.APIVersion == "" {
		return at(path, apiType, "llm.api_type", "azure also needs llm.api_version (for example 2024-10-21)")
	}
	return nil
}

var (
	envName  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	language = regexp.MustCompile(`^[a-z]{2}$`)
)

// checkBaseURL returns what is wrong with an endpoint URL, or "".
func checkBaseURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "expected an http:// or https:// URL, such as http://localhost:11434/v1"
	}
	return ""
}

func text(path, key string, val *yaml.Node) (string, error) {
	if val.Kind != yaml.ScalarNode {
		return "", at(path, val, key, "expected a text value")
	}
	if val.ShortTag() == "!!null" {
		return "", nil
	}
	if textsafe.Clean(val.Value) != val.Value {
		// A quoted "\e" decodes to a raw escape: a model name or path
		// holding one would drive the terminal wherever it is shown.
		return "", at(path, val, key, fmt.Sprintf("%q holds control characters or escape sequences", val.Value))
	}
	return val.Value, nil
}

func at(path string, node *yaml.Node, key, msg string) error {
	return &Error{Path: path, Line: node.Line, Column: node.Column, Key: key, Msg: msg}
}
