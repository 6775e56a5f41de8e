package service

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/streamwarden/streamwarden/backend/store"
)

// APIKeyStore persists API keys by hash.
type APIKeyStore interface {
	APIKeys(ctx context.Context) ([]store.APIKey, error)
	CreateAPIKey(ctx context.Context, name, prefix, keyHash string) (store.APIKey, error)
	DeleteAPIKey(ctx context.Context, id int64) error
}

const (
	apiKeyScheme    = "sw_"
	apiKeyPrefixLen = len(apiKeyScheme) + 6
)

// APIKeys manages the keys scripts use to call the headless server.
type APIKeys struct {
	ctx   context.Context
	store APIKeyStore
}

// List returns every key without the key itself.
func (a *APIKeys) List() ([]APIKeyView, error) {
	keys, err := a.store.APIKeys(a.ctx)
	if err != nil {
		return nil, internal("Could not read the API keys.", err)
	}
	views := make([]APIKeyView, len(keys))
	for i, k := range keys {
		views[i] = apiKeyView(k)
	}
	return views, nil
}

// Create makes a new key. The returned Secret is shown once and never again.
func (a *APIKeys) Create(name string) (CreatedAPIKey, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return CreatedAPIKey{}, invalid("name", "Name is required.")
	}
	if utf8.RuneCountInString(name) > maxNameLen {
		return CreatedAPIKey{}, invalid("name", fmt.Sprintf("Name is longer than %d characters.", maxNameLen))
	}
	secret := NewAPIKeySecret()
	key, err := a.store.CreateAPIKey(a.ctx, name, secret[:apiKeyPrefixLen], HashAPIKey(secret))
	if err != nil {
		return CreatedAPIKey{}, internal("Could not create the API key.", err)
	}
	return CreatedAPIKey{Key: apiKeyView(key), Secret: secret}, nil
}

// Revoke deletes a key; requests using it are refused from then on.
func (a *APIKeys) Revoke(id int64) error {
	err := a.store.DeleteAPIKey(a.ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return notFound(fmt.Sprintf("API key %d does not exist.", id), err)
	}
	if err != nil {
		return internal("Could not revoke the API key.", err)
	}
	return nil
}

// NewAPIKeySecret returns a fresh random API key.
func NewAPIKeySecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return apiKeyScheme + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

// HashAPIKey is how API keys are stored and looked up. The keys are long
// and random, so a fast hash is enough; no salt is needed to find them.
func HashAPIKey(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

func apiKeyView(k store.APIKey) APIKeyView {
	return APIKeyView{ID: k.ID, Name: k.Name, Prefix: k.Prefix, CreatedAt: k.CreatedAt, LastUsedAt: k.LastUsedAt}
}
