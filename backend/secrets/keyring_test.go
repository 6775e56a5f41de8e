package secrets

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKeyringRoundTrip talks to a real Secret Service. make test runs it
// inside a private D-Bus session with an unlocked gnome-keyring and sets
// STREAMWARDEN_TEST_KEYRING=1; elsewhere it is skipped rather than touch
// the developer's own keyring.
func TestKeyringRoundTrip(t *testing.T) {
	if os.Getenv("STREAMWARDEN_TEST_KEYRING") != "1" {
		t.Skip("set STREAMWARDEN_TEST_KEYRING=1 inside a private D-Bus session with gnome-keyring")
	}
	ctx := context.Background()
	k := NewKeyring("streamwarden-test", 10*time.Second)
	require.NoError(t, k.Check(ctx))
	name := NewRef("test")

	_, err := k.Get(ctx, name)
	require.ErrorIs(t, err, ErrNotFound)
	require.NoError(t, k.Set(ctx, name, "jellyfin-api-key"))
	got, err := k.Get(ctx, name)
	require.NoError(t, err)
	assert.Equal(t, "jellyfin-api-key", got)
	require.NoError(t, k.Set(ctx, name, "rotated"))
	got, err = k.Get(ctx, name)
	require.NoError(t, err)
	assert.Equal(t, "rotated", got)
	require.NoError(t, k.Delete(ctx, name))
	_, err = k.Get(ctx, name)
	require.ErrorIs(t, err, ErrNotFound)
	require.NoError(t, k.Delete(ctx, name), "deleting twice is fine")
}

// TestKeyringWithoutServiceFailsClearly runs in a child process: the D-Bus
// library keeps one session connection per process, so the bus address can
// only be changed before the first keyring call.
func TestKeyringWithoutServiceFailsClearly(t *testing.T) {
	if os.Getenv("STREAMWARDEN_KEYRING_CHILD") != "1" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKeyringWithoutServiceFailsClearly$", "-test.count=1")
		cmd.Env = append(os.Environ(), "STREAMWARDEN_KEYRING_CHILD=1",
			"DBUS_SESSION_BUS_ADDRESS=unix:path="+filepath.Join(t.TempDir(), "no-bus"))
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		return
	}
	k := NewKeyring("streamwarden-test", 2*time.Second)
	start := time.Now()
	err := k.Check(context.Background())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "OS keyring")
	assert.Less(t, time.Since(start), 5*time.Second)
}
