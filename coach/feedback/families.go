package feedback

import (
	"regexp"
	"strings"
)

// families keeps apart words the stemmer joins though they mean different
// things: a product manager is not production, a responsibility is not a
// response, a Kubernetes operator is not operations. Each listed form
// reads as its family's stem; every other word is stemmed as usual.
var families = map[string][]string{
	"production":  {"production", "productions"},
	"productiv":   {"productive", "productively", "productivity", "unproductive"},
	"manager":     {"manager", "managers"},
	"responsib":   {"responsibility", "responsibilities", "responsible", "responsibly", "irresponsible"},
	"responsiv":   {"responsive", "responsiveness", "unresponsive"},
	"integrity":   {"integrity"},
	"operator":    {"operator", "operators"},
	"provider":    {"provider", "providers"},
	"internat":    {"international", "internationally"},
	"objectiv":    {"objective", "objectives", "objectively"},
	"objection":   {"objection", "objections"},
	"commitment":  {"commitment", "commitments"},
	"accessib":    {"accessibility", "accessible", "accessibly", "inaccessible"},
	"consisten":   {"consistency", "consistencies", "consistent", "consistently", "inconsistent", "inconsistency", "inconsistencies"},
	"authority":   {"authority", "authorities"},
	"authoriz":    {"authorize", "authorized", "authorizes", "authorizing", "authorization", "authorizations", "unauthorized"},
	"designat":    {"designate", "designated", "designates", "designation"},
	"direction":   {"direction", "directions", "directional"},
	"directive":   {"directive", "directives"},
	"experiment":  {"experiment", "experiments", "experimented", "experimenting", "experimental", "experimentation"},
	"organiz":     {"organize", "organized", "organizes", "organizing", "organization", "organizations", "organizational", "organizer", "organizers"},
	"observab":    {"observability", "observable"},
	"observation": {"observation", "observations"},
	"projection":  {"projection", "projections"},
	"optional":    {"optional", "optionally"},
}

var familyOf = func() map[string]string {
	m := map[string]string{}
	for stem, forms := range families {
		for _, f := range forms {
			m[f] = stem
		}
	}
	return m
}()

// britishIse finds the British -ise and -isation spellings, which read as
// -ize so "prioritise" and "prioritize" are one word.
var britishIse = regexp.MustCompile(`^([a-z]{3,})is(e|ed|es|ing|ation|ations|er|ers)$`)

// notIse are the words that end in -ise in every spelling.
var notIse = map[string]bool{
	"advis": true, "aris": true, "compris": true, "compromis": true, "concis": true, "demis": true,
	"despis": true, "devis": true, "disguis": true, "enterpris": true, "excis": true, "exercis": true,
	"expertis": true, "franchis": true, "improvis": true, "merchandis": true, "otherwis": true,
	"precis": true, "premis": true, "promis": true, "revis": true, "supervis": true, "surmis": true,
	"surpris": true, "televis": true, "nois": true, "rais": true, "prais": true, "cruis": true,
	"paradis": true, "pois": true, "bruis": true, "treatis": true, "repris": true, "likewis": true,
	"clockwis": true, "chastis": true, "incis": true, "circumcis": true,
}

// americanSpelling reads British spellings (organise, behaviour) as
// American ones; the stemmer already joins modelling and modeling.
func americanSpelling(w string) string {
	if m := britishIse.FindStringSubmatch(w); m != nil && !notIse[m[1]+"is"] {
		return m[1] + "iz" + m[2]
	}
	if i := strings.Index(w, "our"); i > 2 {
		if root := w[:i]; ourWords[root] {
			return root + "or" + w[i+3:]
		}
	}
	return w
}

// ourWords are the roots spelled -our in British English and -or in
// American.
var ourWords = map[string]bool{
	"behavi": true, "col": true, "fav": true, "hon": true, "lab": true, "neighb": true,
	"hum": true, "flav": true, "rum": true, "vap": true, "harb": true, "endeav": true, "rig": true,
}
