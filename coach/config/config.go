// Package config loads coach's settings: a YAML file in the XDG config
// directory, then environment overrides, then command-line flags.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

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

	// Fields below come from flags and the environment only.
	Path    string `yaml:"-"` // the config file read (it may not exist)
	Offline bool   `yaml:"-"` // --offline: nothing may leave the machine
	NoColor bool   `yaml:"-"` // --no-color or NO_COLOR
}

// Default returns the configuration used when no file exists.
func Default() Config {
	return Config{Theme: ThemeAuto}
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
// missing file is not an error; a malformed one is.
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
	case os.IsNotExist(err):
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
	c.Offline = o.Offline
	return c, nil
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
