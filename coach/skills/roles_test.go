package skills

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coach-tui/coach/questions"
)

func TestRolesLoadWithTheirCounts(t *testing.T) {
	rs, err := Roles()
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 7 {
		t.Fatalf("%d roles", len(rs))
	}
	for _, r := range rs {
		if len(r.Skills.Hard) < 10 || len(r.Skills.Soft) < 6 || len(r.Skills.Technical) < 10 {
			t.Errorf("%s: %d hard, %d soft, %d technical", r.ID, len(r.Skills.Hard), len(r.Skills.Soft), len(r.Skills.Technical))
		}
		if len(strings.Fields(r.Overview)) < 40 {
			t.Errorf("%s: overview too short", r.ID)
		}
		for _, g := range r.Groups() {
			for _, s := range g.Skills {
				if s.Skill == nil || s.Meaning == "" || s.Show == "" || s.Bullet == "" {
					t.Errorf("%s/%s: incomplete entry", r.ID, s.ID)
				}
				if strings.HasPrefix(strings.ToLower(s.Bullet), "i ") {
					t.Errorf("%s/%s: a resume bullet does not start with I", r.ID, s.ID)
				}
			}
		}
	}
}

func TestBackendShowsIndustryFigures(t *testing.T) {
	r, err := RoleByID("backend")
	if err != nil {
		t.Fatal(err)
	}
	f := r.Figures
	if f == nil || f.AsOf != "2025-09-24" || f.OpeningsBy2027 != "850K" || f.MedianSalary != "$95,000+" || f.Growth != "Much faster than average" {
		t.Fatalf("figures = %+v", f)
	}
	if len(r.Advice) < 6 {
		t.Fatalf("advice items: %d", len(r.Advice))
	}
}

// Each role's list is its own: no two roles share most of their skills.
func TestRoleListsDiffer(t *testing.T) {
	rs, _ := Roles()
	ids := func(r *Role) map[string]bool {
		m := map[string]bool{}
		for _, g := range r.Groups() {
			for _, s := range g.Skills {
				m[s.ID] = true
			}
		}
		return m
	}
	for i := range rs {
		for j := i + 1; j < len(rs); j++ {
			if rs[i].Extends == rs[j].ID || rs[j].Extends == rs[i].ID {
				continue // one keeps the other's skills on purpose
			}
			a, b := ids(rs[i]), ids(rs[j])
			shared := 0
			for id := range a {
				if b[id] {
					shared++
				}
			}
			if frac := float64(shared) / float64(min(len(a), len(b))); frac > 0.8 {
				t.Errorf("%s and %s share %.0f%% of their skills", rs[i].ID, rs[j].ID, frac*100)
			}
		}
	}
}

func TestEveryRoleSkillHasQuestions(t *testing.T) {
	rs, _ := Roles()
	b, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		for _, g := range r.Groups() {
			for _, s := range g.Skills {
				if len(b.Filter(questions.Filter{Tags: []string{s.ID}})) == 0 {
					t.Errorf("%s/%s: no question practises it", r.ID, s.ID)
				}
			}
		}
	}
}

func TestLinkRejectsBadRoles(t *testing.T) {
	for name, body := range map[string]string{
		"unknown skill": "id: backend\nname: B\noverview: o\nskills:\n  hard:\n    - {id: juggling, meaning: m, show: s, bullet: b}\n",
		"wrong group":   "id: backend\nname: B\noverview: o\nskills:\n  hard:\n    - {id: postgresql, meaning: m, show: s, bullet: b}\n",
		"twice":         "id: backend\nname: B\noverview: o\nskills:\n  hard:\n    - {id: api-design, meaning: m, show: s, bullet: b}\n    - {id: api-design, meaning: m, show: s, bullet: b}\n",
		"unknown field": "id: backend\nname: B\nsummary: o\n",
	} {
		fsys := fstest.MapFS{}
		for _, id := range RoleOrder {
			data, _ := rolesFS.ReadFile("data/roles/" + id + ".yaml")
			fsys["data/roles/"+id+".yaml"] = &fstest.MapFile{Data: data}
		}
		fsys["data/roles/backend.yaml"] = &fstest.MapFile{Data: []byte(body)}
		if _, err := loadRoles(fsys); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// Senior backend keeps every backend skill (caching, data modelling, query
// tuning, monitoring, testing, security among them) and adds its own.
func TestSeniorBackendExtendsBackend(t *testing.T) {
	senior, err := RoleByID("senior-backend")
	if err != nil {
		t.Fatal(err)
	}
	backend, _ := RoleByID("backend")
	has := map[string]bool{}
	for _, g := range senior.Groups() {
		for _, s := range g.Skills {
			has[s.ID] = true
		}
	}
	own := 0
	for _, g := range backend.Groups() {
		for _, s := range g.Skills {
			if !has[s.ID] {
				t.Errorf("senior backend lacks backend's %s", s.ID)
			}
		}
	}
	for id := range has {
		if !backendHas(backend, id) {
			own++
		}
	}
	if own < 10 {
		t.Errorf("senior backend adds only %d skills of its own", own)
	}
	// its own wording wins where both list a skill
	meaning := func(r *Role, id string) string {
		for _, s := range r.Skills.Hard {
			if s.ID == id {
				return s.Meaning
			}
		}
		return ""
	}
	if m := meaning(senior, "api-design"); m == "" || m == meaning(backend, "api-design") {
		t.Errorf("senior backend's API design entry is backend's: %q", m)
	}
}

func backendHas(r *Role, id string) bool {
	for _, g := range r.Groups() {
		for _, s := range g.Skills {
			if s.ID == id {
				return true
			}
		}
	}
	return false
}

func TestExtendsNeedsARoleBeforeIt(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, id := range RoleOrder {
		body := "id: " + id + "\nname: N\noverview: o\nskills:\n  hard: []\n"
		if id == "backend" {
			body = "id: backend\nname: N\nextends: platform\noverview: o\nskills:\n  hard: []\n"
		}
		fsys["data/roles/"+id+".yaml"] = &fstest.MapFile{Data: []byte(body)}
	}
	if _, err := loadRoles(fsys); err == nil || !strings.Contains(err.Error(), `extends "platform"`) {
		t.Fatalf("err = %v", err)
	}
}
