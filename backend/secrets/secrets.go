// Package secrets keeps tokens, keys and passwords out of the database:
// in the OS keyring on the desktop, sealed with AES-256-GCM headless.
package secrets

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
)

// ErrNotFound is returned when no secret is stored under a name.
var ErrNotFound = errors.New("secret not found")

// Store keeps named secrets.
type Store interface {
	Get(ctx context.Context, name string) (string, error)
	Set(ctx context.Context, name, value string) error
	Delete(ctx context.Context, name string) error
	// Backend names where secrets live, for display.
	Backend() string
}

// NewRef returns a fresh, unguessable name under which to store a secret.
func NewRef(prefix string) string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return prefix + "/" + hex.EncodeToString(b)
}
