package service

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAPIKeysLifecycle(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	_, err := f.set.APIKeys.Create("  ")
	kind, field := kindOf(t, err)
	assert.Equal(t, KindInvalid, kind)
	assert.Equal(t, "name", field)

	created, err := f.set.APIKeys.Create("home assistant")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(created.Secret, "sw_"))
	assert.GreaterOrEqual(t, len(created.Secret), 40)
	assert.True(t, strings.HasPrefix(created.Secret, created.Key.Prefix))

	used, err := f.store.UseAPIKey(ctx, HashAPIKey(created.Secret))
	require.NoError(t, err, "the key is found by its hash")
	assert.Equal(t, created.Key.ID, used.ID)

	list, err := f.set.APIKeys.List()
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.NotZero(t, list[0].LastUsedAt)

	require.NoError(t, f.set.APIKeys.Revoke(created.Key.ID))
	kind, _ = kindOf(t, f.set.APIKeys.Revoke(created.Key.ID))
	assert.Equal(t, KindNotFound, kind)
	assert.NotEqual(t, NewAPIKeySecret(), NewAPIKeySecret())
}

func TestSystemInfo(t *testing.T) {
	f := newFixture(t)
	info, err := f.set.System.Info()
	require.NoError(t, err)
	assert.Equal(t, "server", info.Mode)
}
