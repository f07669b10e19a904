package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSetKeepsCommentsAndOtherKeys(t *testing.T) {
	path := writeConfig(t, "# my notes about colours\ntheme: dark # I like it dark\n\nllm:\n  # my server\n  enabled: false\n  base_url: http://localhost:11434/v1\n  model: llama3.1\n")
	if err := Set(path, "llm.enabled", "true"); err != nil {
		t.Fatal(err)
	}
	if err := Set(path, "theme", "light"); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	got := string(data)
	for _, want := range []string{"# my notes about colours", "theme: light # I like it dark", "# my server", "enabled: true", "base_url: http://localhost:11434/v1", "model: llama3.1"} {
		if !strings.Contains(got, want) {
			t.Errorf("after Set the file lacks %q:\n%s", want, got)
		}
	}
	c, err := Load(Overrides{ConfigPath: path}, envOf(nil))
	if err != nil || c.Theme != "light" || !c.LLM.Enabled || c.LLM.Model != "llama3.1" {
		t.Fatalf("the file does not load as set: %v %+v", err, c)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("the config is %v, want 0600", info.Mode().Perm())
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".config-*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestSetOnAMissingFileStartsFromTheTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "config.yaml")
	if err := Set(path, "theme", "dark"); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "theme: dark") || !strings.Contains(string(data), "# Colour palette") || !strings.Contains(string(data), "api_key_env: OPENAI_API_KEY") {
		t.Fatalf("a new file from Set:\n%s", data)
	}
}

func TestSetRefusesWhatItCannotWrite(t *testing.T) {
	path := writeConfig(t, "theme: dark\n")
	for _, kv := range [][2]string{{"theme", "blue"}, {"data_dir", "/x"}, {"llm.enabled", "maybe"}} {
		if err := Set(path, kv[0], kv[1]); err == nil {
			t.Errorf("Set(%s, %s) accepted", kv[0], kv[1])
		}
	}
	broken := writeConfig(t, "theme: [dark\n")
	if err := Set(broken, "theme", "light"); err == nil {
		t.Error("a broken file was rewritten")
	}
	if data, _ := os.ReadFile(broken); string(data) != "theme: [dark\n" {
		t.Errorf("a broken file was changed: %q", data)
	}
}
