package config

import (
	"fmt"
	"os"
)

// checkKeyFile refuses a config file that holds an API key and that anyone
// but its owner can read: the key would be as good as public on a shared
// machine. The error names the file and the key's line, never the key.
func checkKeyFile(path string, l LLM) error {
	if l.APIKey == "" {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("config %s: %w", path, unwrapPathError(err))
	}
	if mode := fi.Mode().Perm(); mode&0o077 != 0 {
		return &Error{Path: path, Line: l.apiKeyLine, Column: l.apiKeyColumn, Key: "llm.api_key",
			Msg: fmt.Sprintf("the file holds an API key but others can read it (mode %04o): run chmod 600 %s, or put the key in the environment variable named by llm.api_key_env", mode, path)}
	}
	return nil
}
