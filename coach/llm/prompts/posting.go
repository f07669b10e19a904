package prompts

import "github.com/coach-tui/coach/questions"

const (
	defaultCount = 5
	maxCount     = 20 // more than a session needs, and a long reply to wait for
)

type postingData struct {
	Posting string
	Role    string
	N       int
}

// PostingQuestions builds the prompt for n practice questions (clamped to
// 1..20, 5 when n <= 0) drawn from a job posting for role; read the reply
// with ParseQuestions.
func PostingQuestions(posting string, role questions.Role, n int) Prompt {
	if n <= 0 {
		n = defaultCount
	}
	n = min(n, maxCount)
	d := postingData{Posting: posting, Role: roleName(role), N: n}
	return render("posting-questions", d, []string{posting}, func(f []string) Prompt {
		return PostingQuestions(f[0], role, n)
	})
}
