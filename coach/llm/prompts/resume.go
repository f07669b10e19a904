package prompts

import (
	"strings"

	"github.com/coach-tui/coach/questions"
)

type tailorData struct{ Resume, Posting string }

// Tailor builds the streamed resume-tailoring prompt: likely interview
// questions and bullet rewrites for this resume against this posting (the
// posting may be empty). Check the reply with MarkInvented before showing
// it: the prompt forbids invented figures, but models still add them.
func Tailor(resume, posting string) Prompt {
	d := tailorData{strings.TrimSpace(resume), strings.TrimSpace(posting)}
	return render("tailor", d, []string{resume, posting}, func(f []string) Prompt {
		return Tailor(f[0], f[1])
	})
}

// Invented lists the figures in output that do not appear in any source
// (the resume, and the posting when there is one, since a rewrite may echo
// its "5+ years"): numbers with their units or suffixes such as 40%, 2.5x,
// $1.2M, 10k, 3 years, 99.95%, 2019. Each is listed once, as first
// written, in order of appearance.
//
// Figures are compared by value, so "40 %" matches "40%", "1,200" matches
// "1200" and "10k" matches "10,000"; a bare number matches the same number
// with any unit ("40" is in a resume that says "40%"), but different units
// do not match ("3x" is not "3 years"). Currency signs and a trailing "+"
// are ignored. Placeholders ([X%], [3]), list numbering, headings, item
// labels ("Question 3"), URLs and digits inside words (S3, k8s, p99) are
// not figures. Numbers written as
// words ("three years") are not read, on either side.
func Invented(output string, sources ...string) []string {
	_, list := invented(output, sources)
	return list
}

// inventedMark follows an invented figure in MarkInvented's output.
const inventedMark = "⚠"

// StripMarks removes the warning signs a model wrote itself, so that a ⚠
// on screen always means this program checked a figure and found it in
// no source.
func StripMarks(s string) string {
	if !strings.Contains(s, inventedMark) {
		return s
	}
	return strings.NewReplacer(" "+inventedMark+"\uFE0F", "", " "+inventedMark, "", inventedMark+"\uFE0F", "", inventedMark, "").Replace(s)
}

// HasInvented reports whether s, a model's text that went through
// FlagInvented or MarkInvented, holds a figure found in no source.
func HasInvented(s string) bool { return strings.Contains(s, inventedMark) }

// FlagInvented marks the figures in the question's text, key points and
// outline that are in none of the sources (the posting, the resume) with a
// following " ⚠", after removing any the model wrote, and returns the
// distinct figures. The model's posting questions may invent a number
// ("37 payment ledgers") that the candidate would otherwise take as fact.
func FlagInvented(q *questions.Question, sources ...string) []string {
	var all []string
	flag := func(s string) string {
		s = StripMarks(s)
		figs, list := invented(s, sources)
		all = append(all, list...)
		var b strings.Builder
		last := 0
		for _, f := range figs {
			b.WriteString(s[last:f.end] + " " + inventedMark)
			last = f.end
		}
		return b.String() + s[last:]
	}
	q.Text = flag(q.Text)
	q.Outline = flag(q.Outline)
	for i := range q.KeyPoints {
		q.KeyPoints[i].Point = flag(q.KeyPoints[i].Point)
	}
	return all
}

// MarkInvented returns output with each invented figure (see Invented) in
// bold and followed by a warning sign, "**40%** ⚠", and the list of them.
// A figure already inside bold or inline code only gets the sign, so the
// markdown stays well formed.
func MarkInvented(output string, sources ...string) (string, []string) {
	output = StripMarks(output)
	figs, list := invented(output, sources)
	if len(figs) == 0 {
		return output, list
	}
	var b strings.Builder
	last := 0
	for _, f := range figs {
		text := output[f.start:f.end]
		b.WriteString(output[last:f.start])
		lineStart := strings.LastIndexByte(output[:f.start], '\n') + 1
		before := output[lineStart:f.start]
		if strings.Count(before, "**")%2 == 1 || strings.Count(before, "`")%2 == 1 {
			b.WriteString(text + " " + inventedMark)
		} else {
			b.WriteString("**" + text + "** " + inventedMark)
		}
		last = f.end
	}
	b.WriteString(output[last:])
	return b.String(), list
}

// invented returns every invented figure in output and the list of
// distinct ones.
func invented(output string, sources []string) ([]figure, []string) {
	known := map[string]map[string]bool{} // value -> units seen with it
	for _, src := range sources {
		for _, f := range figures(src, false) {
			if known[f.value] == nil {
				known[f.value] = map[string]bool{}
			}
			known[f.value][f.unit] = true
		}
	}
	var figs []figure
	var list []string
	listed := map[string]bool{}
	for _, f := range figures(output, true) {
		units := known[f.value]
		if units[f.unit] || units[""] || (f.unit == "" && len(units) > 0) {
			continue
		}
		figs = append(figs, f)
		if !listed[f.key()] {
			listed[f.key()] = true
			list = append(list, output[f.start:f.end])
		}
	}
	return figs, list
}
