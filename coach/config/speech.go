package config

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Speech configures spoken answers: the recorder, and the optional
// transcription endpoint (any OpenAI-compatible /v1/audio/transcriptions:
// OpenAI, a whisper.cpp server, faster-whisper-server, LocalAI). Audio is
// sent nowhere unless Enabled is true and the user agrees for that
// endpoint; --offline keeps it here whatever the file says. Without an
// endpoint the audio is still measured on this machine.
type Speech struct {
	Enabled bool `yaml:"enabled"`
	// BaseURL is the endpoint; empty means OpenAI's own.
	BaseURL string `yaml:"base_url"`
	Model   string `yaml:"model"`
	// APIKeyEnv names the environment variable that holds the key.
	APIKeyEnv string `yaml:"api_key_env"`
	// Language is the spoken language as ISO 639-1 ("en"), or "" to let
	// the endpoint tell.
	Language string `yaml:"language"`
	// RecordCommand records 16 kHz mono WAV to the file named by {file};
	// empty means the first recorder found (rec, arecord, ffmpeg,
	// pw-record).
	RecordCommand string `yaml:"record_command"`
	// KeepAudio keeps each recording with its attempt.
	KeepAudio bool `yaml:"keep_audio"`
}

// Speech defaults.
const (
	DefaultSpeechModel = "whisper-1"
)

func defaultSpeech() Speech {
	return Speech{Model: DefaultSpeechModel, APIKeyEnv: DefaultAPIKeyEnv, KeepAudio: true}
}

// decodeSpeech reads the speech mapping; its keys are named speech.<key>
// in errors.
func decodeSpeech(path string, node *yaml.Node, s *Speech) error {
	if node.Kind == yaml.ScalarNode && node.ShortTag() == "!!null" {
		return nil
	}
	if node.Kind != yaml.MappingNode {
		return at(path, node, "speech", "expected settings such as enabled: true, indented under speech:")
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, val := node.Content[i], node.Content[i+1]
		name := "speech." + key.Value
		switch key.Value {
		case "enabled", "keep_audio":
			var b bool
			if val.Kind != yaml.ScalarNode || val.ShortTag() != "!!bool" || val.Decode(&b) != nil {
				return at(path, val, name, "expected true or false")
			}
			if key.Value == "enabled" {
				s.Enabled = b
			} else {
				s.KeepAudio = b
			}
		case "base_url", "model", "api_key_env", "language", "record_command":
			v, err := text(path, name, val)
			if err != nil {
				return err
			}
			switch key.Value {
			case "base_url":
				if msg := checkBaseURL(v); v != "" && msg != "" {
					return at(path, val, name, msg)
				}
				s.BaseURL = v
			case "model":
				s.Model = v
			case "api_key_env":
				if !envName.MatchString(v) {
					return at(path, val, name, "expected the name of an environment variable, such as OPENAI_API_KEY, not the key itself")
				}
				s.APIKeyEnv = v
			case "language":
				if v != "" && !language.MatchString(v) {
					return at(path, val, name, fmt.Sprintf("%q is not a two-letter language code (such as en, de, fr)", v))
				}
				s.Language = v
			case "record_command":
				s.RecordCommand = v
			}
		default:
			return at(path, key, name, "unknown key (see coach config init for the keys that exist)")
		}
	}
	return nil
}

// speechFromEnv applies COACH_SPEECH_ENABLED, COACH_SPEECH_BASE_URL,
// COACH_SPEECH_MODEL and COACH_SPEECH_LANGUAGE.
func speechFromEnv(s *Speech, env Env) error {
	if v := env("COACH_SPEECH_ENABLED"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("COACH_SPEECH_ENABLED=%q: must be true or false (or 1 or 0)", v)
		}
		s.Enabled = b
	}
	if v := env("COACH_SPEECH_BASE_URL"); v != "" {
		if msg := checkBaseURL(v); msg != "" {
			return fmt.Errorf("COACH_SPEECH_BASE_URL: %s", msg)
		}
		s.BaseURL = v
	}
	if v := env("COACH_SPEECH_MODEL"); v != "" {
		s.Model = v
	}
	if v := env("COACH_SPEECH_LANGUAGE"); v != "" {
		if !language.MatchString(v) {
			return fmt.Errorf("COACH_SPEECH_LANGUAGE=%q: expected a two-letter language code such as en", v)
		}
		s.Language = v
	}
	return nil
}
