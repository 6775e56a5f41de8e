//go:build headless

package app

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/service"
)

// serverConfig is the headless server's configuration: flags first, then
// environment variables, then defaults.
type serverConfig struct {
	dataDir   string
	listen    string
	logLevel  string
	logFormat string
	apiKey    string
	demo      bool
	servers   []service.Declaration
	getenv    func(string) string
}

const (
	defaultDataDir = "/data"
	defaultListen  = ":8080"
)

// serverEnv names the variables that declare servers, per kind.
var serverEnv = []struct {
	kind             model.ServerKind
	url, token, tlsV string
}{
	{model.KindPlex, "PLEX_URL", "PLEX_TOKEN", "PLEX_VERIFY_TLS"},
	{model.KindJellyfin, "JELLYFIN_URL", "JELLYFIN_API_KEY", "JELLYFIN_VERIFY_TLS"},
	{model.KindEmby, "EMBY_URL", "EMBY_API_KEY", "EMBY_VERIFY_TLS"},
}

func parseServerConfig(args []string, getenv func(string) string) (serverConfig, error) {
	cfg := serverConfig{getenv: getenv}
	flags := flag.NewFlagSet("streamwarden-server", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.StringVar(&cfg.dataDir, "data", envOr(getenv, "STREAMWARDEN_DATA", defaultDataDir), "data directory")
	flags.StringVar(&cfg.listen, "listen", envOr(getenv, "STREAMWARDEN_LISTEN", defaultListen), "address to listen on")
	flags.StringVar(&cfg.logLevel, "log-level", envOr(getenv, "STREAMWARDEN_LOG_LEVEL", "info"), "debug, info, warn or error")
	flags.StringVar(&cfg.logFormat, "log-format", envOr(getenv, "STREAMWARDEN_LOG_FORMAT", "text"), "text or json")
	flags.BoolVar(&cfg.demo, "demo", false, "watch simulated servers (data in a demo folder of the data directory)")
	if err := flags.Parse(args); err != nil {
		return serverConfig{}, fmt.Errorf("%w\nusage: streamwarden-server [--data DIR] [--listen ADDR] [--log-level LEVEL] [--log-format text|json] [--demo]\n       streamwarden-server healthcheck [--listen ADDR]", err)
	}
	if flags.NArg() > 0 {
		return serverConfig{}, fmt.Errorf("unexpected argument %q", flags.Arg(0))
	}
	abs, err := filepath.Abs(cfg.dataDir)
	if err != nil {
		return serverConfig{}, fmt.Errorf("resolving the data directory: %w", err)
	}
	cfg.dataDir = abs
	if cfg.demo {
		cfg.dataDir = filepath.Join(abs, "demo")
	}
	if cfg.apiKey, err = secretEnv(getenv, "STREAMWARDEN_API_KEY"); err != nil {
		return serverConfig{}, err
	}
	for _, e := range serverEnv {
		url := strings.TrimSpace(getenv(e.url))
		if url == "" {
			continue
		}
		token, err := secretEnv(getenv, e.token)
		if err != nil {
			return serverConfig{}, err
		}
		if token == "" {
			return serverConfig{}, fmt.Errorf("%s is set but %s (or %s_FILE) is not", e.url, e.token, e.token)
		}
		verify := true
		if v := strings.TrimSpace(getenv(e.tlsV)); v != "" {
			if verify, err = strconv.ParseBool(v); err != nil {
				return serverConfig{}, fmt.Errorf("%s must be true or false, got %q", e.tlsV, v)
			}
		}
		cfg.servers = append(cfg.servers, service.Declaration{Kind: e.kind, URL: url, Token: token, VerifyTLS: verify})
	}
	return cfg, nil
}

func envOr(getenv func(string) string, name, fallback string) string {
	if v := strings.TrimSpace(getenv(name)); v != "" {
		return v
	}
	return fallback
}

// secretEnv reads NAME, or the file named by NAME_FILE (Docker secrets).
func secretEnv(getenv func(string) string, name string) (string, error) {
	if v := strings.TrimSpace(getenv(name)); v != "" {
		return v, nil
	}
	path := strings.TrimSpace(getenv(name + "_FILE"))
	if path == "" {
		return "", nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("reading %s_FILE: %w", name, err)
	}
	return strings.TrimSpace(string(raw)), nil
}
