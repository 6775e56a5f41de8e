package secrets

import (
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestParseKey(t *testing.T) {
	raw := key(7)
	tests := []struct {
		name    string
		in      string
		want    []byte
		wantErr bool
	}{
		{"hex", hex.EncodeToString(raw), raw, false},
		{"base64", base64.StdEncoding.EncodeToString(raw), raw, false},
		{"base64 url raw", base64.RawURLEncoding.EncodeToString(raw), raw, false},
		{"passphrase", strings.Repeat("correct horse ", 3), nil, false},
		{"too short", "hunter2", nil, true},
		{"empty", "", nil, true},
		{"hex of 16 bytes is short", hex.EncodeToString(raw[:16]), nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseKey(tt.in)
			if tt.wantErr {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Len(t, got, 32)
			if tt.want != nil {
				assert.Equal(t, tt.want, got)
			}
		})
	}
}

func TestLoadKeySources(t *testing.T) {
	raw := key(9)
	dir := t.TempDir()
	file := filepath.Join(dir, "k")
	require.NoError(t, os.WriteFile(file, []byte(hex.EncodeToString(raw)+"\n"), 0o600))

	got, src, err := LoadKey(env(map[string]string{"K": hex.EncodeToString(raw)}), "K", dir)
	require.NoError(t, err)
	assert.Equal(t, raw, got)
	assert.Equal(t, KeyFromEnv, src)

	got, src, err = LoadKey(env(map[string]string{"K_FILE": file}), "K", dir)
	require.NoError(t, err)
	assert.Equal(t, raw, got)
	assert.Equal(t, KeyFromEnvFile, src)

	_, _, err = LoadKey(env(map[string]string{"K": "short"}), "K", dir)
	require.ErrorContains(t, err, "K:")
	_, _, err = LoadKey(env(map[string]string{"K_FILE": filepath.Join(dir, "missing")}), "K", dir)
	require.ErrorContains(t, err, "K_FILE")
}

func TestLoadKeyGeneratesFileOnceWithPrivateMode(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	first, src, err := LoadKey(env(nil), "K", dir)
	require.NoError(t, err)
	assert.Equal(t, KeyFromGenerated, src)
	info, err := os.Stat(filepath.Join(dir, KeyFileName))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	again, src, err := LoadKey(env(nil), "K", dir)
	require.NoError(t, err)
	assert.Equal(t, KeyFromKeyFile, src)
	assert.Equal(t, first, again, "a restart reads the same key back")
}

func TestLoadKeyRejectsCorruptKeyFile(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, KeyFileName), []byte("garbage"), 0o600))
	_, _, err := LoadKey(env(nil), "K", dir)
	require.ErrorContains(t, err, "key file")
}
