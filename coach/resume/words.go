package resume

import "strings"

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// actionVerbs open a strong bullet: past tense for past roles, present for
// the current one.
var actionVerbs = set(`
accelerated achieved acquired adapted added administered advanced advised analysed analyzed
architected audited authored automated balanced benchmarked boosted budgeted built cached
catalogued championed clarified co-founded co-led co-authored coached codified 
combined completed composed configured consolidated constructed containerised containerized
converted coordinated created curated cut debugged decommissioned decoupled
defined delivered deployed deprecated designed detected developed devised diagnosed directed
discovered documented doubled drafted drove earned eased educated eliminated enabled
encrypted engineered enhanced ensured established estimated evaluated exceeded executed
expanded expedited extended extracted facilitated fixed forecast formalised formalized formed
founded generated grew guided halved hardened headed hired identified implemented improved
increased indexed influenced initiated innovated inspected installed instituted instrumented
integrated interviewed introduced invented investigated isolated launched led leveraged
lifted lowered maintained managed mapped maximised maximized measured mentored merged
migrated minimised minimized mobilised modelled modeled modernised modernized monitored
moved negotiated onboarded opened operated optimised optimized orchestrated organised
organized outperformed overhauled oversaw owned paired parallelised parallelized partitioned
patched performed piloted pioneered planned ported prepared presented prevented prioritised
prioritized produced profiled programmed promoted proposed prototyped provisioned published
quantified raised ran re-architected rearchitected rebuilt recovered recruited redesigned
reduced re-engineered refactored refined released remediated removed renegotiated
reorganised reorganized replaced replicated reported researched resolved restored
restructured retired revamped reversed reviewed revised rewrote rolled saved scaled
scheduled scoped secured segmented selected served set shaped sharded shipped shortened
simplified slashed solved sourced spearheaded specified sped sponsored stabilised stabilized
standardised standardized started steered streamlined strengthened structured supervised
surfaced sustained systematised systematized taught tested tightened trained transformed
translated trimmed tripled troubleshot tuned turned unblocked unified upgraded validated
verified won wrote
architect automate build coach create deliver deploy design develop drive engineer grow
implement improve lead maintain manage mentor migrate operate optimise optimize own
run scale ship
`)

// weakOpeners start a bullet with a duty, not an action.
var weakOpeners = set(`responsible worked tasked duties duty handled was were did tried various
utilized utilised used in on as`)

// sharedCredit verbs open a bullet with the team, hiding the writer's
// own part.
var sharedCredit = set(`partnered collaborated contributed helped assisted participated involved
supported teamed joined`)

// outcomeWords show a result even without a number.
var outcomeWords = set(`reduced reducing reduces increased increasing increases cut cutting saved saving
improved improving improves faster fewer lower higher eliminated eliminating grew growing doubled
tripled halved raised raising lowered lowering shortened shortening boosted accelerated prevented
preventing removed removing sped speeding enabling unblocked unblocking avoided avoiding
decreased decreasing quicker cheaper smaller`)

// numberWords are quantities written out.
var numberWords = set(`two three four five six seven eight nine ten eleven twelve twenty dozen dozens
hundred hundreds thousand thousands million millions billion billions half double triple`)

// firstPerson words make a bullet read like a letter; resumes drop the
// subject. "I" is matched with its capital only.
var firstPerson = set(`my me myself we we're we've our ours us i'm i've i'd`)

// sectionNames maps a resume heading (lower case, "&" as "and") to the
// section it starts.
var sectionNames = func() map[string]string {
	m := map[string]string{}
	add := func(kind, names string) {
		for _, n := range strings.Split(names, ",") {
			m[strings.TrimSpace(n)] = kind
		}
	}
	add(SecSummary, `summary, professional summary, profile, professional profile, about, about me,
		objective, career objective, overview, career summary, personal statement, executive summary`)
	add(SecSkills, `skills, technical skills, core skills, key skills, skills and tools, tools,
		technologies, tech stack, core competencies, competencies, skills and technologies,
		technical proficiencies, expertise, areas of expertise, tools and technologies,
		skills and expertise, technical expertise, toolbox, stack`)
	add(SecExperience, `experience, work experience, professional experience, employment,
		employment history, work history, career history, relevant experience, career,
		professional background, experience and projects, clinical experience, teaching experience,
		nursing experience, industry experience, previous experience, other experience,
		engineering experience, software experience, technical experience, relevant work experience,
		professional history, previous career`)
	add(SecEducation, `education, education and training, academic background, qualifications,
		degrees, academic qualifications, education and certifications, training`)
	add(SecCertifications, `certifications, certificates, licences, licenses, certifications and training,
		credentials, certifications and licenses, licenses and certifications`)
	add(SecProjects, `projects, selected projects, personal projects, open source, side projects,
		open source contributions, key projects, projects and open source`)
	add(SecOther, `awards, honours, honors, achievements, publications, talks, speaking,
		volunteering, volunteer experience, volunteer work, interests, hobbies, languages,
		references, patents, activities, community, leadership, additional information`)
	return m
}()

// stopwords are left out of a posting's other frequent terms: grammar
// words and the vocabulary every job posting shares.
var stopwords = set(`
a about above across after again against all almost along also although always am among an
and another any anyone anything are around as at be because been before being below between
both but by can cannot could did do does doing done down during each either else enough etc
even ever every few for from further get gets getting given go goes going good got great had
has have having he her here hers herself him himself his how however i if in into is it its
itself just keep know least less let like likely made make makes making many may me might
more most much must my need needed needs never new next no nor not now of off often on once
one only onto or other others otherwise our ours ourselves out over own per perhaps please
plus rather really same see seem several shall she should since so some something such than
that the their theirs them themselves then there these they thing things this those though
through throughout thus to together too toward towards under until up upon us use used uses
using very via want wants was way ways we well were what whatever when where whether which
while who whom whose why will with within without would yet you your yours yourself
yourselves engineer engineers engineering write writing run running end ends keep own owning able ability abilities across apply applicant applicants applications background
benefit benefits best better bring build building candidate candidates career company
culture day days degree deliver delivering description desired develop developing
environment equal equivalent excellent experience experienced experiences familiarity
familiar field fast first full grow growing growth help helping highly hire hiring ideal
ideally include includes including join joining job jobs knowledge level looking lot love
equivalent minimum mission month months nice opportunity opportunities offer offering
part people person plus position practical preferred proven qualification qualifications
related relevant remote requirement requirements required responsibilities responsibility
role roles salary similar skill skills solid strong success successful support take team
teams time title today understanding us value values week weeks work working works world
year years you'll you're we're we'll they're it's what's who's there's that's don't
also bonus day-to-day full-time part-time hybrid office location locations based range
including e.g i.e etc well-being plus today's our's must-have nice-to-have really every
within across around about against around
`)

// A posting's sections, by the heading that opens them.
const (
	PostRequired         = "required"
	PostPreferred        = "preferred"
	PostResponsibilities = "responsibilities"
	PostOther            = "other"
)

// postingHeadings are matched, in this order, against a heading's words
// (lower case, hyphens as spaces, curly apostrophes straightened), so
// "Preferred qualifications" is a nice-to-have before it is a requirement.
var postingHeadings = []struct {
	kind    string
	phrases []string
}{
	{PostPreferred, []string{"nice to have", "nice to haves", "preferred", "bonus",
		"pluses", "a plus", "desirable", "desired", "extra credit", "good to have", "would be great",
		"even better", "not required", "optional"}},
	{PostResponsibilities, []string{"responsibilities", "what you'll do", "what you will do",
		"the role", "your role", "in this role", "day to day", "duties", "what you'll be doing",
		"what you will be doing", "the job", "your impact", "the work", "your mission",
		"what you'll own", "what you will own", "you'll own", "what you'll work on", "what you will work on"}},
	{PostRequired, []string{"requirements", "required", "must have", "must haves",
		"what you'll need", "what you will need", "what you need",
		"what we're looking for", "what we are looking for",
		"qualifications", "you have", "you bring", "who you are", "skills and experience",
		"your experience", "about you", "essential", "minimum", "we expect", "you should have",
		"experience and skills", "your skills", "key skills", "you'll likely have", "you will likely have",
		"you'll have", "you will have", "what you'll bring", "what you will bring"}},
	{PostOther, []string{"about us", "about the company", "who we are", "benefits", "perks",
		"what we offer", "compensation", "salary", "how to apply", "our team", "the team",
		"location", "equal opportunity", "why join", "why us", "about", "our stack", "interview process"}},
}
