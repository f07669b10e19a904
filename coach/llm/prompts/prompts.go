package prompts

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"

	"github.com/coach-tui/coach/coach/llm"
)

// Prompt is a conversation ready to send.
type Prompt struct {
	Name     string // "feedback", "follow-up", "tailor", "posting-questions"
	Version  int    // from the template file name
	Messages []llm.Message
	// Err is set, and Messages nil, when the template could not be built.
	// The tests render every embedded template, so a shipped build never
	// sets it; it exists so a broken template is an error, not a panic.
	Err error

	// fields are the user-supplied texts Trim may shorten, and build
	// renders the prompt again from them.
	fields []string
	build  func(fields []string) Prompt
}

const (
	// minTrim is the length, in characters, under which a field is not
	// worth trimming: a shorter answer or posting loses its meaning.
	minTrim = 500
	// trimMark ends a field that Trim shortened.
	trimMark = "[… trimmed]"
)

// Shorter returns a function that gives a shorter version of the prompt's
// messages each time it is called (see Trim), for a caller that retries
// when the model says the request is too long; false when nothing is left
// to cut.
func (p Prompt) Shorter() func() ([]llm.Message, bool) {
	return func() ([]llm.Message, bool) {
		shorter, ok := p.Trim()
		p = shorter
		return shorter.Messages, ok
	}
}

// Trim returns a shorter version of the same prompt for one retry after the
// model said the context is too long: it halves the longest user-supplied
// field (answer, resume, posting), cutting at a word boundary and marking
// the cut with "[… trimmed]". ok is false when nothing is left to trim
// (every field already under 500 characters).
func (p Prompt) Trim() (Prompt, bool) {
	if p.build == nil {
		return p, false
	}
	longest, n := -1, 0
	for i, f := range p.fields {
		if c := utf8.RuneCountInString(f); c >= minTrim && c > n {
			longest, n = i, c
		}
	}
	if longest < 0 {
		return p, false
	}
	fields := append([]string(nil), p.fields...)
	fields[longest] = halve(fields[longest])
	return p.build(fields), true
}

// halve keeps the first half of s, which for an answer, resume or posting
// is where the substance usually is, and marks the cut.
func halve(s string) string {
	s = strings.TrimSpace(strings.TrimSuffix(s, trimMark))
	r := []rune(s)
	cut := len(r) / 2
	// Back up to a space, but not so far that little is cut.
	for i := cut; i > cut/2; i-- {
		if r[i] == ' ' || r[i] == '\n' || r[i] == '\t' {
			cut = i
			break
		}
	}
	return strings.TrimSpace(string(r[:cut])) + " " + trimMark
}

//go:embed templates/*.tmpl
var templateFS embed.FS

// tmpl is one parsed prompt template; it defines "system" and "user".
type tmpl struct {
	version int
	t       *template.Template
}

var fileName = lazyRegexp(`^([a-z][a-z-]*)\.v([0-9]+)\.tmpl$`)

var loadTemplates = sync.OnceValues(func() (map[string]tmpl, error) {
	return parseTemplates(templateFS, "templates")
})

// parseTemplates reads every name.vN.tmpl under dir; when a prompt has
// several versions the highest is used, so a new version can land beside
// the old one.
func parseTemplates(fsys fs.FS, dir string) (map[string]tmpl, error) {
	files, err := fs.Glob(fsys, path.Join(dir, "*.tmpl"))
	if err != nil {
		return nil, err
	}
	out := map[string]tmpl{}
	for _, f := range files {
		m := fileName.get().FindStringSubmatch(path.Base(f))
		if m == nil {
			return nil, fmt.Errorf("prompt template %s: name must be <prompt>.v<N>.tmpl", f)
		}
		v, _ := strconv.Atoi(m[2])
		if old, ok := out[m[1]]; ok && old.version > v {
			continue
		}
		t, err := template.New(path.Base(f)).Funcs(funcs).Option("missingkey=error").ParseFS(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("prompt template %s: %w", f, err)
		}
		for _, part := range []string{"system", "user"} {
			if t.Lookup(part) == nil {
				return nil, fmt.Errorf("prompt template %s: no %q block", f, part)
			}
		}
		out[m[1]] = tmpl{version: v, t: t}
	}
	return out, nil
}

// render builds the named prompt from data; fields and build make it
// trimmable.
func render(name string, data any, fields []string, build func([]string) Prompt) Prompt {
	p := Prompt{Name: name, fields: fields, build: build}
	all, err := loadTemplates()
	if err != nil {
		p.Err = err
		return p
	}
	t, ok := all[name]
	if !ok {
		p.Err = fmt.Errorf("no prompt template named %q", name)
		return p
	}
	p.Version = t.version
	var msgs []llm.Message
	for _, part := range []struct{ block, role string }{{"system", llm.RoleSystem}, {"user", llm.RoleUser}} {
		var b strings.Builder
		if err := t.t.ExecuteTemplate(&b, part.block, data); err != nil {
			p.Err = fmt.Errorf("prompt %s: %w", name, err)
			return p
		}
		msgs = append(msgs, llm.Message{Role: part.role, Content: tidy(b.String())})
	}
	p.Messages = msgs
	return p
}

var blankRun = lazyRegexp(`\n{3,}`)

// tidy lets templates use conditionals freely without leaving holes.
func tidy(s string) string {
	return strings.TrimSpace(blankRun.get().ReplaceAllString(s, "\n\n"))
}
