//go:build !headless

package app

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/store"
)

func openTestStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(context.Background(), filepath.Join(dir, databaseFile), store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return st, dir
}

// TestDesktopSecretsUseTheKeyring needs the real Secret Service that
// make test starts on a private bus.
func TestDesktopSecretsUseTheKeyring(t *testing.T) {
	if os.Getenv("STREAMWARDEN_TEST_KEYRING") != "1" {
		t.Skip("needs a private D-Bus with gnome-keyring (make test-go)")
	}
	st, dir := openTestStore(t)
	sec, warning, err := desktopSecrets(dir, slog.New(slog.DiscardHandler))(context.Background(), st)
	require.NoError(t, err)
	assert.Equal(t, "OS keyring", sec.Backend())
	assert.Empty(t, warning)
}

// TestDesktopSecretsFallBackWithoutKeyring runs in a child process whose
// session bus does not exist (the D-Bus library keeps one connection per
// process).
func TestDesktopSecretsFallBackWithoutKeyring(t *testing.T) {
	if os.Getenv("STREAMWARDEN_NO_BUS_CHILD") != "1" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDesktopSecretsFallBackWithoutKeyring$", "-test.count=1")
		cmd.Env = append(os.Environ(), "STREAMWARDEN_NO_BUS_CHILD=1",
			"DBUS_SESSION_BUS_ADDRESS=unix:path="+filepath.Join(t.TempDir(), "no-bus"))
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		return
	}
	ctx := context.Background()
	st, dir := openTestStore(t)
	sec, warning, err := desktopSecrets(dir, slog.New(slog.DiscardHandler))(ctx, st)
	require.NoError(t, err, "the app still starts without a keyring")
	assert.Contains(t, sec.Backend(), "AES-256-GCM")
	assert.Contains(t, warning, "OS keyring could not be used")
	require.NoError(t, sec.Set(ctx, "n", "v"))
	got, err := sec.Get(ctx, "n")
	require.NoError(t, err)
	assert.Equal(t, "v", got)
}

func TestDesktopDataDir(t *testing.T) {
	t.Setenv("STREAMWARDEN_DATA", "")
	t.Setenv("XDG_CONFIG_HOME", "/tmp/cfg")
	dir, err := desktopDataDir("")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join("/tmp/cfg", "Streamwarden"), dir)
	t.Setenv("STREAMWARDEN_DATA", "/tmp/envdata")
	dir, err = desktopDataDir("")
	require.NoError(t, err)
	assert.Equal(t, "/tmp/envdata", dir)
	dir, err = desktopDataDir("/tmp/flagdata")
	require.NoError(t, err)
	assert.Equal(t, "/tmp/flagdata", dir, "the flag wins")
}
