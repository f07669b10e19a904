package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func envOf(kv map[string]string) Env {
	return func(k string) string { return kv[k] }
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadMissingFileGivesDefaults(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.yaml")
	c, err := Load(Overrides{ConfigPath: path}, envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Theme != ThemeAuto || c.Path != path || c.DataDir != DefaultDataDir() {
		t.Fatalf("unexpected defaults: %+v", c)
	}
}

func TestLoadPrecedence(t *testing.T) {
	path := writeConfig(t, "theme: light\ndata_dir: /from/file\n")
	env := map[string]string{"COACH_CONFIG": "/ignored/because/flag.yaml"}

	c, err := Load(Overrides{ConfigPath: path}, envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	if c.Theme != ThemeLight || c.DataDir != "/from/file" {
		t.Fatalf("file values not applied: %+v", c)
	}

	env["COACH_THEME"] = "dark"
	env["COACH_DATA_DIR"] = "/from/env"
	c, err = Load(Overrides{ConfigPath: path}, envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	if c.Theme != ThemeDark || c.DataDir != "/from/env" {
		t.Fatalf("env did not override file: %+v", c)
	}

	c, err = Load(Overrides{ConfigPath: path, DataDir: "/from/flag", NoColor: true, Offline: true}, envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	if c.DataDir != "/from/flag" || !c.NoColor || !c.Offline {
		t.Fatalf("flags did not override env: %+v", c)
	}
}

func TestLoadConfigPathFromEnv(t *testing.T) {
	path := writeConfig(t, "theme: dark\n")
	c, err := Load(Overrides{}, envOf(map[string]string{"COACH_CONFIG": path}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != path || c.Theme != ThemeDark {
		t.Fatalf("COACH_CONFIG not used: %+v", c)
	}
}

func TestNoColorFromEnv(t *testing.T) {
	c, err := Load(Overrides{ConfigPath: filepath.Join(t.TempDir(), "x.yaml")}, envOf(map[string]string{"NO_COLOR": "1"}))
	if err != nil {
		t.Fatal(err)
	}
	if !c.NoColor {
		t.Fatal("NO_COLOR=1 should turn colour off")
	}
}

func TestLoadErrorsNameFileLineAndKey(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"unknown key", "theme: dark\ncolour: blue\n", ":2:1: colour: unknown key"},
		{"bad theme", "data_dir: /x\ntheme: purple\n", `:2:8: theme: "purple" is not a theme (use auto, dark or light)`},
		{"syntax", "theme: [dark\n", ":1:"},
		{"wrong type", "theme:\n  nested: map\n", ":2:3: theme: expected a text value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.body)
			_, err := Load(Overrides{ConfigPath: path}, envOf(nil))
			if err == nil {
				t.Fatal("expected an error")
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is not a *config.Error", err)
			}
			if !strings.HasPrefix(err.Error(), path) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q should start with %s and contain %q", err, path, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error should be one line: %q", err)
			}
		})
	}
}

func TestBadThemeInEnv(t *testing.T) {
	_, err := Load(Overrides{ConfigPath: filepath.Join(t.TempDir(), "x.yaml")}, envOf(map[string]string{"COACH_THEME": "blue"}))
	if err == nil || !strings.Contains(err.Error(), "COACH_THEME") {
		t.Fatalf("want an error naming COACH_THEME, got %v", err)
	}
}

func TestUnreadableConfig(t *testing.T) {
	dir := t.TempDir()
	// A directory where the file should be cannot be read as a file.
	_, err := Load(Overrides{ConfigPath: dir}, envOf(nil))
	if err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("want an error naming %s, got %v", dir, err)
	}
}

func TestTemplateLoadsAndRoundTrips(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "config.yaml")
	if err := WriteTemplate(path, false); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("config mode = %v, want 0600", info.Mode().Perm())
	}
	c, err := Load(Overrides{ConfigPath: path}, envOf(nil))
	if err != nil {
		t.Fatalf("the template must load cleanly: %v", err)
	}
	if c.Theme != ThemeAuto {
		t.Fatalf("template theme = %q", c.Theme)
	}
}

func TestWriteTemplateRefusesToOverwrite(t *testing.T) {
	path := writeConfig(t, "theme: dark\n")
	err := WriteTemplate(path, false)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("want ErrExists mentioning --force, got %v", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "theme: dark\n" {
		t.Fatalf("existing file was changed: %q", got)
	}
	if err := WriteTemplate(path, true); err != nil {
		t.Fatal(err)
	}
	got, _ = os.ReadFile(path)
	if string(got) != Template {
		t.Fatal("--force did not write the template")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}
