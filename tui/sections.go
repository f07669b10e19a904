package tui

import (
	sess "github.com/coach-tui/coach/coach/session"
	"github.com/coach-tui/coach/tui/common"
	"github.com/coach-tui/coach/tui/drills"
	"github.com/coach-tui/coach/tui/example"
	"github.com/coach-tui/coach/tui/history"
	"github.com/coach-tui/coach/tui/letter"
	"github.com/coach-tui/coach/tui/mine"
	"github.com/coach-tui/coach/tui/review"
	"github.com/coach-tui/coach/tui/settings"
	"github.com/coach-tui/coach/tui/setup"
	"github.com/coach-tui/coach/tui/skills"
	"github.com/coach-tui/coach/tui/stats"
)

// screenFactory builds a section's screen.
type screenFactory func(common.Common) common.Screen

type section struct {
	common.Section
	open screenFactory
}

// sections is the home menu, in order. Adding a screen is writing its
// package and giving its section a factory here.
var sections = []section{
	{common.Section{ID: "practice", Key: "p", Title: "Practice", Desc: "Timed questions for your role, with feedback on every answer and a follow-up question."},
		func(c common.Common) common.Screen { return setup.New(c, sess.Practice) }},
	{common.Section{ID: "mock", Key: "m", Title: "Mock interview", Desc: "A full interview: an introduction, a mix of behavioural and technical questions, your questions for them, and a summary."},
		func(c common.Common) common.Screen { return setup.New(c, sess.Mock) }},
	{common.Section{ID: "drills", Key: "d", Title: "Drills", Desc: "The questions you found hard come back on a schedule until the answer comes naturally."},
		func(c common.Common) common.Screen { return drills.New(c) }},
	{common.Section{ID: "skills", Key: "s", Title: "Skills", Desc: "Role skill checklists: rate yourself on each skill and see how to show it on a resume."},
		func(c common.Common) common.Screen { return skills.New(c) }},
	{common.Section{ID: "example", Key: "e", Title: "Example resume", Desc: "A senior backend engineer's resume with notes on why each line works."},
		func(c common.Common) common.Screen { return example.New(c) }},
	{common.Section{ID: "review", Key: "r", Title: "Resume review", Desc: "Check your resume against a job posting the way an applicant tracking system would."},
		func(c common.Common) common.Screen { return review.New(c) }},
	{common.Section{ID: "letter", Key: "l", Title: "Cover letter", Desc: "A cover letter and LinkedIn headlines from your resume and a job posting, with nothing invented."},
		func(c common.Common) common.Screen { return letter.New(c) }},
	{common.Section{ID: "history", Key: "h", Title: "History", Desc: "Your past sessions and answers, with their feedback."},
		func(c common.Common) common.Screen { return history.New(c) }},
	{common.Section{ID: "stats", Key: "t", Title: "Stats", Desc: "Your scores over time, practice streak, weakest categories and readiness for each role."},
		func(c common.Common) common.Screen { return stats.New(c) }},
	{common.Section{ID: "mine", Key: "y", Title: "Your questions", Desc: "Add the questions you struggle with or heard in real interviews; practise and drill them like any other."},
		func(c common.Common) common.Screen { return mine.New(c) }},
	{common.Section{ID: "settings", Key: "c", Title: "Settings", Desc: "Where coach keeps your config and data, and how to change them."},
		func(c common.Common) common.Screen { return settings.New(c) }},
}

func menu() []common.Section {
	out := make([]common.Section, len(sections))
	for i, s := range sections {
		out[i] = s.Section
	}
	return out
}

func findSection(id common.SectionID) (section, bool) {
	for _, s := range sections {
		if s.ID == id {
			return s, true
		}
	}
	return section{}, false
}
