package prompts

import "strings"

type coverLetterData struct{ Resume, Posting, Draft, Template string }

// CoverLetter builds the streamed prompt that has the model improve an
// offline cover letter draft (coach/letter) in the shape of its template.
// Check the reply with MarkInvented against the resume and the posting
// before showing it: the prompt forbids new figures, but models still add
// them.
func CoverLetter(resume, posting, draft, template string) Prompt {
	d := coverLetterData{strings.TrimSpace(resume), strings.TrimSpace(posting), strings.TrimSpace(draft), template}
	return render("cover-letter", d, []string{resume, posting, draft}, func(f []string) Prompt {
		return CoverLetter(f[0], f[1], f[2], template)
	})
}
