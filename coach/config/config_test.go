package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
	c, err := Load(Overrides{}, envOf(map[string]string{"COACH_CONFIG": path}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Theme != ThemeAuto || c.Path != path || c.DataDir != DefaultDataDir() {
		t.Fatalf("unexpected defaults: %+v", c)
	}
	// a file named with --config must be there: a typo is not the defaults
	if _, err := Load(Overrides{ConfigPath: path}, envOf(nil)); err == nil || !strings.Contains(err.Error(), path+": no such file") {
		t.Fatalf("--config naming a missing file: %v", err)
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
	c, err := Load(Overrides{ConfigPath: writeConfig(t, "")}, envOf(map[string]string{"NO_COLOR": "1"}))
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
		{"escape in a value", "llm:\n  model: \"gpt\\e]0;pwned\\a\"\n", `:2:10: llm.model: "gpt\x1b]0;pwned\a" holds control characters or escape sequences`},
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
	_, err := Load(Overrides{ConfigPath: writeConfig(t, "")}, envOf(map[string]string{"COACH_THEME": "blue"}))
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
	if c.LLM != Default().LLM {
		t.Fatalf("template llm = %+v, want the defaults %+v", c.LLM, Default().LLM)
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

func TestLLMDefaults(t *testing.T) {
	c, err := Load(Overrides{ConfigPath: writeConfig(t, "")}, envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	want := LLM{APIKeyEnv: "OPENAI_API_KEY", APIType: "openai", Timeout: 60 * time.Second, MaxRetries: 2, Temperature: 0.2, FollowUps: 2}
	if c.LLM != want {
		t.Fatalf("llm defaults = %+v, want %+v", c.LLM, want)
	}
}

func TestLLMFromFileEnvAndOffline(t *testing.T) {
	path := writeConfig(t, `llm:
  enabled: true
  base_url: https://example.openai.azure.com/
  model: gpt-4o
  api_key_env: AZURE_OPENAI_KEY
  api_type: azure
  api_version: 2024-10-21
  timeout: 2m
  max_retries: 0
  temperature: 0
`)
	c, err := Load(Overrides{ConfigPath: path}, envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	want := LLM{Enabled: true, BaseURL: "https://example.openai.azure.com/", Model: "gpt-4o", APIKeyEnv: "AZURE_OPENAI_KEY",
		APIType: "azure", APIVersion: "2024-10-21", Timeout: 2 * time.Minute, FollowUps: 2}
	if c.LLM != want {
		t.Fatalf("llm = %+v, want %+v", c.LLM, want)
	}

	env := envOf(map[string]string{"COACH_LLM_ENABLED": "0", "COACH_LLM_BASE_URL": "http://localhost:11434/v1", "COACH_LLM_MODEL": "llama3.1"})
	c, err = Load(Overrides{ConfigPath: path}, env)
	if err != nil {
		t.Fatal(err)
	}
	if c.LLM.Enabled || c.LLM.BaseURL != "http://localhost:11434/v1" || c.LLM.Model != "llama3.1" {
		t.Fatalf("env did not override llm: %+v", c.LLM)
	}

	c, err = Load(Overrides{ConfigPath: path, Offline: true}, envOf(map[string]string{"COACH_LLM_ENABLED": "true"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.LLM.Enabled || !c.Offline {
		t.Fatalf("--offline must turn the LLM off: %+v", c)
	}
}

func TestLLMErrorsNameKey(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"unknown", "llm:\n  enabled: true\n  modle: x\n", ":3:3: llm.modle: unknown key"},
		{"not a mapping", "llm: yes\n", ":1:6: llm: expected settings"},
		{"enabled", "llm:\n  enabled: yes\n", ":2:12: llm.enabled: expected true or false"},
		{"timeout", "llm:\n  timeout: 60\n", `:2:12: llm.timeout: "60" is not a duration`},
		{"negative timeout", "llm:\n  timeout: -1s\n", `llm.timeout: "-1s" is not a duration`},
		{"retries", "llm:\n  max_retries: 2.5\n", ":2:16: llm.max_retries: expected a whole number from 0 to 10"},
		{"retries too many", "llm:\n  max_retries: 99\n", "llm.max_retries: expected a whole number"},
		{"temperature", "llm:\n  temperature: 2.5\n", ":2:16: llm.temperature: expected a number from 0 to 2"},
		{"temperature text", "llm:\n  temperature: warm\n", "llm.temperature: expected a number"},
		{"api type", "llm:\n  api_type: anthropic\n", `:2:13: llm.api_type: "anthropic" is not an API type (use openai or azure)`},
		{"azure without version", "llm:\n  api_type: azure\n", ":2:13: llm.api_type: azure also needs llm.api_version"},
		{"base url", "llm:\n  base_url: localhost:11434\n", ":2:13: llm.base_url: expected an http:// or https:// URL"},
		{"model type", "llm:\n  model: [a, b]\n", ":2:10: llm.model: expected a text value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.body)
			_, err := Load(Overrides{ConfigPath: path}, envOf(nil))
			var ce *Error
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v should be a *config.Error containing %q", err, tt.want)
			}
		})
	}
}

func TestLLMKeyPastedIntoAPIKeyEnvIsNotEchoed(t *testing.T) {
	const key = "sk-proj-abc123DEF456-secret"
	path := writeConfig(t, "llm:\n  api_key_env: "+key+"\n")
	_, err := Load(Overrides{ConfigPath: path}, envOf(nil))
	if err == nil || !strings.Contains(err.Error(), "llm.api_key_env") || strings.Contains(err.Error(), "abc123") {
		t.Fatalf("want an error naming llm.api_key_env without the value, got %v", err)
	}
}

func TestLLMEnvErrors(t *testing.T) {
	none := writeConfig(t, "")
	for k, v := range map[string]string{"COACH_LLM_ENABLED": "maybe", "COACH_LLM_BASE_URL": "ftp://user:hunter2@x"} {
		_, err := Load(Overrides{ConfigPath: none}, envOf(map[string]string{k: v}))
		if err == nil || !strings.Contains(err.Error(), k) || strings.Contains(err.Error(), "hunter2") {
			t.Fatalf("%s=%s: want an error naming %s (and no password), got %v", k, v, k, err)
		}
	}
}

func TestLLMKeyInFileOnlyWhenPrivate(t *testing.T) {
	const key = "sk-file-key-0123456789"
	path := writeConfig(t, "llm:\n  enabled: true\n  model: m\n  api_key: "+key+"\n  follow_ups: 3\n")
	c, err := Load(Overrides{ConfigPath: path}, envOf(nil))
	if err != nil || c.LLM.APIKey != key || c.LLM.FollowUps != 3 {
		t.Fatalf("private file: key read %v, follow-ups %d, err %v", c.LLM.APIKey == key, c.LLM.FollowUps, err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(Overrides{ConfigPath: path}, envOf(nil))
	var ce *Error
	if !errors.As(err, &ce) || ce.Line != 4 || ce.Column != 3 || ce.Key != "llm.api_key" || !strings.Contains(err.Error(), "chmod 600") ||
		strings.Contains(err.Error(), "0123456789") {
		t.Fatalf("readable file with a key: %v", err)
	}
	// The place is the key's, however the file is indented.
	path = writeConfig(t, "llm:\n    enabled: false\n    api_key: "+key+"\n")
	os.Chmod(path, 0o640)
	if _, err := Load(Overrides{ConfigPath: path}, envOf(nil)); !errors.As(err, &ce) || ce.Line != 3 || ce.Column != 5 {
		t.Fatalf("indented key: %v", err)
	}
	path = writeConfig(t, "llm:\n  follow_ups: 9\n")
	if _, err := Load(Overrides{ConfigPath: path}, envOf(nil)); err == nil || !strings.Contains(err.Error(), ":2:15: llm.follow_ups: expected a whole number from 0 to 5") {
		t.Fatalf("follow_ups 9: %v", err)
	}
}
