package skills

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Role is one job's checklist: what the job is and the skills it expects.
type Role struct {
	ID       string `yaml:"id" json:"id"`
	Name     string `yaml:"name" json:"name"`
	Overview string `yaml:"overview" json:"overview"`
	// Extends names a role whose skills this one keeps: a senior backend
	// engineer still needs everything a backend engineer does. A skill
	// both list keeps this role's wording; the rest follow its own.
	Extends string   `yaml:"extends" json:"extends,omitempty"`
	Figures *Figures `yaml:"figures" json:"figures,omitempty"`
	Advice  []Advice `yaml:"advice" json:"advice,omitempty"`
	Skills  struct {
		Hard      []RoleSkill `yaml:"hard" json:"hard"`
		Soft      []RoleSkill `yaml:"soft" json:"soft"`
		Technical []RoleSkill `yaml:"technical" json:"technical"`
	} `yaml:"skills" json:"skills"`
}

// Figures are industry numbers for a role, with the date they describe.
type Figures struct {
	AsOf           string `yaml:"as_of" json:"as_of"`
	OpeningsBy2027 string `yaml:"openings_by_2027" json:"openings_by_2027"`
	Growth         string `yaml:"growth" json:"growth"`
	MedianSalary   string `yaml:"median_salary" json:"median_salary"`
}

// Advice is one piece of guidance on choosing resume skills.
type Advice struct {
	Title string `yaml:"title" json:"title"`
	Text  string `yaml:"text" json:"text"`
}

// RoleSkill is a skill as one role sees it.
type RoleSkill struct {
	ID      string `yaml:"id" json:"id"`
	Meaning string `yaml:"meaning" json:"meaning"`
	Show    string `yaml:"show" json:"show"`
	Bullet  string `yaml:"bullet" json:"bullet"`
	// Skill is the catalogue entry: name, aliases, group.
	Skill *Skill `yaml:"-" json:"-"`
}

// Groups lists the role's skills by group, in the order tabs show them.
func (r *Role) Groups() []GroupSkills {
	return []GroupSkills{
		{Hard, r.Skills.Hard},
		{Soft, r.Skills.Soft},
		{Technical, r.Skills.Technical},
	}
}

// GroupSkills is one tab of a checklist.
type GroupSkills struct {
	Group  Group
	Skills []RoleSkill
}

// RoleOrder is the order roles are offered in.
var RoleOrder = []string{"backend", "senior-backend", "full-stack", "devops", "cloud-architect", "sre", "platform"}

//go:embed data/roles/*.yaml
var rolesFS embed.FS

var (
	rolesOnce sync.Once
	roles     []*Role
	rolesErr  error
)

// Roles loads the seven role checklists once, in RoleOrder, each skill
// linked to its catalogue entry.
func Roles() ([]*Role, error) {
	rolesOnce.Do(func() { roles, rolesErr = loadRoles(rolesFS) })
	return roles, rolesErr
}

// RoleByID returns one role.
func RoleByID(id string) (*Role, error) {
	all, err := Roles()
	if err != nil {
		return nil, err
	}
	for _, r := range all {
		if r.ID == id {
			return r, nil
		}
	}
	return nil, fmt.Errorf("no role %q (roles: %v)", id, RoleOrder)
}

func loadRoles(fsys fs.FS) ([]*Role, error) {
	cat, err := Load()
	if err != nil {
		return nil, err
	}
	out := make([]*Role, 0, len(RoleOrder))
	for _, id := range RoleOrder {
		name := path.Join("data/roles", id+".yaml")
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("role %s: %w", id, err)
		}
		r := &Role{}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(r); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if r.ID != id {
			return nil, fmt.Errorf("%s: id is %q, want %q", name, r.ID, id)
		}
		if r.Extends != "" {
			base := findRole(out, r.Extends)
			if base == nil {
				return nil, fmt.Errorf("%s: extends %q, which is not a role listed before it", name, r.Extends)
			}
			inherit(r, base)
		}
		if err := link(r, cat); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func findRole(rs []*Role, id string) *Role {
	for _, r := range rs {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// inherit appends to r, group by group, the skills of base it does not
// list itself.
func inherit(r, base *Role) {
	own := map[string]bool{}
	for _, g := range r.Groups() {
		for _, s := range g.Skills {
			own[s.ID] = true
		}
	}
	add := func(to *[]RoleSkill, from []RoleSkill) {
		for _, s := range from {
			if !own[s.ID] {
				*to = append(*to, s)
			}
		}
	}
	add(&r.Skills.Hard, base.Skills.Hard)
	add(&r.Skills.Soft, base.Skills.Soft)
	add(&r.Skills.Technical, base.Skills.Technical)
}

// link attaches catalogue entries and checks that each skill exists, sits
// under its own group, and appears once.
func link(r *Role, cat *Catalogue) error {
	seen := map[string]bool{}
	for _, g := range []struct {
		group  Group
		skills []RoleSkill
	}{{Hard, r.Skills.Hard}, {Soft, r.Skills.Soft}, {Technical, r.Skills.Technical}} {
		for i := range g.skills {
			rs := &g.skills[i]
			s, ok := cat.Get(rs.ID)
			if !ok {
				return fmt.Errorf("skill %q is not in the catalogue", rs.ID)
			}
			if s.Group != g.group {
				return fmt.Errorf("skill %q is listed as %s but the catalogue says %s", rs.ID, g.group, s.Group)
			}
			if seen[rs.ID] {
				return fmt.Errorf("skill %q appears twice", rs.ID)
			}
			seen[rs.ID] = true
			rs.Skill = s
		}
	}
	return nil
}
