// Package letter writes a cover letter and LinkedIn-style headlines from a
// resume and a job posting, offline and deterministically, inventing
// nothing: every fact in the text is a line of the resume or the posting,
// quoted with its figures exactly, and what neither says (the hiring
// manager's name, an employer the posting does not name) is left in
// [brackets] for the candidate to fill in.
package letter

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/coach-tui/coach/coach/resume"
)

// SchemaVersion is the version of the Letter JSON shape.
const SchemaVersion = 1

// Template is a letter's shape.
type Template string

// The templates. Auto picks one to fit the resume and the posting.
const (
	Auto         Template = ""
	Classic      Template = "classic"
	Achievement  Template = "achievement"
	CareerChange Template = "career-change"
)

// Templates are the shapes a user can ask for, in the order they are
// offered.
var Templates = []Template{Classic, Achievement, CareerChange}

// Describe says what a template is for.
func (t Template) Describe() string {
	switch t {
	case Classic:
		return "classic: who you are, three results that answer the posting, why this team"
	case Achievement:
		return "achievement-led: the posting's top keywords, each answered by a result"
	case CareerChange:
		return "career change: where you come from, what carries over, why the move"
	}
	return "chosen to fit"
}

// ParseTemplate reads a --template value.
func ParseTemplate(s string) (Template, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return Auto, nil
	case "classic":
		return Classic, nil
	case "achievement", "achievement-led", "achievements":
		return Achievement, nil
	case "career-change", "career", "change", "careerchange":
		return CareerChange, nil
	}
	return Auto, fmt.Errorf("unknown template %q: use classic, achievement or career-change", s)
}

// Letter is a cover letter and what it was made from. It marshals to the
// JSON `coach cover-letter --json` prints (schema 1):
//
//	{"schema": 1, "template": "classic",        // classic, achievement or career-change
//	 "chosen_because": "…",                     // why this template
//	 "text": "Dear [Hiring manager's name],\n\n…", "words": 312,
//	 "placeholders": ["[Hiring manager's name]"], // what the letter leaves to you
//	 "facts": {"name": "…", "role": "…", "company": "…", "years": "6 years",
//	           "achievements": [Achievement…], "skills": ["Go", …], "duties": ["build …"]},
//	 "source": "offline",                       // offline, or the model's name
//	 "invented": []}                            // a model's figures found in neither file
type Letter struct {
	Schema       int      `json:"schema"`
	Template     Template `json:"template"`
	Reason       string   `json:"chosen_because"`
	Text         string   `json:"text"`
	Words        int      `json:"words"`
	Placeholders []string `json:"placeholders"`
	Used         Used     `json:"facts"`
	Source       string   `json:"source"`
	Invented     []string `json:"invented"`
}

// Used are the facts a letter names.
type Used struct {
	Name         string               `json:"name,omitempty"`
	Role         string               `json:"role"`
	Company      string               `json:"company,omitempty"`
	Years        string               `json:"years,omitempty"`
	Achievements []resume.Achievement `json:"achievements"`
	Skills       []string             `json:"skills"`
	Duties       []string             `json:"duties"`
}

// Word limits of a letter: long enough to say something, short enough
// to be read.
const (
	MinWords = 250
	MaxWords = 400
)

// Write drafts the letter for facts in template t (Auto chooses).
func Write(f *resume.Facts, t Template) *Letter {
	t, reason := choose(f, t)
	d := newDraft(f)
	l := &Letter{Schema: SchemaVersion, Template: t, Reason: reason, Source: "offline", Invented: []string{}}
	l.Text = d.fit(func() string { return d.render(t) })
	l.Words = CountWords(l.Text)
	l.Placeholders = Placeholders(l.Text)
	l.Used = d.used()
	return l
}

// choose picks the template that fits, saying why.
func choose(f *resume.Facts, t Template) (Template, string) {
	if t != Auto {
		return t, "asked for"
	}
	if f.CareerChange {
		return CareerChange, f.ChangeReason
	}
	strong, seen := 0, map[string]bool{}
	for _, a := range f.Achievements {
		if a.Figure != "" && len(a.Keywords) > 0 && !seen[a.Keywords[0]] {
			seen[a.Keywords[0]] = true
			strong++
		}
	}
	if strong >= 3 {
		return Achievement, "three or more results with figures each answer a different keyword of the posting"
	}
	return Classic, "your roles match the posting's, with fewer than three results that carry a figure and a keyword"
}

var placeholderRe = regexp.MustCompile(`\[[^\[\]\n]{2,200}\]`)

// Placeholders lists the [brackets] in text, each once, for the
// candidate to fill in.
func Placeholders(text string) []string {
	out := []string{}
	for _, p := range placeholderRe.FindAllString(text, -1) {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// CountWords counts what a reader would call words.
func CountWords(text string) int {
	n := 0
	for _, w := range strings.Fields(text) {
		if strings.IndexFunc(w, isWordRune) >= 0 {
			n++
		}
	}
	return n
}

func isWordRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
}
