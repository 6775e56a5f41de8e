package secrets

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errBlobMissing = errors.New("blob missing")

// memBlobs is an in-memory Blobs; the store package's real implementation
// is exercised by the service and server tests.
type memBlobs map[string][]byte

func (m memBlobs) SealedSecret(_ context.Context, name string) ([]byte, error) {
	b, ok := m[name]
	if !ok {
		return nil, errBlobMissing
	}
	return b, nil
}

func (m memBlobs) PutSealedSecret(_ context.Context, name string, c []byte) error {
	m[name] = c
	return nil
}

func (m memBlobs) DeleteSealedSecret(_ context.Context, name string) error {
	delete(m, name)
	return nil
}

func key(b byte) []byte { return bytes.Repeat([]byte{b}, 32) }

func TestSealedRoundTrip(t *testing.T) {
	ctx := context.Background()
	blobs := memBlobs{}
	s, err := NewSealed(blobs, key(1), errBlobMissing)
	require.NoError(t, err)

	_, err = s.Get(ctx, "a")
	require.ErrorIs(t, err, ErrNotFound)

	require.NoError(t, s.Set(ctx, "a", "plex-token-123"))
	assert.NotContains(t, string(blobs["a"]), "plex-token-123", "stored value is ciphertext")
	got, err := s.Get(ctx, "a")
	require.NoError(t, err)
	assert.Equal(t, "plex-token-123", got)

	require.NoError(t, s.Set(ctx, "b", "plex-token-123"))
	assert.NotEqual(t, blobs["a"], blobs["b"], "nonces differ")

	require.NoError(t, s.Delete(ctx, "a"))
	_, err = s.Get(ctx, "a")
	require.ErrorIs(t, err, ErrNotFound)
}

func TestSealedRejectsTamperingAndMoves(t *testing.T) {
	ctx := context.Background()
	blobs := memBlobs{}
	s, err := NewSealed(blobs, key(1), errBlobMissing)
	require.NoError(t, err)
	require.NoError(t, s.Set(ctx, "a", "secret"))

	blobs["b"] = blobs["a"]
	_, err = s.Get(ctx, "b")
	require.Error(t, err, "a ciphertext is bound to its name")

	blobs["a"][len(blobs["a"])-1] ^= 1
	_, err = s.Get(ctx, "a")
	require.Error(t, err)

	blobs["c"] = []byte{1, 2, 3}
	_, err = s.Get(ctx, "c")
	require.ErrorContains(t, err, "truncated")
}

func TestVerifyKeyDetectsAnotherKey(t *testing.T) {
	ctx := context.Background()
	blobs := memBlobs{}
	first, err := NewSealed(blobs, key(1), errBlobMissing)
	require.NoError(t, err)
	require.NoError(t, first.VerifyKey(ctx))
	require.NoError(t, first.VerifyKey(ctx), "same key passes again")

	other, err := NewSealed(blobs, key(2), errBlobMissing)
	require.NoError(t, err)
	require.ErrorContains(t, other.VerifyKey(ctx), "encryption key differs")
}

func TestNewSealedKeyLength(t *testing.T) {
	_, err := NewSealed(memBlobs{}, []byte("short"), errBlobMissing)
	require.ErrorContains(t, err, "32 bytes")
}
