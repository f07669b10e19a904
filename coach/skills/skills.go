// Package skills is coach's one skill taxonomy: every skill's id, name,
// aliases, group and resume area. The same ids tag bank questions, make up
// the role checklists and drive resume keyword matching.
package skills

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Group says what kind of skill it is.
type Group string

// The groups a role checklist is split into.
const (
	Hard      Group = "hard"      // a practice that can be learnt and measured
	Soft      Group = "soft"      // how you work with people
	Technical Group = "technical" // a named tool, language or platform
)

// Skill is one entry of the taxonomy.
type Skill struct {
	ID      string   `yaml:"id" json:"id"`
	Name    string   `yaml:"name" json:"name"`
	Aliases []string `yaml:"aliases" json:"aliases,omitempty"` // other spellings of the skill itself
	Related []string `yaml:"related" json:"related,omitempty"` // tools and parts under it: not the skill
	Group   Group    `yaml:"group" json:"group"`
	Area    string   `yaml:"area" json:"area"`
}

// Spellings are the ways of writing the skill itself: its name and aliases.
func (s *Skill) Spellings() []string {
	return append([]string{s.Name}, s.Aliases...)
}

// Terms are every term that points a resume at the skill: its id, its
// spellings and the tools and parts related to it.
func (s *Skill) Terms() []string {
	return append(append([]string{s.Name, s.ID}, s.Aliases...), s.Related...)
}

// Catalogue is the whole taxonomy.
type Catalogue struct {
	Skills []Skill
	byID   map[string]*Skill
}

// Get returns the skill with id.
func (c *Catalogue) Get(id string) (*Skill, bool) {
	s, ok := c.byID[id]
	return s, ok
}

//go:embed data/catalogue.yaml
var catalogueYAML []byte

var (
	loadOnce sync.Once
	loaded   *Catalogue
	loadErr  error
)

// Load parses the embedded catalogue once; later calls share the result.
func Load() (*Catalogue, error) {
	loadOnce.Do(func() { loaded, loadErr = parse(catalogueYAML) })
	return loaded, loadErr
}

func parse(data []byte) (*Catalogue, error) {
	var doc struct {
		Skills []Skill `yaml:"skills"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("skills catalogue: %w", err)
	}
	c := &Catalogue{Skills: doc.Skills, byID: make(map[string]*Skill, len(doc.Skills))}
	for i := range c.Skills {
		s := &c.Skills[i]
		if _, dup := c.byID[s.ID]; dup {
			return nil, fmt.Errorf("skills catalogue: duplicate id %q", s.ID)
		}
		switch s.Group {
		case Hard, Soft, Technical:
		default:
			return nil, fmt.Errorf("skills catalogue: %s: group %q is not hard, soft or technical", s.ID, s.Group)
		}
		c.byID[s.ID] = s
	}
	return c, nil
}
