//go:build headless

package app

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/service"
)

func getenvFrom(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestParseServerConfig(t *testing.T) {
	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "jf")
	require.NoError(t, os.WriteFile(tokenFile, []byte("jf-key\n"), 0o600))

	cfg, err := parseServerConfig([]string{"--listen", "127.0.0.1:9000"}, getenvFrom(map[string]string{
		"STREAMWARDEN_DATA":     dir,
		"STREAMWARDEN_LISTEN":   ":1234",
		"PLEX_URL":              "http://plex:32400",
		"PLEX_TOKEN":            "p",
		"PLEX_VERIFY_TLS":       "false",
		"JELLYFIN_URL":          "http://jf:8096",
		"JELLYFIN_API_KEY_FILE": tokenFile,
	}))
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:9000", cfg.listen, "flags win over the environment")
	assert.Equal(t, dir, cfg.dataDir)
	assert.Equal(t, []service.Declaration{
		{Kind: model.KindPlex, URL: "http://plex:32400", Token: "p", VerifyTLS: false},
		{Kind: model.KindJellyfin, URL: "http://jf:8096", Token: "jf-key", VerifyTLS: true},
	}, cfg.servers)

	defaults, err := parseServerConfig(nil, getenvFrom(nil))
	require.NoError(t, err)
	assert.Equal(t, defaultListen, defaults.listen)
	assert.Equal(t, defaultDataDir, defaults.dataDir)
}

func TestParseServerConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"url without token", nil, map[string]string{"EMBY_URL": "http://e"}, "EMBY_API_KEY"},
		{"bad tls flag", nil, map[string]string{"PLEX_URL": "http://p", "PLEX_TOKEN": "t", "PLEX_VERIFY_TLS": "maybe"}, "PLEX_VERIFY_TLS"},
		{"missing secret file", nil, map[string]string{"STREAMWARDEN_API_KEY_FILE": "/nonexistent/key"}, "STREAMWARDEN_API_KEY_FILE"},
		{"unknown flag", []string{"--nope"}, nil, "usage"},
		{"stray argument", []string{"serve"}, nil, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseServerConfig(tt.args, getenvFrom(tt.env))
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestHealthURL(t *testing.T) {
	for listen, want := range map[string]string{
		":8080":      "http://127.0.0.1:8080/api/health",
		"0.0.0.0:80": "http://127.0.0.1:80/api/health",
		"[::]:8080":  "http://127.0.0.1:8080/api/health",
		"10.1.2.3:9": "http://10.1.2.3:9/api/health",
		"[::1]:8080": "http://[::1]:8080/api/health",
	} {
		got, err := healthURL(listen)
		require.NoError(t, err)
		assert.Equal(t, want, got, listen)
	}
	_, err := healthURL("nonsense")
	require.Error(t, err)
}
