package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestOpenUsesWAL(t *testing.T) {
	s := openTest(t)
	var mode string
	require.NoError(t, s.db.Raw("PRAGMA journal_mode").Scan(&mode).Error)
	assert.Equal(t, "wal", mode)
	var fk int
	require.NoError(t, s.db.Raw("PRAGMA foreign_keys").Scan(&fk).Error)
	assert.Equal(t, 1, fk)
}

func TestServerCRUD(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)

	created, err := s.CreateServer(ctx, model.Server{Kind: model.KindPlex, Name: "Home", URL: "http://h:32400", VerifyTLS: true, Enabled: true, Source: model.SourceUser, TokenRef: "ref-1"})
	require.NoError(t, err)
	assert.NotZero(t, created.ID)
	assert.False(t, created.CreatedAt.IsZero())

	_, err = s.CreateServer(ctx, model.Server{Kind: model.KindEmby, Name: "Home", URL: "http://x"})
	require.ErrorIs(t, err, ErrConflict, "names are unique")

	created.Enabled = false
	created.VerifyTLS = false
	created.Name = "Attic"
	updated, err := s.UpdateServer(ctx, created)
	require.NoError(t, err)
	assert.False(t, updated.Enabled, "false must be written, not skipped as a zero value")
	assert.False(t, updated.VerifyTLS)
	assert.Equal(t, "Attic", updated.Name)
	assert.Equal(t, created.CreatedAt, updated.CreatedAt)

	list, err := s.Servers(ctx)
	require.NoError(t, err)
	require.Len(t, list, 1)

	require.NoError(t, s.DeleteServer(ctx, created.ID))
	_, err = s.Server(ctx, created.ID)
	require.ErrorIs(t, err, ErrNotFound)
	require.ErrorIs(t, s.DeleteServer(ctx, created.ID), ErrNotFound)
	_, err = s.UpdateServer(ctx, created)
	require.ErrorIs(t, err, ErrNotFound)
}

func TestFirstAdminIsCreatedOnce(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a, err := s.CreateFirstAdmin(ctx, "Admin", "hash")
	require.NoError(t, err)
	_, err = s.CreateFirstAdmin(ctx, "other", "hash")
	require.ErrorIs(t, err, ErrConflict)
	found, err := s.AdminByUsername(ctx, "admin")
	require.NoError(t, err)
	assert.Equal(t, a.ID, found.ID)
	n, err := s.AdminCount(ctx)
	require.NoError(t, err)
	assert.EqualValues(t, 1, n)
}

func TestLoginSessionsExpire(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	s, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"), Options{Now: func() time.Time { return now }})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	a, err := s.CreateFirstAdmin(ctx, "admin", "hash")
	require.NoError(t, err)
	require.NoError(t, s.CreateLoginSession(ctx, "tok", a.ID, now.Add(time.Hour)))

	got, err := s.LoginSessionAdmin(ctx, "tok")
	require.NoError(t, err)
	assert.Equal(t, a.ID, got.ID)

	now = now.Add(2 * time.Hour)
	_, err = s.LoginSessionAdmin(ctx, "tok")
	require.ErrorIs(t, err, ErrNotFound)
	require.NoError(t, s.DeleteExpiredLoginSessions(ctx))
	var left int64
	require.NoError(t, s.db.Model(&loginSessionRow{}).Count(&left).Error)
	assert.Zero(t, left)
}

func TestAPIKeys(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	k, err := s.CreateAPIKey(ctx, "ci", "sw_abc", "h1")
	require.NoError(t, err)
	used, err := s.UseAPIKey(ctx, "h1")
	require.NoError(t, err)
	assert.Equal(t, k.ID, used.ID)
	assert.NotZero(t, used.LastUsedAt)
	_, err = s.UseAPIKey(ctx, "nope")
	require.ErrorIs(t, err, ErrNotFound)
	require.NoError(t, s.DeleteAPIKey(ctx, k.ID))
	require.ErrorIs(t, s.DeleteAPIKey(ctx, k.ID), ErrNotFound)
}

func TestSettingsAndSealedSecrets(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, err := s.Setting(ctx, "k")
	require.ErrorIs(t, err, ErrNotFound)
	require.NoError(t, s.SetSetting(ctx, "k", "v1"))
	require.NoError(t, s.SetSetting(ctx, "k", "v2"))
	v, err := s.Setting(ctx, "k")
	require.NoError(t, err)
	assert.Equal(t, "v2", v)

	require.NoError(t, s.PutSealedSecret(ctx, "n", []byte{1, 2}))
	require.NoError(t, s.PutSealedSecret(ctx, "n", []byte{3}))
	b, err := s.SealedSecret(ctx, "n")
	require.NoError(t, err)
	assert.Equal(t, []byte{3}, b)
	require.NoError(t, s.DeleteSealedSecret(ctx, "n"))
	_, err = s.SealedSecret(ctx, "n")
	require.ErrorIs(t, err, ErrNotFound)
}
