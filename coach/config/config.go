// Package config loads coach's settings: a YAML file in the XDG config
// directory, then environment overrides, then command-line flags.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/adrg/xdg"
)

// Theme names accepted by the theme setting and COACH_THEME.
const (
	ThemeAuto  = "auto"
	ThemeDark  = "dark"
	ThemeLight = "light"
)

// Config is the effective configuration after file, environment and flags.
type Config struct {
	// Theme picks the colour palette: auto asks the terminal once at start.
	Theme string `yaml:"theme"`
	// DataDir holds the SQLite database; empty means the XDG data directory.
	DataDir string `yaml:"data_dir"`
	// LLM is the optional model endpoint; off unless enabled.
	LLM LLM `yaml:"llm"`
	// Speech is the recorder and the optional transcription endpoint.
	Speech Speech `yaml:"speech"`

	// Fields below come from flags and the environment only.
	Path    string `yaml:"-"` // the config file read (it may not exist)
	Offline bool   `yaml:"-"` // --offline: nothing may leave the machine
	NoColor bool   `yaml:"-"` // --no-color or NO_COLOR
}

// API types accepted by llm.api_type.
const (
	APITypeOpenAI = "openai" // OpenAI and every compatible server
	APITypeAzure  = "azure"  // Azure OpenAI (needs api_version)
)

// LLM configures the optional model endpoint. Nothing is sent anywhere
// unless Enabled is true, and --offline turns it off whatever the file says.
type LLM struct {
	Enabled bool `yaml:"enabled"`
	// BaseURL is the OpenAI-compatible endpoint; empty means OpenAI's own.
	BaseURL string `yaml:"base_url"`
	Model   string `yaml:"model"`
	// APIKeyEnv names the environment variable that holds the key; the
	// key itself is never in this struct.
	APIKeyEnv  string        `yaml:"api_key_env"`
	APIType    string        `yaml:"api_type"`
	APIVersion string        `yaml:"api_version"` // Azure only
	Timeout    time.Duration `yaml:"timeout"`
	MaxRetries int           `yaml:"max_retries"`
	// Temperature is 0..2; 0 is meaningful (see coach/llm).
	Temperature float64 `yaml:"temperature"`
	// FollowUps is how many follow-ups the model asks per question in a
	// mock interview (practice asks one).
	FollowUps int `yaml:"follow_ups"`
	// APIKey is a key written in the config file itself, accepted only
	// when no one but the owner can read the file. The variable named by
	// APIKeyEnv wins over it. It is never printed.
	APIKey string `yaml:"-"`
	// Where llm.api_key was written, for the error when the file is
	// readable by others.
	apiKeyLine, apiKeyColumn int
}

// LLM defaults and limits.
const (
	DefaultAPIKeyEnv   = "OPENAI_API_KEY"
	DefaultLLMTimeout  = 60 * time.Second
	DefaultMaxRetries  = 2
	DefaultTemperature = 0.2
	DefaultFollowUps   = 2
	maxFollowUps       = 5
	maxRetriesLimit    = 10
	maxTemperature     = 2
)

// Default returns the configuration used when no file exists.
func Default() Config {
	return Config{
		Theme: ThemeAuto,
		LLM: LLM{
			APIKeyEnv:   DefaultAPIKeyEnv,
			APIType:     APITypeOpenAI,
			Timeout:     DefaultLLMTimeout,
			MaxRetries:  DefaultMaxRetries,
			Temperature: DefaultTemperature,
			FollowUps:   DefaultFollowUps,
		},
		Speech: defaultSpeech(),
	}
}

// DefaultPath is $XDG_CONFIG_HOME/coach/config.yaml.
func DefaultPath() string {
	return filepath.Join(xdg.ConfigHome, "coach", "config.yaml")
}

// DefaultDataDir is $XDG_DATA_HOME/coach.
func DefaultDataDir() string {
	return filepath.Join(xdg.DataHome, "coach")
}

// Overrides are the values given on the command line; zero means unset.
type Overrides struct {
	ConfigPath string
	DataDir    string
	Offline    bool
	NoColor    bool
}

// Env reads a variable; tests pass their own instead of os.Getenv.
type Env func(string) string

// Load resolves the config path (flag, COACH_CONFIG, XDG default), reads the
// file if it exists, and applies the environment and flag overrides. A
// missing file is not an error unless the --config flag named it; a
// malformed one is.
func Load(o Overrides, env Env) (Config, error) {
	if env == nil {
		env = os.Getenv
	}
	c := Default()
	c.Path = firstNonEmpty(o.ConfigPath, env("COACH_CONFIG"), DefaultPath())

	data, err := os.ReadFile(c.Path)
	switch {
	case err == nil:
		if err := decode(c.Path, data, &c); err != nil {
			return c, err
		}
		if err := checkKeyFile(c.Path, c.LLM); err != nil {
			return c, err
		}
	case os.IsNotExist(err):
		// A file named on the command line must be there: a typo in
		// --config would otherwise run silently on the defaults.
		if o.ConfigPath != "" {
			return c, fmt.Errorf("config %s: no such file (create it with 'coach --config %s config init')", c.Path, c.Path)
		}
	default:
		return c, fmt.Errorf("config %s: %w", c.Path, unwrapPathError(err))
	}

	if t := env("COACH_THEME"); t != "" {
		if !validTheme(t) {
			return c, fmt.Errorf("COACH_THEME=%q: must be %s", t, themeChoices)
		}
		c.Theme = t
	}
	c.DataDir = firstNonEmpty(o.DataDir, env("COACH_DATA_DIR"), expandHome(c.DataDir), DefaultDataDir())
	// NO_COLOR counts when set to any non-empty value (https://no-color.org).
	c.NoColor = o.NoColor || env("NO_COLOR") != ""
	if err := llmFromEnv(&c.LLM, env); err != nil {
		return c, err
	}
	if err := speechFromEnv(&c.Speech, env); err != nil {
		return c, err
	}
	c.Offline = o.Offline
	if c.Offline {
		// --offline wins over the file and the environment
		c.LLM.Enabled, c.Speech.Enabled = false, false
	}
	return c, nil
}

// llmFromEnv applies COACH_LLM_ENABLED, COACH_LLM_BASE_URL and COACH_LLM_MODEL.
func llmFromEnv(l *LLM, env Env) error {
	if v := env("COACH_LLM_ENABLED"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("COACH_LLM_ENABLED=%q: must be true or false (or 1 or 0)", v)
		}
		l.Enabled = b
	}
	if v := env("COACH_LLM_BASE_URL"); v != "" {
		if msg := checkBaseURL(v); msg != "" {
			return fmt.Errorf("COACH_LLM_BASE_URL: %s", msg) // not echoed: a URL can hold a password
		}
		l.BaseURL = v
	}
	if v := env("COACH_LLM_MODEL"); v != "" {
		l.Model = v
	}
	return nil
}

const themeChoices = "auto, dark or light"

func validTheme(t string) bool {
	return t == ThemeAuto || t == ThemeDark || t == ThemeLight
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[1:])
		}
	}
	return p
}

// unwrapPathError drops the path from an *os.PathError, which the caller
// already names, so messages do not repeat it.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
