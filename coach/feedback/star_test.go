package feedback

import (
	"strings"
	"testing"
	"time"

	"github.com/coach-tui/coach/questions"
)

// In-order STAR answers, some naming their parts and some never saying
// the words, must read as in order.
func TestInOrderSTARAnswersAreInOrder(t *testing.T) {
	a, _ := testAnalyzer(t)
	q := &questions.Question{ID: "b", Kind: questions.Behavioral, Time: 2 * time.Minute}
	for _, answer := range []string{
		"The situation: our checkout service timed out every Friday. My task was to find out why before the holiday sale. " +
			"The action I took was to add tracing and I found a lock held across a network call. The result was zero timeouts over the sale.",
		"Situation first. Acme's billing jobs ran for six hours. Task: bring that under one hour. Action: I split the job by customer and ran the parts in parallel. Result: it finished in forty minutes.",
		"In 2023 I was the only backend engineer at a twelve-person startup and the mobile team complained that the API was slow. " +
			"I had to get the main feed under 300 ms without new servers. I profiled it, found an N+1 query, and I rewrote it as one join. " +
			"The feed went from 1.2 s to 180 ms and the team shipped the new app on time.",
		"Two years ago a vendor changed their file format with a week's notice. I needed to keep the imports running. " +
			"I wrote a parser for both formats and I ran them side by side for three days. In the end we switched over with no failed import.",
	} {
		d := dim(a.Analyze(q, answer), "Structure")
		if d.Score != 100 || !strings.Contains(d.Finding, "in order") {
			t.Errorf("an in-order answer scored %d (%q):\n%s", d.Score, d.Finding, answer)
		}
	}
}
