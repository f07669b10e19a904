// Package resume holds coach's resume material: the annotated example
// resume, and the offline review of a candidate's resume against a job
// posting, the way an applicant tracking system (ATS) and then a recruiter
// would read it. It has no user interface; the CLI and the TUI both show
// a *Report.
//
// # Reading files
//
// ReadFile and Extract turn a resume into text: .md and .txt as they are,
// .pdf through github.com/ledongthuc/pdf (lines are rebuilt from glyph
// positions, so two columns come out glued side by side, as a simple ATS
// would read them), .docx from word/document.xml with archive/zip and
// encoding/xml. A PDF without any text is refused with ErrNoText: it is
// a scanned image, and an ATS could not read it either.
//
// # Keywords
//
// Keywords come from the skill taxonomy (coach/skills) and from the
// posting's own words (see ownterms.go). A skill is found when its name,
// id or one of its aliases appears as a whole term, ignoring case; a term
// the taxonomy relates to a skill (EC2 under AWS) is a keyword of its own,
// found by that term alone. Keywords the posting joins with "or", "/" or
// "such as" are one requirement (alternatives.go), and its knock-out
// requirements are checked apart (knockout.go). "C++", "C#", "Node.js", "CI/CD" and ".NET" match as
// written; "Go" is not found in "going" or "good", "Java" not in
// "JavaScript", "React" not in "reactive". A space or hyphen inside a term
// matches any run of spaces or hyphens ("event-driven" = "event driven"),
// a term of three or more characters may take a plural s (or es after x,
// ch, sh), and a term ending in -ing is also found in its -ed and stem
// forms, as resumes write them: mentoring as "mentored" and "mentor",
// load testing as "load tested" and "load tests". The longest term wins:
// "GitHub Actions" is not also Git, "Node.js" is not also "node".
//
// A few terms are also everyday words. Those in caseSensitiveTerms ("Go",
// "REST", "React", "Express", "Spring", "Helm", ...) count only when
// written with a capital letter and not used as a verb ("Go above and
// beyond", "React to alerts") or before a year ("Spring 2021"). Those in
// contextTerms ("chef", "puppet", "metrics", "containers", "consensus",
// ...) count only when another technical term shares their sentence, so
// "pastry chef" is not Ansible's Chef but "Ansible, Chef or Puppet" is.
//
// A posting's keywords are weighted by where they appear and how often:
//
//	weight = section × frequency × group
//	section:   3 in requirements ("must have", "what you'll need", ...),
//	           2 in nice-to-haves ("preferred", "bonus", ...),
//	           1 anywhere else (responsibilities, intro, benefits);
//	           the strongest section a skill appears in counts
//	frequency: 1 + 0.5 for each mention after the first, at most 2
//	group:     1 for technical and hard skills, 0.5 for soft skills
//	           (soft skills are shown in bullets more than listed)
//
// # The score
//
// The score (0–100) adds five parts; each part is scored 0–100 and earns
// its weight in points:
//
//	keywords    50  weighted share of the posting's keywords the resume names
//	sections    15  contact 20 (email 12, phone 4, profile link 4),
//	                summary 15, skills 20, experience 30, education 15
//	bullets     15  mean over experience bullets: action verb first 30,
//	                a number or outcome 35, 40–220 characters 20,
//	                no first person 15
//	length      10  350–900 words (one to two pages) is full marks
//	plain_text  10  100, less 10 a lost character and 15 a merged line
//
// The last four parts measure the resume itself, so a polished resume for
// another job would still score well on them. They are therefore scaled by
// relevance = clamp((technical coverage - 0.2) / 0.3, 0, 1), where
// technical coverage is the weighted share of the posting's technical and
// hard keywords the resume names: a resume that names at least half of
// them gets those parts in full, one that names a fifth or less gets none
// (it shares the trade's vocabulary, not the job), and a posting that asks
// for no technical skill at all (a pastry chef's) gives none. A hard
// knock-out requirement the resume does not meet caps the score at 60. Soft skills still
// count in keyword coverage, but being a good communicator does not make a
// resume fit a job. The breakdown in the report shows each part's score,
// weight and points, and the relevance used.
package resume
