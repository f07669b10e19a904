package resume

import (
	"strings"
)

// A posting often lets one of several tools meet a requirement: "Go or
// Java", "GitHub Actions/CircleCI", "such as Terraform, Pulumi or
// CloudFormation", "Istio or Linkerd". Such keywords are one requirement,
// met by any of them. "Go, Kafka and Postgres" is three.

var (
	// orGap joins two mentions as alternatives on its own.
	orGap = lazyRegexp(`(?i)^\s*(?:,\s*)?(?:or|and/or|/)(?:\s+(?:another|other|a similar|similar|an equivalent|equivalent|a comparable|comparable))?\s*$`)
	// listGap joins two mentions into a list, which is a list of
	// alternatives if it is introduced as examples or ends in "or".
	listGap = lazyRegexp(`^\s*,\s*$`)
	// examplesBefore introduces a list of examples.
	examplesBefore = lazyRegexp(`(?i)(?:such as|e\.g\.,?|for example|like|one of|any of|either|including)\s*\(?\s*$`)
	// examplesAfter ends a list of examples: "EKS, GKE, or self-managed",
	// "Jenkins, CircleCI, etc.".
	examplesAfter = lazyRegexp(`(?i)^\s*,?\s*(?:or\b|etc)`)
)

// alternativeLinks finds pairs of keyword keys the posting gives as
// alternatives. mentions are in text order.
func alternativeLinks(text string, mentions []Match) [][2]string {
	var links [][2]string
	i := 0
	for i < len(mentions) {
		// a run of mentions on one line joined by ",", "or" or "/"
		j, anyOr := i, false
		for j+1 < len(mentions) {
			gap := text[mentions[j].End:max(mentions[j].End, mentions[j+1].Start)]
			if strings.Contains(gap, "\n") {
				break
			}
			if orGap().MatchString(gap) {
				anyOr = true
			} else if !listGap().MatchString(gap) {
				break
			}
			j++
		}
		if j > i {
			lineStart := strings.LastIndexByte(text[:mentions[i].Start], '\n') + 1
			before := text[lineStart:mentions[i].Start]
			lineEnd := strings.IndexByte(text[mentions[j].End:], '\n')
			if lineEnd < 0 {
				lineEnd = len(text) - mentions[j].End
			}
			after := text[mentions[j].End : mentions[j].End+lineEnd]
			if anyOr || examplesBefore().MatchString(before) || examplesAfter().MatchString(after) {
				for k := i + 1; k <= j; k++ {
					if mentions[k].Key != mentions[i].Key {
						links = append(links, [2]string{mentions[i].Key, mentions[k].Key})
					}
				}
			}
		}
		i = j + 1
	}
	return links
}

// groupAlternatives merges linked keywords into one requirement each: the
// heaviest weight, the strongest section, every mention, and a name that
// joins them with "or".
func groupAlternatives(ks []Keyword, links [][2]string) []Keyword {
	parent := map[string]string{}
	var find func(string) string
	find = func(k string) string {
		if p, ok := parent[k]; ok && p != k {
			r := find(p)
			parent[k] = r
			return r
		}
		return k
	}
	for _, l := range links {
		a, b := find(l[0]), find(l[1])
		if a != b {
			parent[b] = a
		}
	}
	byRoot := map[string]int{}
	out := []Keyword{}
	for _, k := range ks {
		root := find(k.Skill)
		i, ok := byRoot[root]
		if !ok {
			k.keys = []string{k.Skill}
			byRoot[root] = len(out)
			out = append(out, k)
			continue
		}
		g := &out[i]
		if len(g.Alternatives) == 0 {
			g.Alternatives = []string{g.Name}
		}
		g.Alternatives = append(g.Alternatives, k.Name)
		g.keys = append(g.keys, k.Skill)
		g.skillIDs = append(g.skillIDs, k.skillIDs...)
		g.Mentions += k.Mentions
		g.Weight = max(g.Weight, k.Weight)
		if sectionWeight[k.Section] > sectionWeight[g.Section] {
			g.Section = k.Section
		}
		g.As = append(g.As, k.As...)
	}
	for i := range out {
		if len(out[i].Alternatives) > 0 {
			out[i].Name = strings.Join(out[i].Alternatives, " or ")
		}
	}
	return out
}
