package config

import (
	"errors"
	"strings"
	"testing"
)

func TestSpeechFromFileEnvAndOffline(t *testing.T) {
	if d := Default().Speech; d.Enabled || d.Model != "whisper-1" || d.APIKeyEnv != DefaultAPIKeyEnv || !d.KeepAudio {
		t.Fatalf("defaults: %+v", d)
	}
	path := writeConfig(t, `speech:
  enabled: true
  base_url: http://localhost:8080/v1
  model: ggml-base.en
  api_key_env: WHISPER_KEY
  language: en
  record_command: rec -q -r 16000 -c 1 {file}
  keep_audio: false
`)
	c, err := Load(Overrides{ConfigPath: path}, envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	want := Speech{Enabled: true, BaseURL: "http://localhost:8080/v1", Model: "ggml-base.en", APIKeyEnv: "WHISPER_KEY",
		Language: "en", RecordCommand: "rec -q -r 16000 -c 1 {file}"}
	if c.Speech != want {
		t.Fatalf("speech = %+v, want %+v", c.Speech, want)
	}
	c, err = Load(Overrides{ConfigPath: path}, envOf(map[string]string{"COACH_SPEECH_ENABLED": "false",
		"COACH_SPEECH_BASE_URL": "http://localhost:8000/v1", "COACH_SPEECH_MODEL": "Systran/faster-whisper-small", "COACH_SPEECH_LANGUAGE": "de"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Speech.Enabled || c.Speech.BaseURL != "http://localhost:8000/v1" || c.Speech.Model != "Systran/faster-whisper-small" || c.Speech.Language != "de" {
		t.Fatalf("env did not override speech: %+v", c.Speech)
	}
	c, err = Load(Overrides{ConfigPath: path, Offline: true}, envOf(map[string]string{"COACH_SPEECH_ENABLED": "1"}))
	if err != nil || c.Speech.Enabled {
		t.Fatalf("--offline must keep audio here: %+v %v", c.Speech, err)
	}
}

func TestSpeechErrorsNameKey(t *testing.T) {
	for _, tt := range []struct{ body, want string }{
		{"speech:\n  enabled: sometimes\n", ":2:12: speech.enabled: expected true or false"},
		{"speech:\n  langauge: en\n", ":2:3: speech.langauge: unknown key"},
		{"speech:\n  language: english\n", `:2:13: speech.language: "english" is not a two-letter language code`},
		{"speech:\n  base_url: localhost:8080\n", ":2:13: speech.base_url: expected an http:// or https:// URL"},
		{"speech:\n  api_key_env: sk-abc-secret\n", "speech.api_key_env: expected the name of an environment variable"},
		{"speech: on\n", ":1:9: speech: expected settings"},
	} {
		_, err := Load(Overrides{ConfigPath: writeConfig(t, tt.body)}, envOf(nil))
		var ce *Error
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "secret") {
			t.Errorf("%q: error %v, want one containing %q", tt.body, err, tt.want)
		}
	}
	for k, v := range map[string]string{"COACH_SPEECH_ENABLED": "maybe", "COACH_SPEECH_LANGUAGE": "English", "COACH_SPEECH_BASE_URL": "ftp://x"} {
		if _, err := Load(Overrides{ConfigPath: writeConfig(t, "")}, envOf(map[string]string{k: v})); err == nil || !strings.Contains(err.Error(), k) {
			t.Errorf("%s=%s: %v", k, v, err)
		}
	}
}
