package resume

import (
	"fmt"
	"math"
	"strings"
	"unicode"
)

// Resume sections.
const (
	SecContact        = "contact" // the block above the first heading
	SecSummary        = "summary"
	SecSkills         = "skills"
	SecExperience     = "experience"
	SecEducation      = "education"
	SecCertifications = "certifications"
	SecProjects       = "projects"
	SecOther          = "other"
)

// resumeLine is one line of the resume, classified.
type resumeLine struct {
	text    string // markup and bullet marker removed
	section string
	heading bool
	bullet  bool
	mdLevel int // markdown heading level, 0 for none
}

type parsedResume struct {
	lines    []resumeLine
	headings map[string]string // section kind -> heading as written
	plain    string            // the text as an ATS reads it (markdown markup removed)
}

var (
	bulletMarker = lazyRegexp(`^\s*(?:[-*+•▪◦‣–—·●○■□➢➤►✓✔»›→]|\x{f0b7}|\x{f0a7}|\x{f076}|\x{f0d8}|\d{1,2}[.)])\s+`)
	mdLink       = lazyRegexp(`\[([^\]\n]*)\]\(([^)\s]*)\)`)
	mdEmphasis   = lazyRegexp(`\*+|(?:^|\b)_+|_+(?:\b|$)|` + "`")
	mdQuote      = lazyRegexp(`^\s*>\s?`)
	mdRule       = lazyRegexp(`^\s*(?:-{3,}|\*{3,}|_{3,})\s*$`)
)

// stripMarkdown turns one markdown line into what a converter would print.
func stripMarkdown(line string) (text string, level int) {
	if m := mdHeading().FindStringSubmatch(line); m != nil {
		level = len(m[1])
		line = m[2]
	}
	if mdRule().MatchString(line) {
		return "", 0
	}
	line = mdQuote().ReplaceAllString(line, "")
	line = mdLink().ReplaceAllStringFunc(line, func(s string) string {
		m := mdLink().FindStringSubmatch(s)
		if m[1] == m[2] || m[2] == "" {
			return m[1]
		}
		return m[1] + " (" + m[2] + ")"
	})
	// keep a leading "- " or "* " bullet marker; strip emphasis after it
	marker := bulletMarker().FindString(line)
	rest := mdEmphasis().ReplaceAllString(line[len(marker):], "")
	return marker + rest, level
}

// sectionHeading says whether a line names a resume section.
func sectionHeading(text string) (string, bool) {
	h := strings.ToLower(strings.TrimSpace(text))
	h = strings.TrimRight(h, ": ")
	h = strings.ReplaceAll(h, "&", " and ")
	h = strings.ReplaceAll(h, "/", " and ")
	h = strings.Join(strings.Fields(h), " ")
	if len(h) > 45 {
		return "", false
	}
	k, ok := sectionNames[h]
	return k, ok
}

// headingOf reads a section heading, including the first of two glued
// together by a two-column layout ("EXPERIENCE      SKILLS"); the plain-
// text test reports the glue.
func headingOf(text string) (kind, heading string, ok bool) {
	if kind, ok := sectionHeading(text); ok {
		return kind, text, true
	}
	if parts := gapSplit().Split(text, -1); len(parts) == 2 {
		if kind, ok := sectionHeading(parts[0]); ok {
			if _, ok := sectionHeading(parts[1]); ok {
				return kind, parts[0], true
			}
		}
	}
	words := strings.Fields(text)
	if len(words) <= 7 {
		for i := 1; i < len(words); i++ {
			first := strings.Join(words[:i], " ")
			a, okA := sectionHeading(first)
			_, okB := sectionHeading(strings.Join(words[i:], " "))
			if okA && okB {
				return a, first, true
			}
		}
	}
	return "", "", false
}

// bulletSections are where achievement bullets are expected.
var bulletSections = map[string]bool{SecExperience: true, SecProjects: true, SecOther: true}

func parseResume(doc Document) *parsedResume {
	raw := strings.Split(doc.Text, "\n")
	p := &parsedResume{headings: map[string]string{}, lines: make([]resumeLine, len(raw))}
	plain := make([]string, len(raw))
	current := SecContact
	for i, l := range raw {
		text, level := l, 0
		if doc.Format == Markdown {
			text, level = stripMarkdown(l)
		}
		plain[i] = strings.TrimRight(text, " \t")
		rl := resumeLine{mdLevel: level}
		if m := bulletMarker().FindString(text); m != "" && !(level > 0) {
			rl.bullet = true
			text = text[len(m):]
		}
		rl.text = strings.TrimSpace(text)
		if kind, heading, ok := headingOf(rl.text); ok && !rl.bullet {
			rl.heading = true
			current = kind
			if _, seen := p.headings[kind]; !seen {
				p.headings[kind] = strings.TrimRight(heading, ": ")
			}
		} else if level == 2 {
			// an unknown second-level heading starts a section of its own
			rl.heading = true
			current = SecOther
		} else if m := inlineLabel().FindStringSubmatch(rl.text); m != nil && m[2] != "" && !rl.bullet {
			if kind, ok := sectionHeading(m[1]); ok && kind != SecOther {
				current = kind
				if _, seen := p.headings[kind]; !seen {
					p.headings[kind] = strings.TrimSpace(m[1])
				}
			}
		}
		rl.section = current
		p.lines[i] = rl
	}
	// join bullets wrapped onto further lines: a line that starts in lower
	// case, or follows a long bullet with no full stop and is not a date
	last := -1
	for i := range p.lines {
		l := &p.lines[i]
		switch {
		case l.bullet:
			last = i
		case last >= 0 && !l.heading && l.text != "" && l.mdLevel == 0 && continues(p.lines[last].text, l.text):
			p.lines[last].text += " " + l.text
			l.text = ""
		default:
			last = -1
		}
	}
	p.plain = strings.Join(plain, "\n")
	return p
}

// continues reports whether next is the wrapped end of bullet.
func continues(bullet, next string) bool {
	for _, r := range next {
		if unicode.IsLower(r) {
			return true
		}
		break
	}
	ended := strings.HasSuffix(bullet, ".") || strings.HasSuffix(bullet, "!") || strings.HasSuffix(bullet, "?")
	return !ended && len(bullet) > 60 && !dateish().MatchString(next) && !bulletMarker().MatchString(next)
}

// Sections is the check of what a resume's sections hold.
type Sections struct {
	// Found lists the sections, in the order of Kinds, with what counts.
	Found   []SectionCheck `json:"found"`
	Contact Contact        `json:"contact"`
	// Placeholders are template fields left in, such as "[email address]".
	Placeholders []string `json:"placeholders,omitempty"`
	// Others are further sections recognised (projects, certifications...).
	Others []string `json:"others,omitempty"`
	Score  int      `json:"score"`
}

// SectionCheck is one expected section.
type SectionCheck struct {
	Kind    string `json:"kind"`
	Present bool   `json:"present"`
	Heading string `json:"heading,omitempty"` // as written
	Weight  int    `json:"weight"`            // of the 100 section points
	Points  int    `json:"points"`
}

// Contact is what the resume gives to reach its author.
type Contact struct {
	Email   bool `json:"email"`
	Phone   bool `json:"phone"`
	Profile bool `json:"profile"` // LinkedIn or GitHub
}

// Section weights out of 100.
var sectionWeights = []struct {
	kind   string
	weight int
}{{SecContact, 20}, {SecSummary, 15}, {SecSkills, 20}, {SecExperience, 30}, {SecEducation, 15}}

var (
	emailRe       = lazyRegexp(`[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}`)
	phoneRe       = lazyRegexp(`(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{6,}\d`)
	profileRe     = lazyRegexp(`(?i)linkedin\.com/in/\S+|github\.com/\S+|\blinkedin\b`)
	placeholderRe = lazyRegexp(`\[[^\]\n]{2,60}\]`)
)

func checkSections(p *parsedResume) Sections {
	s := Sections{}
	text := p.plain
	for _, ph := range placeholderRe().FindAllString(text, -1) {
		if !contains(s.Placeholders, ph) {
			s.Placeholders = append(s.Placeholders, ph)
		}
	}
	text = placeholderRe().ReplaceAllString(text, " ")
	s.Contact.Email = emailRe().MatchString(text)
	for _, m := range phoneRe().FindAllString(text, -1) {
		digits := 0
		for _, r := range m {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits >= 9 && digits <= 15 {
			s.Contact.Phone = true
		}
	}
	s.Contact.Profile = profileRe().MatchString(text)
	total := 0
	for _, sw := range sectionWeights {
		c := SectionCheck{Kind: sw.kind, Weight: sw.weight}
		if sw.kind == SecContact {
			pts := 0.0
			if s.Contact.Email {
				pts += 12
			}
			if s.Contact.Phone {
				pts += 4
			}
			if s.Contact.Profile {
				pts += 4
			}
			c.Points = int(pts)
			c.Present = pts > 0
		} else if h, ok := p.headings[sw.kind]; ok {
			c.Present, c.Heading, c.Points = true, h, sw.weight
		}
		total += c.Points
		s.Found = append(s.Found, c)
	}
	for _, k := range []string{SecProjects, SecCertifications, SecOther} {
		if _, ok := p.headings[k]; ok {
			s.Others = append(s.Others, k)
		}
	}
	s.Score = total
	return s
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Bullets is the check of the resume's achievement bullets.
type Bullets struct {
	Count int `json:"count"`
	// With* count the bullets that pass each test.
	WithVerb        int      `json:"with_action_verb"`
	WithResult      int      `json:"with_result"`
	WithGoodLength  int      `json:"with_good_length"`
	WithFirstPerson int      `json:"with_first_person"`
	Items           []Bullet `json:"items"`
	Score           int      `json:"score"`
}

// Bullet is one achievement bullet and what it shows.
type Bullet struct {
	Text    string `json:"text"`
	Section string `json:"section"`
	// Line is 1-based in the plain text.
	Line int `json:"line"`
	// Verb is the opening word.
	Verb       string `json:"verb"`
	ActionVerb bool   `json:"action_verb"`
	// Result is the number or outcome word found, "" for none.
	Result      string   `json:"result,omitempty"`
	Metric      bool     `json:"metric"` // the result is a number
	Chars       int      `json:"chars"`
	LengthOK    bool     `json:"length_ok"`
	FirstPerson []string `json:"first_person"`
	Score       int      `json:"score"`
	Advice      []string `json:"advice"`
}

// Bullet length limits in characters: one to two printed lines.
const (
	MinBulletChars = 40
	MaxBulletChars = 220
)

var (
	metricRe = lazyRegexp(`(?i)[$£€]\s?\d[\d,.]*\s?[kmb]?\+?|\d[\d,.]*\s?(?:%|percent\b|x\b|×|k\+?\b|m\+?\b|bn\b|tb\b|gb\b|pb\b|mb\b|ms\b|\+)|\b\d[\d,.]*\b`)
	yearRe   = lazyRegexp(`^(?:19|20)\d\d$`)
)

// metricIn returns the first number in s that is not a bare year.
func metricIn(s string) string {
	for _, m := range metricRe().FindAllString(s, -1) {
		m = strings.TrimRight(strings.TrimSpace(m), ".,")
		if yearRe().MatchString(m) || m == "" {
			continue
		}
		return m
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if numberWords[strings.Trim(w, ".,;:()")] {
			return strings.Trim(w, ".,;:()")
		}
	}
	return ""
}

func checkBullet(text, section string, line int) Bullet {
	b := Bullet{Text: text, Section: section, Line: line, Chars: len([]rune(text)),
		FirstPerson: []string{}, Advice: []string{}}
	words := strings.Fields(text)
	if len(words) > 0 {
		b.Verb = strings.Trim(words[0], ".,;:()\"'“”")
	}
	first := strings.ToLower(b.Verb)
	b.ActionVerb = actionVerbs[first]
	if m := metricIn(text); m != "" {
		b.Result, b.Metric = m, true
	} else {
		for _, w := range words {
			if lw := strings.ToLower(strings.Trim(w, ".,;:()")); outcomeWords[lw] {
				b.Result = lw
				break
			}
		}
	}
	b.LengthOK = b.Chars >= MinBulletChars && b.Chars <= MaxBulletChars
	for _, w := range words {
		w = strings.Trim(w, ".,;:()\"“”")
		if w == "I" || firstPerson[strings.ToLower(strings.ReplaceAll(w, "’", "'"))] {
			if !contains(b.FirstPerson, w) {
				b.FirstPerson = append(b.FirstPerson, w)
			}
		}
	}
	score := 0
	if b.ActionVerb {
		score += 30
	} else if weakOpeners[first] {
		b.Advice = append(b.Advice, fmt.Sprintf("“%s” describes a duty; open with what you did (Built, Cut, Led, Migrated…).", b.Verb))
	} else if sharedCredit[first] {
		b.Advice = append(b.Advice, fmt.Sprintf("“%s” hides your own part: open with what you did, then who you did it with.", b.Verb))
	} else {
		b.Advice = append(b.Advice, fmt.Sprintf("Open with an action verb (Built, Cut, Led, Migrated…) rather than “%s”.", b.Verb))
	}
	if b.Result != "" {
		score += 35
	} else {
		b.Advice = append(b.Advice, "Add a number or an outcome: how much faster, cheaper or larger, or for how many users?")
	}
	switch {
	case b.LengthOK:
		score += 20
	case b.Chars < MinBulletChars:
		b.Advice = append(b.Advice, "Too short to show scope and result: say what changed and by how much.")
	default:
		b.Advice = append(b.Advice, fmt.Sprintf("Over two lines (%d characters): keep the verb, the scope and the result, and cut the rest.", b.Chars))
	}
	if len(b.FirstPerson) == 0 {
		score += 15
	} else {
		b.Advice = append(b.Advice, fmt.Sprintf("Drop “%s”: resume bullets leave out the subject.", strings.Join(b.FirstPerson, "”, “")))
	}
	b.Score = score
	return b
}

func checkBullets(p *parsedResume) Bullets {
	out := Bullets{Items: []Bullet{}}
	anySection := len(p.headings) > 0
	total := 0
	for i, l := range p.lines {
		if !l.bullet || l.text == "" {
			continue
		}
		if anySection && !bulletSections[l.section] {
			continue
		}
		b := checkBullet(l.text, l.section, i+1)
		out.Items = append(out.Items, b)
		total += b.Score
		if b.ActionVerb {
			out.WithVerb++
		}
		if b.Result != "" {
			out.WithResult++
		}
		if b.LengthOK {
			out.WithGoodLength++
		}
		if len(b.FirstPerson) > 0 {
			out.WithFirstPerson++
		}
	}
	out.Count = len(out.Items)
	if out.Count > 0 {
		out.Score = int(math.Round(float64(total) / float64(out.Count)))
	}
	return out
}

// Length is the check of how long the resume is.
type Length struct {
	Words int `json:"words"`
	Pages int `json:"pages"`
	// PagesEstimated is true when pages are guessed from words (500 a page).
	PagesEstimated bool   `json:"pages_estimated"`
	Score          int    `json:"score"`
	Note           string `json:"note"`
}

// Word counts for full length marks: one to two pages.
const (
	MinWords = 350
	MaxWords = 900
)

func checkLength(p *parsedResume, doc Document) Length {
	l := Length{Words: len(wordPattern().FindAllString(p.plain, -1)), Pages: doc.Pages}
	if l.Pages == 0 {
		l.Pages = max(1, int(math.Round(float64(l.Words)/500)))
		l.PagesEstimated = true
	}
	w := float64(l.Words)
	switch {
	case l.Words < 150:
		l.Score = 20
		l.Note = fmt.Sprintf("%d words is very short: a recruiter cannot see scope or results; aim for %d–%d.", l.Words, MinWords, MaxWords)
	case l.Words < MinWords:
		l.Score = int(math.Round(20 + 80*(w-150)/float64(MinWords-150)))
		l.Note = fmt.Sprintf("%d words is on the short side; one full page is about %d–500.", l.Words, MinWords)
	case l.Words <= MaxWords:
		l.Score = 100
		l.Note = fmt.Sprintf("%d words, about %d page%s: a good length.", l.Words, l.Pages, plural(l.Pages))
	case l.Words <= 1300:
		l.Score = int(math.Round(100 - 60*(w-MaxWords)/400))
		l.Note = fmt.Sprintf("%d words is long: keep the last ten years and the bullets that match the posting.", l.Words)
	default:
		l.Score = 40
		l.Note = fmt.Sprintf("%d words is far beyond two pages: a recruiter will not read it all.", l.Words)
	}
	if !l.PagesEstimated && l.Pages > 2 {
		l.Score = min(l.Score, 60)
		l.Note = fmt.Sprintf("%d pages: two is the most a recruiter reads for an engineering role.", l.Pages)
	}
	return l
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// PlainText is the plain-text test: the text an ATS extracts, and what
// was lost or garbled on the way.
type PlainText struct {
	// Text is what an ATS reads (markdown markup removed for .md files).
	Text string `json:"text"`
	// Lost are lines with characters that read as nothing or as garbage.
	Lost []Flag `json:"lost_characters"`
	// Merged are lines where two columns, a table or two headings were
	// read as one line.
	Merged []Flag `json:"merged_columns"`
	Score  int    `json:"score"`
}

// Flag is one line of the plain text with a problem.
type Flag struct {
	// Line is 1-based in Text.
	Line  int    `json:"line"`
	Text  string `json:"text"`
	Issue string `json:"issue"`
	Count int    `json:"count"` // characters lost; 1 for a merged line
}

var (
	wideGapRe = lazyRegexp(`\S(?: {3,}|\t+ *)\S`)
	dateish   = lazyRegexp(`(?i)\b(?:(?:19|20)\d\d|present|current|now|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|remote)\b`)
	gapSplit  = lazyRegexp(` {3,}|\t+ *`)
)

// lostKind names a character an ATS cannot use, or "".
func lostKind(r rune) string {
	switch {
	case r == '\uFFFD':
		return "unreadable glyph (�)"
	case r >= '\uFB00' && r <= '\uFB06':
		return "ligature (" + string(r) + ")"
	case r >= '\uE000' && r <= '\uF8FF', r >= 0xF0000:
		return "private-use glyph (an icon or symbol-font bullet)"
	case r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF' || r == '\u00AD':
		return "invisible character"
	}
	return ""
}

func checkPlainText(p *parsedResume) PlainText {
	pt := PlainText{Text: p.plain, Lost: []Flag{}, Merged: []Flag{}}
	lost, merged := 0, 0
	for i, line := range strings.Split(p.plain, "\n") {
		kinds := map[string]int{}
		var order []string
		n := 0
		for _, r := range line {
			if k := lostKind(r); k != "" {
				if kinds[k] == 0 {
					order = append(order, k)
				}
				kinds[k]++
				n++
			}
		}
		if n > 0 {
			var parts []string
			for _, k := range order {
				parts = append(parts, fmt.Sprintf("%d %s", kinds[k], k))
			}
			pt.Lost = append(pt.Lost, Flag{Line: i + 1, Text: line, Issue: strings.Join(parts, ", "), Count: n})
			lost += n
		}
		if issue := mergedIssue(line); issue != "" {
			pt.Merged = append(pt.Merged, Flag{Line: i + 1, Text: line, Issue: issue, Count: 1})
			merged++
		}
	}
	pt.Score = max(0, 100-min(50, 10*lost)-min(60, 15*merged))
	return pt
}

// mergedIssue says why a line looks like two columns read as one, or "".
func mergedIssue(line string) string {
	t := strings.TrimSpace(line)
	if strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 3 {
		if strings.Trim(t, "|-: ") == "" {
			return ""
		}
		return "a table row: many ATS read tables cell by cell, or skip them"
	}
	if twoHeadings(t) {
		return "two section headings on one line: the page was read across two columns"
	}
	if !wideGapRe().MatchString(t) {
		return ""
	}
	parts := gapSplit().Split(t, -1)
	var texty []string
	for _, p := range parts {
		if strings.IndexFunc(p, unicode.IsLetter) >= 0 {
			texty = append(texty, p)
		}
	}
	if len(texty) < 2 {
		return ""
	}
	for _, p := range parts {
		if kind, ok := sectionHeading(p); ok && kind != "" && len(parts) == 2 {
			if _, ok2 := sectionHeading(parts[0]); ok2 {
				return "two section headings on one line: the page was read across two columns"
			}
		}
	}
	// a right-aligned date or place after a title is fine
	last := parts[len(parts)-1]
	if len(parts) == 2 && len([]rune(last)) <= 30 && dateish().MatchString(last) {
		return ""
	}
	return "text from two columns glued on one line"
}

// twoHeadings reports a line made of two section names ("Experience
// Skills"), as a reader crossing two columns produces.
func twoHeadings(line string) bool {
	words := strings.Fields(strings.TrimRight(line, ":"))
	if len(words) < 2 || len(words) > 7 {
		return false
	}
	if _, ok := sectionHeading(line); ok {
		return false
	}
	for i := 1; i < len(words); i++ {
		_, a := sectionHeading(strings.Join(words[:i], " "))
		_, b := sectionHeading(strings.Join(words[i:], " "))
		if a && b {
			return true
		}
	}
	return false
}
