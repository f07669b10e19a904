// Package coach is the domain of the interview coach, free of any user
// interface: it joins the question bank to the skill taxonomy and, in its
// sub-packages, holds configuration, storage and the coaching logic.
package coach

import (
	"path/filepath"

	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/questions"
)

// BanksDir is the folder of the user's own banks: banks/ beside the
// config file.
func BanksDir(configPath string) string {
	return filepath.Join(filepath.Dir(configPath), "banks")
}

// BankParser reads bank files, checking tags against the skill taxonomy.
func BankParser() (questions.Parser, error) {
	cat, err := skills.Load()
	if err != nil {
		return questions.Parser{}, err
	}
	return questions.Parser{KnownTag: func(id string) bool {
		_, ok := cat.Get(id)
		return ok
	}}, nil
}

// LoadBank loads the default bank plus the user's banks: every *.yaml in
// banksDir, then each extra file (from --bank). Bad user files are skipped
// and listed in the bank's Problems; only a broken default bank or
// taxonomy is an error.
func LoadBank(banksDir string, extra []string) (*questions.Bank, error) {
	p, err := BankParser()
	if err != nil {
		return nil, err
	}
	files, dirErr := questions.UserFiles(banksDir, extra)
	if dirErr != nil {
		files = extra
	}
	b, err := questions.Load(files, p)
	if err != nil {
		return nil, err
	}
	if dirErr != nil {
		b.Problems = append(b.Problems, questions.FileProblem{File: banksDir,
			Errors: questions.Errors{{File: banksDir, Msg: dirErr.Error()}}})
	}
	return b, nil
}
