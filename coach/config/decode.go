package config

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
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

// decode parses data strictly: unknown keys, wrong types and bad values are
// errors that point at the line and column of the key.
func decode(path string, data []byte, c *Config) error {
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return yamlError(path, err)
	}
	if err := yaml.UnmarshalWithOptions(data, c, yaml.DisallowUnknownField()); err != nil {
		return yamlError(path, err)
	}
	if !validTheme(c.Theme) {
		return valueError(path, file, "theme", fmt.Sprintf("%q is not a theme (use %s)", c.Theme, themeChoices))
	}
	return nil
}

func yamlError(path string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		e := &Error{Path: path, Msg: ye.GetMessage()}
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			e.Line, e.Column = tok.Position.Line, tok.Position.Column
		}
		var unknown *yaml.UnknownFieldError
		var typ *yaml.TypeError
		switch {
		case errors.As(err, &unknown):
			e.Key = keyName(unknown.Token)
			e.Msg = "unknown key (see coach config init for the keys that exist)"
		case errors.As(err, &typ):
			if typ.StructFieldName != nil {
				e.Key = yamlKey(*typ.StructFieldName)
			}
			e.Msg = "expected " + kindName(typ.DstType)
		}
		return e
	}
	return &Error{Path: path, Msg: err.Error()}
}

// yamlKey turns a decoder field name such as "Config.DataDir" into the key
// the user wrote ("data_dir").
func yamlKey(structField string) string {
	name := structField[strings.LastIndex(structField, ".")+1:]
	if f, ok := reflect.TypeOf(Config{}).FieldByName(name); ok {
		if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag != "" && tag != "-" {
			return tag
		}
	}
	return name
}

func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a text value"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "a section of keys"
	}
	return "a " + t.String()
}

func keyName(tok *token.Token) string {
	if tok == nil {
		return ""
	}
	return tok.Value
}

// valueError reports a bad value at the position of its key.
func valueError(path string, file *ast.File, key, msg string) error {
	e := &Error{Path: path, Key: key, Msg: msg}
	p, err := yaml.PathString("$." + key)
	if err != nil {
		return e
	}
	if node, err := p.FilterFile(file); err == nil && node != nil {
		if pos := node.GetToken().Position; pos != nil {
			e.Line, e.Column = pos.Line, pos.Column
		}
	}
	return e
}
