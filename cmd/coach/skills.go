package main

import (
	"context"

	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/coach-tui/coach/coach/skills"
)

func newSkillsCmd(g *globals) *cobra.Command {
	var role, format string
	var resumeLine, asJSON bool
	cmd := &cobra.Command{
		Use:   "skills",
		Short: "Print a role's skill checklist with your ratings, or a resume Skills section",
		Long: `Print a role's skill checklist with the ratings you gave in the app.

--resume-line prints a resume "Skills" section instead, built from every skill
you rated working or strong, one line per area as on a real resume.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON {
				format = "json" // --json, as every other command has it
			}
			if format != "md" && format != "json" {
				return usageError{fmt.Errorf("--format %q: use md or json", format)}
			}
			r, err := skills.RoleByID(role)
			if err != nil {
				return usageError{err}
			}
			ratings, err := loadRatings(g)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if resumeLine {
				cat, err := skills.Load()
				if err != nil {
					return err
				}
				section := skills.ResumeSection(cat, ratings)
				if section == "" {
					return fmt.Errorf("no skill is rated working or strong yet: rate them in the app's Skills section")
				}
				_, err = io.WriteString(out, section)
				return err
			}
			if format == "json" {
				return writeJSON(out, checklistJSON(r, ratings))
			}
			return printMarkdown(cmd, g, r.Markdown(ratings))
		},
	}
	cmd.Flags().StringVar(&role, "role", "backend", "role: backend, senior-backend, full-stack, devops, cloud-architect, sre, platform")
	cmd.Flags().StringVar(&format, "format", "md", "md or json")
	cmd.Flags().BoolVar(&asJSON, "json", false, "JSON, the same as --format json")
	cmd.Flags().BoolVar(&resumeLine, "resume-line", false, "print a resume Skills section from the skills rated working or strong")
	return cmd
}

func loadRatings(g *globals) (map[string]skills.Rating, error) {
	st, err := openUserStore(g)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	saved, err := st.Ratings(context.Background())
	if err != nil {
		return nil, err
	}
	out := make(map[string]skills.Rating, len(saved))
	for id, r := range saved {
		out[id] = skills.Rating(r)
	}
	return out, nil
}

type skillJSON struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Related []string `json:"related,omitempty"`
	Rating  string   `json:"rating"`
	Meaning string   `json:"meaning"`
	Show    string   `json:"show"`
	Bullet  string   `json:"bullet"`
}

func checklistJSON(r *skills.Role, ratings map[string]skills.Rating) any {
	groups := map[string][]skillJSON{}
	for _, g := range r.Groups() {
		list := []skillJSON{}
		for _, s := range g.Skills {
			list = append(list, skillJSON{s.ID, s.Skill.Name, s.Skill.Aliases, s.Skill.Related, ratings[s.ID].String(), s.Meaning, s.Show, s.Bullet})
		}
		groups[string(g.Group)] = list
	}
	return struct {
		ID       string                 `json:"id"`
		Name     string                 `json:"name"`
		Overview string                 `json:"overview"`
		Figures  *skills.Figures        `json:"figures,omitempty"`
		Skills   map[string][]skillJSON `json:"skills"`
	}{r.ID, r.Name, r.Overview, r.Figures, groups}
}
