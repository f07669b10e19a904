package resume

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coach-tui/coach/coach/skills"
	"github.com/coach-tui/coach/coach/words"
	"github.com/coach-tui/coach/questions"
)

// SchemaVersion is the version of the Report JSON shape; it changes only
// when a field is renamed or removed.
const SchemaVersion = 1

// Report is a resume reviewed against a job posting. It marshals to the
// JSON that `coach resume review --json` prints (schema 1):
//
//	{
//	  "schema": 1,
//	  "resume":  {"file": "cv.pdf", "format": "pdf",    // md, txt, pdf or docx
//	              "pages": 1,                           // a PDF's pages; 0 for other formats
//	              "words": 512},
//	  "posting": {"title": "Senior Backend Engineer", "role": "senior-backend", // "" when unknown
//	              "company": "Northwind Ledger",        // omitted when the posting names none
//	              "level": "senior",                    // junior, mid or senior
//	              "words": 410,
//	              "sections": [{"kind": "required", "heading": "Requirements", "line": 9}],
//	              "keywords": [Keyword...],             // every skill it names, heaviest first
//	              "other_terms": [Term...]},
//	  "score": 78,               // 0-100: the parts' points added and rounded
//	  "relevance": 1,            // 0-1: (keywords.technical_coverage - 0.2) / 0.3, clamped
//	  "breakdown": [             // always these five parts, in this order
//	    {"part": "keywords", "name": "Keyword coverage", "weight": 50, "score": 71,
//	     "scaled": false, "points": 35.5, "detail": "17 of 24 posting keywords, 71% of their weight"},
//	    {"part": "sections", ...}, {"part": "bullets", ...},
//	    {"part": "length", ...}, {"part": "plain_text", ...}  // "scaled": true: points × relevance
//	  ],
//	  "keywords": {
//	    "coverage": 0.71,            // weighted share of the posting's keywords matched, 0-1
//	    "technical_coverage": 0.8,   // the same over technical and hard skills only
//	    "matched": [{"skill": "postgresql", "name": "PostgreSQL", "group": "technical",
//	                 "area": "databases", "section": "required", "mentions": 2,
//	                 "weight": 4.5, "as": ["PostgreSQL", "Postgres"],
//	                 "source": "skills",       // skills (coach's list), related ("related:ec2",
//	                                           // with "under": "AWS") or posting ("posting:pytorch")
//	                 "alternatives": ["Go", "Java"], "matched_as": "Go", // "Go or Java": omitted when none
//	                 "found_in": ["skills", "experience"], "resume_mentions": 3}],
//	    "missing": [{"skill": "kafka", ... same posting fields ...,
//	                 "belongs": "skills",           // or "experience"
//	                 "advice": "If you have used Apache Kafka, list it under Messaging..."}],
//	    "other_terms": [{"term": "payments", "count": 3, "in_resume": false}]
//	  },
//	  "sections": {"found": [{"kind": "contact", "present": true, "weight": 20, "points": 16},
//	                         {"kind": "summary", "present": true, "heading": "Summary",
//	                          "weight": 15, "points": 15}, ...skills, experience, education],
//	               "contact": {"email": true, "phone": false, "profile": true},
//	               "placeholders": ["[email address]"],   // omitted when none
//	               "others": ["certifications"],          // omitted when none
//	               "score": 96},
//	  "bullets": {"count": 8, "with_action_verb": 8, "with_result": 8,
//	              "with_good_length": 8, "with_first_person": 0, "score": 100,
//	              "items": [{"text": "Built ...", "section": "experience", "line": 21,
//	                         "verb": "Built", "action_verb": true, "result": "40%",
//	                         "metric": true, "chars": 131, "length_ok": true,
//	                         "first_person": [], "score": 100, "advice": []}]},
//	  "length": {"words": 512, "pages": 2, "pages_estimated": true, "score": 100,
//	             "note": "512 words, about 2 pages: a good length."},
//	  "plain_text": {"text": "Sarah Chen\n...",     // what an ATS extracts
//	                 "lost_characters": [{"line": 3, "text": "...", "issue": "1 ligature (ﬁ)", "count": 1}],
//	                 "merged_columns": [{"line": 7, "text": "...", "issue": "text from two columns glued on one line", "count": 1}],
//	                 "score": 100},
//	  "requirements": [{"kind": "years",            // years, degree, certification, licence,
//	                                               // clearance, work_authorisation, location
//	                    "text": "5+ years of backend experience", "line": 12,
//	                    "hard": true,              // in the requirements or said with "must"
//	                    "status": "met",           // met, not found or can't tell
//	                    "detail": "The dated roles span 9.0 years, against 5 asked."}],
//	  "capped": false,           // true: a hard requirement is not met, score cut to 60
//	  "recruiter_search": {"terms": ["Go OR Java", "PostgreSQL", ...], // the five heaviest, as written
//	                       "missing": ["PostgreSQL"], "found": false, "detail": "A recruiter searching..."},
//	  "findings": [{"part": "keywords", "text": "Required by the posting and missing..."}],
//	  "questions": [
//	    {"text": "...", "kind": "technical", "source": "bank", "id": "db-explain-composite-index",
//	     "skill": "Query optimisation", "why": "The posting asks for ..."},
//	    {"text": "You wrote “...60% faster...”. How did you measure that, ...", "kind": "behavioral",
//	     "source": "resume", "id": "resume-line-21", "bullet": "Spearheaded ...", "line": 21,
//	     "why": "It carries a number; interviewers check how numbers were measured."}]
//	}
//
// Lists are [] rather than null except where marked "omitted when none";
// found_in and resume_mentions appear on matched keywords only, belongs
// and advice on missing ones; line numbers are 1-based in plain_text.text.
// Keyword weights, the score parts and their weights are described in the
// package documentation.
type Report struct {
	Schema    int           `json:"schema"`
	Resume    ResumeInfo    `json:"resume"`
	Posting   *Posting      `json:"posting"`
	Score     int           `json:"score"`
	Relevance float64       `json:"relevance"`
	Breakdown []Part        `json:"breakdown"`
	Keywords  KeywordResult `json:"keywords"`
	Sections  Sections      `json:"sections"`
	Bullets   Bullets       `json:"bullets"`
	Length    Length        `json:"length"`
	PlainText PlainText     `json:"plain_text"`
	// Requirements are the posting's knock-out requirements, checked
	// against the resume.
	Requirements []Requirement `json:"requirements"`
	// Capped says the score was cut to KnockoutCap because a hard
	// requirement is not met.
	Capped bool `json:"capped"`
	// Search is whether a recruiter searching for the posting's heaviest
	// terms, exactly as written, would find the resume.
	Search    Search           `json:"recruiter_search"`
	Findings  []Finding        `json:"findings"`
	Questions []LikelyQuestion `json:"questions"`
}

// ResumeInfo names the file reviewed.
type ResumeInfo struct {
	File   string `json:"file"`
	Format Format `json:"format"`
	// Pages is a PDF's page count; 0 for formats without pages (the
	// length check estimates them).
	Pages int `json:"pages"`
	Words int `json:"words"`
}

// Part is one part of the score.
type Part struct {
	// Part is keywords, sections, bullets, length or plain_text.
	Part string `json:"part"`
	Name string `json:"name"`
	// Weight is the most points the part can earn.
	Weight int `json:"weight"`
	// Score is the part on its own, 0-100.
	Score int `json:"score"`
	// Scaled parts are multiplied by the report's relevance.
	Scaled bool `json:"scaled"`
	// Points = Weight × Score / 100 (× relevance when scaled).
	Points float64 `json:"points"`
	Detail string  `json:"detail"`
}

// Score weights: they add up to 100.
const (
	WeightKeywords  = 50
	WeightSections  = 15
	WeightBullets   = 15
	WeightLength    = 10
	WeightPlainText = 10
)

// FullRelevanceCoverage is the technical keyword coverage from which the
// resume's own qualities count in full; below NoRelevanceCoverage they
// count for nothing. A resume that shares a fifth of a posting's technical
// weight shares the vocabulary of the trade, not the job.
const (
	FullRelevanceCoverage = 0.5
	NoRelevanceCoverage   = 0.2
)

// relevance rises from 0 at NoRelevanceCoverage to 1 at
// FullRelevanceCoverage.
func relevance(technical float64) float64 {
	return round2(math.Max(0, math.Min(1, (technical-NoRelevanceCoverage)/(FullRelevanceCoverage-NoRelevanceCoverage))))
}

// KeywordResult is the posting's keywords split by whether the resume
// names them.
type KeywordResult struct {
	// Coverage is the weighted share of the posting's keywords matched.
	Coverage float64 `json:"coverage"`
	// TechnicalCoverage is the same share over technical and hard skills
	// only; it decides the relevance. A posting that names none has 0.
	TechnicalCoverage float64 `json:"technical_coverage"`
	// Matched and Missing are heaviest first.
	Matched    []Keyword `json:"matched"`
	Missing    []Keyword `json:"missing"`
	OtherTerms []Term    `json:"other_terms"`
}

// Finding is one thing to change, most useful first.
type Finding struct {
	Part string `json:"part"`
	Text string `json:"text"`
}

// Options tune a review; the zero value uses the embedded taxonomy and
// question bank.
type Options struct {
	Matcher *Matcher
	Bank    *questions.Bank
	// BankQuestions and ResumeQuestions cap the likely questions of each
	// source (defaults 6 and 5).
	BankQuestions, ResumeQuestions int
	// Now is the date a role "to Present" ends on (default: today).
	Now time.Time
}

// ErrEmptyPosting is returned when the job posting has no text.
var ErrEmptyPosting = errors.New("the job posting is empty: paste its text or give the file it is in")

// Review reviews a resume against a job posting. It is deterministic: the
// same inputs (Options.Now included) always give the same report.
func Review(doc Document, posting string, opt Options) (*Report, error) {
	if err := CheckPosting(posting); err != nil {
		return nil, err
	}
	if err := checkResumeText(doc.Text); err != nil {
		return nil, err
	}
	m := opt.Matcher
	if m == nil {
		var err error
		if m, err = DefaultMatcher(); err != nil {
			return nil, err
		}
	}
	bank := opt.Bank
	if bank == nil {
		var err error
		if bank, err = questions.Default(); err != nil {
			return nil, err
		}
	}
	if opt.BankQuestions == 0 {
		opt.BankQuestions = 6
	}
	if opt.ResumeQuestions == 0 {
		opt.ResumeQuestions = 5
	}

	r := &Report{Schema: SchemaVersion, Posting: m.AnalyzePosting(posting)}
	p := parseResume(doc)
	r.Sections = checkSections(p)
	r.Bullets = checkBullets(p)
	r.Length = checkLength(p, doc)
	r.PlainText = checkPlainText(p)
	r.Resume = ResumeInfo{File: doc.Name, Format: doc.Format, Pages: r.Length.Pages, Words: r.Length.Words}
	if r.Length.PagesEstimated {
		r.Resume.Pages = 0
	}
	r.Keywords = matchKeywords(m, p, r.Posting)

	r.Relevance = relevance(r.Keywords.TechnicalCoverage)
	kwScore := int(math.Round(100 * r.Keywords.Coverage))
	r.Breakdown = []Part{
		{Part: "keywords", Name: "Keyword coverage", Weight: WeightKeywords, Score: kwScore,
			Detail: keywordDetail(r.Keywords)},
		{Part: "sections", Name: "Sections", Weight: WeightSections, Score: r.Sections.Score, Scaled: true,
			Detail: sectionDetail(r.Sections)},
		{Part: "bullets", Name: "Bullet quality", Weight: WeightBullets, Score: r.Bullets.Score, Scaled: true,
			Detail: bulletDetail(r.Bullets)},
		{Part: "length", Name: "Length", Weight: WeightLength, Score: r.Length.Score, Scaled: true,
			Detail: r.Length.Note},
		{Part: "plain_text", Name: "Plain-text test", Weight: WeightPlainText, Score: r.PlainText.Score, Scaled: true,
			Detail: plainDetail(r.PlainText)},
	}
	total := 0.0
	for i := range r.Breakdown {
		pt := &r.Breakdown[i]
		pts := float64(pt.Weight) * float64(pt.Score) / 100
		if pt.Scaled {
			pts *= r.Relevance
		}
		pt.Points = round1(pts)
		total += pts
	}
	r.Score = int(math.Round(total))
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	r.Requirements = checkRequirements(slices.Clone(r.Posting.requirements), p, now)
	if r.Requirements == nil {
		r.Requirements = []Requirement{}
	}
	for _, q := range r.Requirements {
		if q.Hard && q.Status == NotFound && r.Score > KnockoutCap {
			r.Score, r.Capped = KnockoutCap, true
		}
	}
	r.Search = recruiterSearch(r.Posting.Keywords, p.plain)
	r.Findings = findings(r)
	r.Questions = likelyQuestions(r, bank, doc, opt)
	return r, nil
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// matchKeywords finds where the resume names each of the posting's
// keywords, and where the missing ones would belong.
func matchKeywords(m *Matcher, p *parsedResume, post *Posting) KeywordResult {
	res := KeywordResult{Matched: []Keyword{}, Missing: []Keyword{}, OtherTerms: []Term{}}
	// search line by line so each mention has its section
	found := map[string][]string{}
	mentions := map[string]int{}
	for _, l := range p.lines {
		if l.text == "" {
			continue
		}
		ms := m.Find(l.text)
		if post.own != nil {
			ms = append(ms, post.own.Find(l.text)...)
		}
		for _, mt := range ms {
			id := mt.Key
			mentions[id]++
			if !contains(found[id], l.section) {
				found[id] = append(found[id], l.section)
			}
		}
	}
	var role *skills.Role
	if post.Role != "" {
		role, _ = skills.RoleByID(post.Role)
	}
	var total, got, techTotal, techGot float64
	for _, k := range post.Keywords {
		tech := k.Group != string(skills.Soft)
		total += k.Weight
		if tech {
			techTotal += k.Weight
		}
		keys := k.keys
		if len(keys) == 0 {
			keys = []string{k.Skill}
		}
		hit := false
		for i, key := range keys {
			if secs, ok := found[key]; ok && !hit {
				hit = true
				k.FoundIn, k.ResumeMentions = secs, mentions[key]
				if len(k.Alternatives) > 0 {
					// practise the alternative the resume has
					k.MatchedAs = k.Alternatives[i]
					if i < len(k.skillIDs) {
						k.skillIDs = k.skillIDs[i : i+1]
					}
				}
			}
		}
		if hit {
			got += k.Weight
			if tech {
				techGot += k.Weight
			}
			res.Matched = append(res.Matched, k)
			continue
		}
		k.Belongs, k.Advice = belongs(k, role)
		res.Missing = append(res.Missing, k)
	}
	if total > 0 {
		res.Coverage = round2(got / total)
	}
	if techTotal > 0 {
		res.TechnicalCoverage = round2(techGot / techTotal)
	}
	lowResume := strings.ToLower(p.plain)
	for _, t := range post.OtherTerms {
		t.InResume = containsWord(lowResume, strings.ToLower(t.Term))
		res.OtherTerms = append(res.OtherTerms, t)
	}
	return res
}

// containsWord reports whether w appears in s as a whole word, or with a
// plural s.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		before := start == 0 || !isWordRune(rune(s[start-1]))
		if end < len(s) && s[end] == 's' {
			end++
		}
		after := end >= len(s) || !isWordRune(rune(s[end]))
		if before && after {
			return true
		}
		i = start + 1
	}
}

var areaTitles = map[string]string{
	"languages": "Languages", "frameworks": "Frameworks", "frontend": "Frontend", "apis": "APIs",
	"infrastructure": "Infrastructure", "databases": "Databases", "architecture": "Architecture",
	"messaging": "Messaging", "data": "Data", "practices": "Practices", "cloud": "Cloud",
	"security": "Security", "containers": "Containers", "delivery": "Delivery",
	"observability": "Observability", "reliability": "Reliability", "testing": "Testing",
	"platform": "Platform", "soft": "Ways of working",
}

// belongs says where a missing keyword would go and how to add it: tools,
// languages and platforms in the Skills list; practices and soft skills in
// an Experience bullet that shows them. The posting's role, when known,
// gives its own advice on showing the skill.
func belongs(k Keyword, role *skills.Role) (string, string) {
	show := ""
	if role != nil {
		for _, g := range role.Groups() {
			for _, rs := range g.Skills {
				if rs.ID == k.Skill {
					show = " " + strings.TrimSpace(rs.Show)
				}
			}
		}
	}
	area := areaTitles[k.Area]
	if area == "" {
		area = k.Area
	}
	switch skills.Group(k.Group) {
	case skills.Technical:
		where := "in Skills"
		if area != "" {
			where = "under " + area + " in Skills"
		}
		return "skills", fmt.Sprintf("If you have used %s, list it %s, spelled as the posting does (%s), and name it in the bullet where you used it.%s",
			k.Name, where, k.As[0], show)
	case skills.Soft:
		return "experience", fmt.Sprintf("Show %s through a bullet's result rather than listing it as a trait.%s", strings.ToLower(k.Name), show)
	}
	return "experience", fmt.Sprintf("Show %s in an Experience bullet: what you did, at what scale, and what changed.%s", k.Name, show)
}

func keywordDetail(k KeywordResult) string {
	n := len(k.Matched) + len(k.Missing)
	if n == 0 {
		return "the posting names no skill from coach's taxonomy"
	}
	return fmt.Sprintf("%d of %d posting keywords, %d%% of their weight", len(k.Matched), n, int(math.Round(100*k.Coverage)))
}

func sectionDetail(s Sections) string {
	var have, miss []string
	for _, f := range s.Found {
		if f.Present {
			have = append(have, f.Kind)
		} else {
			miss = append(miss, f.Kind)
		}
	}
	d := "has " + joinOr(have, "none")
	if len(miss) > 0 {
		d += "; missing " + strings.Join(miss, ", ")
	}
	return d
}

func bulletDetail(b Bullets) string {
	if b.Count == 0 {
		return "no experience bullets found"
	}
	return fmt.Sprintf("%s: %d open with an action verb, %d show a number or outcome, %d are one to two lines, %d use the first person",
		countOf(b.Count, "bullet", "bullets"), b.WithVerb, b.WithResult, b.WithGoodLength, b.WithFirstPerson)
}

func plainDetail(p PlainText) string {
	lost := 0
	for _, f := range p.Lost {
		lost += f.Count
	}
	if lost == 0 && len(p.Merged) == 0 {
		return "reads cleanly as plain text"
	}
	return fmt.Sprintf("%d lost character%s, %d merged line%s", lost, plural(lost), len(p.Merged), plural(len(p.Merged)))
}

func joinOr(list []string, none string) string {
	if len(list) == 0 {
		return none
	}
	return strings.Join(list, ", ")
}

// names lists keyword names as "A, B and C".
func names(ks []Keyword, n int) string {
	var out []string
	for i, k := range ks {
		if i == n {
			out = append(out, fmt.Sprintf("%d more", len(ks)-n))
			break
		}
		out = append(out, k.Name)
	}
	return words.And(out)
}

// findings lists what to change, the changes worth most points first.
func findings(r *Report) []Finding {
	out := []Finding{}
	add := func(part, format string, args ...any) {
		out = append(out, Finding{part, fmt.Sprintf(format, args...)})
	}
	kw := r.Keywords
	for _, q := range r.Requirements {
		if q.Hard && q.Status == NotFound {
			add("requirements", "The posting requires this and the resume does not show it (%s): “%s”. If you meet it, say so in the words the posting uses; if not, expect an ATS knock-out question to screen you out.",
				strings.TrimSuffix(q.Detail, "."), truncate(q.Text, 120))
		}
	}
	if r.Capped {
		add("requirements", "The score is capped at %d because of the hard requirement%s above.", KnockoutCap, singularS(r.Requirements))
	}
	if len(kw.Matched)+len(kw.Missing) == 0 {
		add("keywords", "The posting names no skill, tool or repeated phrase to match: is the whole posting there?")
	} else if r.Relevance < 1 {
		if kw.TechnicalCoverage == 0 && !hasTechnical(kw) {
			add("keywords", "The posting asks for no technical skill coach knows, only ways of working, so the resume's own qualities count for nothing here: is this the job you meant?")
		} else {
			add("keywords", "Your resume names %d%% of the technical skills this posting asks for (by weight), so the rest of the score is scaled down to %d%%: this resume is not yet aimed at this job.",
				pct(kw.TechnicalCoverage), pct(r.Relevance))
		}
	}
	var required, other []Keyword
	for _, k := range kw.Missing {
		if k.Section == PostRequired {
			required = append(required, k)
		} else {
			other = append(other, k)
		}
	}
	if len(required) > 0 {
		add("keywords", "Required by the posting and missing from your resume: %s. Add the ones you have really used; expect a question on each.", names(required, 6))
	}
	if len(other) > 0 {
		add("keywords", "Also in the posting but not in your resume: %s.", names(other, 6))
	}
	var onlyListed []Keyword
	for _, k := range kw.Matched {
		if k.Group != string(skills.Soft) && k.Weight >= 3 && len(k.FoundIn) == 1 && k.FoundIn[0] == SecSkills {
			onlyListed = append(onlyListed, k)
		}
	}
	if !r.Search.Found && len(r.Search.Terms) > 0 && r.Relevance > 0 {
		add("keywords", "%s", r.Search.Detail)
	}
	if len(onlyListed) > 0 {
		add("keywords", "%s appear%s only in your Skills list: name %s in a bullet that shows where you used %s.",
			names(onlyListed, 5), singular(len(onlyListed)), them(len(onlyListed)), them(len(onlyListed)))
	}
	for _, f := range r.Sections.Found {
		if f.Kind == SecContact {
			c := r.Sections.Contact
			var miss []string
			if !c.Email {
				miss = append(miss, "an email address")
			}
			if !c.Phone {
				miss = append(miss, "a phone number")
			}
			if !c.Profile {
				miss = append(miss, "a LinkedIn or GitHub link")
			}
			if len(miss) > 0 {
				add("sections", "Not found: %s. A recruiter who likes the resume needs a way to reach you.", words.And(miss))
			}
			continue
		}
		if !f.Present {
			add("sections", "No %s section found: add one with a plain heading (%q) so an ATS files it correctly.", f.Kind, headingFor(f.Kind))
		}
	}
	if len(r.Sections.Placeholders) > 0 {
		add("sections", "Template placeholders left in: %s. Replace them with your details or delete them.", strings.Join(r.Sections.Placeholders, ", "))
	}
	b := r.Bullets
	if b.Count == 0 {
		add("bullets", "No bullet points found under Experience: list each role's achievements as bullets (one line each, starting with a verb).")
	} else {
		if n := b.Count - b.WithResult; n > 0 {
			add("bullets", "%d of %d bullets show no number or outcome, e.g. “%s”: add how much, how many or what changed.", n, b.Count, firstBullet(b, func(x Bullet) bool { return x.Result == "" }))
		}
		if n := b.Count - b.WithVerb; n > 0 {
			add("bullets", "%s open with an action verb, e.g. “%s”.", countOf(n, "bullet does not", "bullets do not"), firstBullet(b, func(x Bullet) bool { return !x.ActionVerb }))
		}
		if n := b.WithFirstPerson; n > 0 {
			add("bullets", "%s the first person (I, my, we): drop the subject.", countOf(n, "bullet uses", "bullets use"))
		}
		if n := b.Count - b.WithGoodLength; n > 0 {
			add("bullets", "%s shorter than %d or longer than %d characters: aim for one to two lines.", countOf(n, "bullet is", "bullets are"), MinBulletChars, MaxBulletChars)
		}
	}
	if r.Length.Score < 100 {
		add("length", "%s", r.Length.Note)
	}
	if n := len(r.PlainText.Lost); n > 0 {
		add("plain_text", "%d line%s lose characters in plain text (%s, line %d): use plain bullets and standard fonts, and retype ligatures.", n, plural(n), r.PlainText.Lost[0].Issue, r.PlainText.Lost[0].Line)
	}
	if n := len(r.PlainText.Merged); n > 0 {
		add("plain_text", "%d line%s read as two columns or a table glued together (line %d): use a single-column layout without tables.", n, plural(n), r.PlainText.Merged[0].Line)
	}
	return out
}

func hasTechnical(kw KeywordResult) bool {
	for _, k := range append(append([]Keyword{}, kw.Matched...), kw.Missing...) {
		if k.Group != string(skills.Soft) {
			return true
		}
	}
	return false
}

// countOf writes "1 bullet is" or "3 bullets are".
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func singular(n int) string {
	if n == 1 {
		return "s"
	}
	return ""
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func headingFor(kind string) string {
	switch kind {
	case SecSummary:
		return "Summary"
	case SecSkills:
		return "Skills"
	case SecExperience:
		return "Experience"
	case SecEducation:
		return "Education"
	}
	return kind
}

func firstBullet(b Bullets, ok func(Bullet) bool) string {
	for _, x := range b.Items {
		if ok(x) {
			return truncate(x.Text, 80)
		}
	}
	return ""
}

// sortKeywords orders keywords heaviest first, then by name.
func sortKeywords(ks []Keyword) {
	sort.SliceStable(ks, func(i, j int) bool {
		if ks[i].Weight != ks[j].Weight {
			return ks[i].Weight > ks[j].Weight
		}
		return ks[i].Name < ks[j].Name
	})
}

// singularS is "s" when more than one hard requirement is not met.
func singularS(reqs []Requirement) string {
	n := 0
	for _, q := range reqs {
		if q.Hard && q.Status == NotFound {
			n++
		}
	}
	if n == 1 {
		return ""
	}
	return "s"
}
