package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func TestBackupIsAConsistentCopy(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := fullPlay()
	require.NoError(t, s.SavePlays(ctx, []*model.Play{&p}))
	path := filepath.Join(t.TempDir(), "copy.db")
	require.NoError(t, s.Backup(ctx, path))
	require.Error(t, s.Backup(ctx, path), "an existing file is not overwritten")

	copyStore, err := Open(ctx, path, Options{})
	require.NoError(t, err)
	defer copyStore.Close()
	got, err := copyStore.Play(ctx, p.ID)
	require.NoError(t, err)
	assert.Equal(t, p, got)
}
