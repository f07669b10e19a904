package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Template is the commented file written by `coach config init`. Every key
// it shows is one Load understands, with its default value.
const Template = `# coach configuration.
# Environment variables override this file; command-line flags override both.

# Colour palette: auto (ask the terminal once at start), dark or light.
# Environment: COACH_THEME.
theme: auto

# Where coach keeps its SQLite database (answers, ratings, drills).
# Empty means $XDG_DATA_HOME/coach (usually ~/.local/share/coach).
# Environment: COACH_DATA_DIR. Flag: --data-dir.
data_dir: ""

# Optional LLM coach: any OpenAI-compatible endpoint (OpenAI, Azure OpenAI,
# Ollama, LM Studio, vLLM, OpenRouter). Off unless enabled: nothing leaves
# this machine until you turn it on, and --offline always keeps it off.
# Try the settings with: coach llm check
llm:
  # Environment: COACH_LLM_ENABLED=true|false.
  enabled: false
  # The endpoint; empty means https://api.openai.com/v1. Ollama is
  # http://localhost:11434/v1, LM Studio http://localhost:1234/v1.
  # Environment: COACH_LLM_BASE_URL.
  base_url: ""
  # The model name, e.g. gpt-4o-mini or llama3.1 (for Azure, the deployment).
  # Environment: COACH_LLM_MODEL.
  model: ""
  # The NAME of the environment variable that holds the API key, never the
  # key itself. Local servers usually need no key.
  api_key_env: OPENAI_API_KEY
  # Or the key itself, when the variable is not set. coach refuses to read
  # a file holding a key that others can read: chmod 600 this file first.
  # api_key: sk-...
  # openai (every OpenAI-compatible server) or azure.
  api_type: openai
  # Azure OpenAI only, e.g. 2024-10-21.
  api_version: ""
  # How long to wait for the endpoint: a whole reply, or, while streaming,
  # the next piece of it.
  timeout: 60s
  # Retries after a rate limit (429) or a server error (5xx), with backoff.
  max_retries: 2
  # 0 (most repeatable) to 2 (most varied).
  temperature: 0.2
  # Follow-up questions the model asks per question in a mock interview,
  # each built on your answer (0 to 5). Practice asks one.
  follow_ups: 2

# Spoken answers. The audio is always measured on this machine (speaking
# time, pauses, the silence before you start). A transcription endpoint
# adds the words: pace, filler words and the same feedback as a typed
# answer. Off unless enabled; asked once per endpoint before any audio is
# sent, and --offline always keeps it here.
speech:
  # Environment: COACH_SPEECH_ENABLED=true|false.
  enabled: false
  # Any OpenAI-compatible /v1/audio/transcriptions; empty means OpenAI.
  # A whisper.cpp server is http://localhost:8080/v1 (start it with
  # --inference-path /v1/audio/transcriptions), faster-whisper-server
  # http://localhost:8000/v1. Environment: COACH_SPEECH_BASE_URL.
  base_url: ""
  # whisper-1 for OpenAI; local servers take their own model names.
  # Environment: COACH_SPEECH_MODEL.
  model: whisper-1
  # The NAME of the environment variable that holds the API key.
  api_key_env: OPENAI_API_KEY
  # The spoken language as a two-letter code, or empty to let the endpoint
  # tell. Environment: COACH_SPEECH_LANGUAGE.
  language: ""
  # How to record 16 kHz mono WAV to {file}; empty means the first of
  # rec (sox), arecord, ffmpeg and pw-record found.
  record_command: ""
  # Keep each recording with its answer.
  keep_audio: true
`

// ErrExists is returned by WriteTemplate when the file is already there.
var ErrExists = errors.New("already exists")

// WriteTemplate creates the config file at path with the commented template.
// It refuses to replace an existing file unless force is set, and writes
// through a temporary file so a crash never leaves half a config behind.
func WriteTemplate(path string, force bool) error {
	if !force {
		if _, err := os.Stat(path); err == nil {
			return fmt.Errorf("%s %w (use --force to overwrite it)", path, ErrExists)
		}
	}
	return writeAtomic(path, []byte(Template))
}

// writeAtomic writes data to path through a temporary file in the same
// folder, synced and renamed over it, private to the user (the file may
// hold an API key): a crash leaves the old file or the new, never half.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create %s: %w", dir, unwrapPathError(err))
	}
	tmp, err := os.CreateTemp(dir, ".config-*.yaml")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPathError(err))
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// The file may later hold an API key: keep it private from the start.
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPathError(err))
	}
	return nil
}
