package resume

import (
	"regexp"
	"strings"
	"unicode"
)

// Postings name their employer in a handful of ways; these are read in
// order of how sure each is. A posting that names none (an agency's "our
// client") gets "", and a letter writes [Company] instead of a guess.
var (
	companyLabel  = lazyRegexp(`(?i)^\s*(?:[-*•]\s*)?(?:\*\*|__)?(?:company|employer|organi[sz]ation|hiring company)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.+)$`)
	companyAbout  = lazyRegexp(`(?i)^\s*(?:#+\s*)?(?:\*\*|__)?about\s+(.+?)(?:\*\*|__)?\s*:?\s*$`)
	companyAt     = lazyRegexp(`(?:^|[.!?]\s+)(?:At|Join|Joining)\s+(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:&\s+|and\s+|of\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*){0,4})`)
	companyHiring = lazyRegexp(`^(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:&\s+|and\s+|of\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*){0,4})\s+(?:is|are)\s+(?:hiring|looking|seeking|searching|recruiting)\b`)
	companyTitle  = lazyRegexp(`\s+at\s+(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’.-]*){0,4})\s*$`)
	// the subject of the posting's first sentence: a capitalised name
	// of one to five words and then a verb in the present tense
	companySubject = lazyRegexp(`^(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:&\s+|and\s+|of\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*){0,4})(?:,\s[^,]{3,60},)?\s+(?:is|are|has|have|was|builds|makes|runs|connects|helps|creates|provides|offers|develops|designs|operates|powers|serves|sells|streams|delivers|brings|gives|lets|turns|keeps|moves|ships|processes|manages|supports|works|employs|owns|plans|handles|hosts|enables|protects|uses|produces|publishes|trains|grows|leads|specialises|specializes)\b`)
	roleNoun       = lazyRegexp(`(?i)\b(?:engineers?|developers?|architects?|administrators?|analysts?|scientists?|designers?|managers?|nurses?|teachers?|sre|devops|role|position|team)\b`)
	abbreviated    = lazyRegexp(`\b(?:Co|Inc|Ltd|Corp|Bros|Intl|St|Assn|Cie|Pty|Pte|S\.A|N\.V|B\.V)\.$`)
	agencyPosting  = lazyRegexp(`(?i)\b(?:our client|on behalf of|a client of ours|my client)\b`)
)

// notCompanies are capitalised openings that are not an employer's name.
var notCompanies = set(`we you our your the this that these they it us about role position team job our company
overview summary description responsibilities requirements benefits who what why how applications
applicants candidates interviews salary perks hours duties successful all each every most many some`)

// companyOf finds the employer's name in a posting's title and lines.
func companyOf(title string, lines []string) string {
	for _, l := range lines {
		if m := companyLabel().FindStringSubmatch(l); m != nil {
			if c := cleanCompany(m[1]); c != "" {
				return c
			}
		}
	}
	agency := false
	for _, l := range lines {
		if agencyPosting().MatchString(l) {
			agency = true
		}
	}
	for _, l := range lines {
		if m := companyAbout().FindStringSubmatch(l); m != nil && len(strings.Fields(m[1])) <= 5 {
			if c := cleanCompany(m[1]); c != "" {
				return c
			}
		}
	}
	if m := companyTitle().FindStringSubmatch(title); m != nil {
		if c := cleanCompany(m[1]); c != "" {
			return c
		}
	}
	if agency {
		return ""
	}
	if c := titlePart(title, lines, true); c != "" {
		return c
	}
	// the first sentences of prose: "At Acme, we", "Acme is hiring",
	// "Acme builds"; the title's "Acme Civic Systems — Architect" gives
	// the full name when the prose shortens it to "Acme"
	prose := 0
	for _, l := range lines {
		l = strings.TrimSpace(strings.Trim(l, "#*_ "))
		if l == "" || l == title || bulletMarker().MatchString(l) {
			continue
		}
		for _, re := range []func() *regexp.Regexp{companyAt, companyHiring, companySubject} {
			if m := re().FindStringSubmatch(l); m != nil {
				if c := cleanCompany(m[1]); c != "" {
					return fuller(c, title)
				}
			}
		}
		if len(strings.Fields(l)) >= 8 {
			if prose++; prose == 3 {
				break
			}
		}
	}
	return titlePart(title, lines, false)
}

// titlePart is the part of a title like "Acme Robotics — Site Reliability
// Engineer" that names no role: ahead of the role (first), or after it.
func titlePart(title string, lines []string, first bool) string {
	body := strings.Join(lines[min(1, len(lines)):], "\n")
	for _, sep := range []string{" — ", " – ", " | ", " - "} {
		if parts := strings.SplitN(title, sep, 2); len(parts) == 2 {
			// "Acme | Engineer" names the employer first; "Engineer -
			// Payments APIs" may name a team, so the posting must name it
			// again
			for i, p := range parts {
				if (i == 0) == first && !titleWord().MatchString(p) && titleWord().MatchString(parts[1-i]) {
					if c := cleanCompany(p); c != "" && (i == 0 || strings.Contains(body, c+" ")) {
						return c
					}
				}
			}
		}
	}
	return ""
}

// cleanCompany trims a found name and refuses what is not one.
func cleanCompany(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " *_:,!#"))
	if !abbreviated().MatchString(s) {
		s = strings.TrimRight(s, ".")
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 || len(s) > 60 {
		return ""
	}
	if notCompanies[strings.ToLower(words[0])] {
		return ""
	}
	if r := []rune(s)[0]; !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return ""
	}
	if roleNoun().MatchString(s) {
		return "" // a job title read as a name
	}
	return s
}

// fuller is the title's longer form of a name found in the text.
func fuller(name, title string) string {
	for _, sep := range []string{" — ", " – ", " | ", " - "} {
		for _, p := range strings.Split(title, sep) {
			p = strings.TrimSpace(p)
			if len(p) > len(name) && strings.HasPrefix(p, name+" ") && !titleWord().MatchString(p) {
				return p
			}
		}
	}
	return name
}
