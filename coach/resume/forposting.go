package resume

import (
	"github.com/coach-tui/coach/questions"
)

// QuestionsForPosting picks up to n bank questions for a job posting
// alone, with no resume: the posting's skills heaviest first, one question
// each while skills last, kinds varied, preferring the posting's role and
// level (n is opt.BankQuestions, 6 when it is 0). They are the questions
// Review would pick for a resume that names none of the posting's skills.
// The posting's analysis comes back with them, so a caller can say what
// was found; a posting that names no skill from the taxonomy gets none.
// It is deterministic: the same posting always gives the same questions.
func QuestionsForPosting(posting string, opt Options) (*Posting, []*questions.Question, error) {
	if err := CheckPosting(posting); err != nil {
		return nil, nil, err
	}
	m := opt.Matcher
	if m == nil {
		var err error
		if m, err = DefaultMatcher(); err != nil {
			return nil, nil, err
		}
	}
	bank := opt.Bank
	if bank == nil {
		var err error
		if bank, err = questions.Default(); err != nil {
			return nil, nil, err
		}
	}
	n := opt.BankQuestions
	if n == 0 {
		n = 6
	}
	p := m.AnalyzePosting(posting)
	// With no resume every keyword the posting names is one the resume
	// misses; bankQuestions reads only the keywords and the posting.
	r := &Report{Posting: p, Keywords: KeywordResult{Missing: p.Keywords}}
	picked := bankQuestions(r, bank, n)
	qs := make([]*questions.Question, 0, len(picked))
	for _, l := range picked {
		qs = append(qs, l.q)
	}
	return p, qs, nil
}
