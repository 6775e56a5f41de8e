package secrets

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
)

// Blobs is the storage the sealed store writes ciphertext to.
type Blobs interface {
	SealedSecret(ctx context.Context, name string) ([]byte, error)
	PutSealedSecret(ctx context.Context, name string, ciphertext []byte) error
	DeleteSealedSecret(ctx context.Context, name string) error
}

// Sealed stores secrets encrypted with AES-256-GCM. The secret's name is
// bound as additional data, so a ciphertext cannot be moved to another name.
type Sealed struct {
	blobs    Blobs
	aead     cipher.AEAD
	notFound error
}

var _ Store = (*Sealed)(nil)

// NewSealed returns a sealed store over blobs. key must be 32 bytes;
// blobsNotFound is the error blobs returns for a missing name.
func NewSealed(blobs Blobs, key []byte, blobsNotFound error) (*Sealed, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("encryption key must be 32 bytes, got %d", len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("creating cipher: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("creating GCM: %w", err)
	}
	return &Sealed{blobs: blobs, aead: aead, notFound: blobsNotFound}, nil
}

// Backend implements Store.
func (s *Sealed) Backend() string { return "encrypted in the database (AES-256-GCM)" }

// Get implements Store.
func (s *Sealed) Get(ctx context.Context, name string) (string, error) {
	blob, err := s.blobs.SealedSecret(ctx, name)
	if errors.Is(err, s.notFound) {
		return "", ErrNotFound
	}
	if err != nil {
		return "", err
	}
	plain, err := s.open(name, blob)
	if err != nil {
		return "", err
	}
	return string(plain), nil
}

// Set implements Store.
func (s *Sealed) Set(ctx context.Context, name, value string) error {
	return s.blobs.PutSealedSecret(ctx, name, s.seal(name, []byte(value)))
}

// Delete implements Store.
func (s *Sealed) Delete(ctx context.Context, name string) error {
	return s.blobs.DeleteSealedSecret(ctx, name)
}

func (s *Sealed) seal(name string, plain []byte) []byte {
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(plain)+s.aead.Overhead())
	_, _ = rand.Read(nonce)
	return s.aead.Seal(nonce, nonce, plain, []byte(name))
}

func (s *Sealed) open(name string, blob []byte) ([]byte, error) {
	n := s.aead.NonceSize()
	if len(blob) < n+s.aead.Overhead() {
		return nil, errors.New("sealed secret is truncated")
	}
	plain, err := s.aead.Open(nil, blob[:n], blob[n:], []byte(name))
	if err != nil {
		return nil, errors.New("sealed secret cannot be decrypted: the encryption key differs from the one it was sealed with")
	}
	return plain, nil
}

const keyCheckName = "streamwarden/key-check"

// VerifyKey proves the key opens what earlier runs sealed. The first run
// seals a check value; later runs with another key fail here, at start,
// with a clear message instead of failing later on every token.
func (s *Sealed) VerifyKey(ctx context.Context) error {
	_, err := s.Get(ctx, keyCheckName)
	switch {
	case errors.Is(err, ErrNotFound):
		return s.Set(ctx, keyCheckName, "ok")
	case err != nil:
		return fmt.Errorf("checking the encryption key: %w", err)
	}
	return nil
}
