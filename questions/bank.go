package questions

import (
	_ "embed" // the compact bank
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// The default bank's source is the YAML under bank/; the program embeds
// a compact encoding of it, made by go generate, because decoding that
// takes a few milliseconds where parsing the YAML took tens (compact.go).
//
//go:generate go run ./internal/gencompact
//go:embed bank.bin
var compactBank string

// Bank is a loaded set of questions with unique ids.
type Bank struct {
	questions []*Question
	byID      map[string]*Question
	// Problems are user files that were skipped, each with its errors.
	Problems []FileProblem
	// Overridden lists default ids replaced by a user question.
	Overridden []string
}

// Questions returns every question in bank order (file, then position).
func (b *Bank) Questions() []*Question { return b.questions }

// Len is the number of questions.
func (b *Bank) Len() int { return len(b.questions) }

// Get returns the question with id.
func (b *Bank) Get(id string) (*Question, bool) {
	q, ok := b.byID[id]
	return q, ok
}

// Default loads the embedded bank. An error here is a bug in coach, caught
// by the tests, so it is returned rather than skipped.
func Default() (*Bank, error) {
	qs, err := DecodeCompact(compactBank)
	if err != nil {
		return nil, err
	}
	b := &Bank{byID: make(map[string]*Question, len(qs))}
	if errs := b.add(qs, false); len(errs) > 0 {
		return nil, errs
	}
	return b, nil
}

// ParseDir parses every *.yaml file in dir of fsys, in name order: the
// default bank's source, for go generate and the test that keeps the
// compact encoding in step with it.
func ParseDir(fsys fs.FS, dir string) ([]*Question, error) {
	qs, errs := parseFS(fsys, dir)
	if len(errs) > 0 {
		return nil, errs
	}
	return qs, nil
}

func parseFS(fsys fs.FS, dir string) ([]*Question, Errors) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, Errors{{File: dir, Msg: err.Error()}}
	}
	sort.Strings(names)
	var all []*Question
	var errs Errors
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, &Error{File: name, Msg: err.Error()})
			continue
		}
		qs, fileErrs := ParseFile(name, data)
		all = append(all, qs...)
		errs = append(errs, fileErrs...)
	}
	return all, errs
}

// add puts questions into the bank. Ids must be unique within the default
// bank and within the user's banks; a user question may replace a default
// one with the same id.
func (b *Bank) add(qs []*Question, user bool) Errors {
	var errs Errors
	for _, q := range qs {
		q.Source.User = user
		if prev, ok := b.byID[q.ID]; ok {
			if user && !prev.Source.User {
				b.replace(prev, q)
				continue
			}
			errs = append(errs, &Error{File: q.Source.File, Line: q.Source.Line, Column: q.Source.Column, Question: q.ID,
				Msg: fmt.Sprintf("duplicate id: also at %s:%d", prev.Source.File, prev.Source.Line)})
			continue
		}
		b.byID[q.ID] = q
		b.questions = append(b.questions, q)
	}
	return errs
}

func (b *Bank) replace(prev, q *Question) {
	for i, x := range b.questions {
		if x == prev {
			b.questions[i] = q
		}
	}
	b.byID[q.ID] = q
	b.Overridden = append(b.Overridden, q.ID)
}

// UserFiles lists the *.yaml files in dir (the user's banks folder) followed
// by the extra files given with --bank. A missing folder is not an error.
func UserFiles(dir string, extra []string) ([]string, error) {
	var files []string
	if dir != "" {
		entries, err := os.ReadDir(dir)
		if err != nil && !os.IsNotExist(err) {
			return nil, fmt.Errorf("bank folder %s: %w", dir, err)
		}
		for _, e := range entries {
			if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	return append(files, extra...), nil
}

// AddUserFiles reads the user's bank files into b. A file with any problem
// is skipped whole and recorded in b.Problems, so one bad file never hides
// the good ones and never half-loads.
func (b *Bank) AddUserFiles(files []string, p Parser) {
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Problems = append(b.Problems, FileProblem{File: f, Errors: Errors{{File: f, Msg: plainError(err)}}})
			continue
		}
		qs, errs := p.ParseFile(f, data)
		if len(errs) == 0 {
			errs = b.checkIDs(qs)
		}
		if len(errs) > 0 {
			b.Problems = append(b.Problems, FileProblem{File: f, Errors: errs})
			continue
		}
		b.add(qs, true)
	}
}

// checkIDs finds ids that clash with other user questions before anything
// from the file is added.
func (b *Bank) checkIDs(qs []*Question) Errors {
	var errs Errors
	seen := map[string]*Question{}
	for _, q := range qs {
		if prev, ok := seen[q.ID]; ok {
			errs = append(errs, &Error{File: q.Source.File, Line: q.Source.Line, Column: q.Source.Column, Question: q.ID,
				Msg: fmt.Sprintf("duplicate id: also at line %d", prev.Source.Line)})
		}
		seen[q.ID] = q
		if prev, ok := b.byID[q.ID]; ok && prev.Source.User {
			errs = append(errs, &Error{File: q.Source.File, Line: q.Source.Line, Column: q.Source.Column, Question: q.ID,
				Msg: fmt.Sprintf("duplicate id: also in %s:%d", prev.Source.File, prev.Source.Line)})
		}
	}
	return errs
}

func plainError(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// FromFiles builds a bank from the given files only, without the default
// questions; files with problems are skipped and listed in Problems.
func FromFiles(files []string, p Parser) *Bank {
	b := &Bank{byID: map[string]*Question{}}
	b.AddUserFiles(files, p)
	return b
}

// Load returns the default bank plus the user's banks, read with p.
func Load(userFiles []string, p Parser) (*Bank, error) {
	b, err := Default()
	if err != nil {
		return nil, err
	}
	b.AddUserFiles(userFiles, p)
	return b, nil
}
