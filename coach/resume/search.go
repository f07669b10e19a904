package resume

import (
	"fmt"
	"strings"

	"github.com/coach-tui/coach/coach/words"
)

// Search is the recruiter-search finding: recruiters search an ATS for a
// few exact terms, so a resume that says "Postgres" where the posting
// says "PostgreSQL" is not found, however well it matches otherwise.
type Search struct {
	// Terms are the posting's heaviest keywords as it writes them; a
	// requirement with alternatives is searched as "A OR B".
	Terms []string `json:"terms"`
	// Missing are the terms the resume does not contain as written.
	Missing []string `json:"missing"`
	Found   bool     `json:"found"`
	Detail  string   `json:"detail"`
}

// searchTerms is how many terms a recruiter is taken to search for.
const searchTerms = 5

// recruiterSearch checks the posting's heaviest technical terms, as the
// posting spells them, against the resume's text.
func recruiterSearch(ks []Keyword, plain string) Search {
	s := Search{Terms: []string{}, Missing: []string{}}
	low := strings.ToLower(plain)
	for _, k := range ks {
		if len(s.Terms) == searchTerms {
			break
		}
		if k.Group == "soft" || len(k.As) == 0 {
			continue
		}
		// each alternative as the posting first writes it
		spell := []string{}
		seen := map[string]bool{}
		for _, a := range k.As {
			if !seen[strings.ToLower(a)] {
				seen[strings.ToLower(a)] = true
				spell = append(spell, a)
			}
		}
		if len(k.Alternatives) == 0 {
			spell = spell[:1]
		}
		query := strings.Join(spell, " OR ")
		s.Terms = append(s.Terms, query)
		hit := false
		for _, a := range spell {
			hit = hit || containsWord(low, strings.ToLower(a))
		}
		if !hit {
			s.Missing = append(s.Missing, query)
		}
	}
	s.Found = len(s.Terms) > 0 && len(s.Missing) == 0
	quoted := make([]string, len(s.Terms))
	for i, t := range s.Terms {
		quoted[i] = "“" + t + "”"
	}
	switch {
	case len(s.Terms) == 0:
		s.Detail = "The posting names no term a recruiter would search for."
	case s.Found:
		s.Detail = fmt.Sprintf("A recruiter searching for %s would find this resume: it writes each term as the posting does.", strings.Join(quoted, " AND "))
	default:
		miss := make([]string, len(s.Missing))
		for i, t := range s.Missing {
			miss[i] = "“" + t + "”"
		}
		s.Detail = fmt.Sprintf("A recruiter searching for %s would not find this resume: it never writes %s. Use the posting's own spelling where it is true of you.", strings.Join(quoted, " AND "), words.And(miss))
	}
	return s
}
