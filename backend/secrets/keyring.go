package secrets

import (
	"context"
	"errors"
	"fmt"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

// Keyring stores secrets in the operating system's keyring (Secret Service
// on Linux, Keychain on macOS, Credential Manager on Windows).
type Keyring struct {
	service string
	timeout time.Duration
}

var _ Store = (*Keyring)(nil)

// NewKeyring returns a keyring store whose items are filed under service.
// Every call gives up after timeout: a locked keyring may prompt forever.
func NewKeyring(service string, timeout time.Duration) *Keyring {
	return &Keyring{service: service, timeout: timeout}
}

// Backend implements Store.
func (k *Keyring) Backend() string { return "OS keyring" }

// Get implements Store.
func (k *Keyring) Get(ctx context.Context, name string) (string, error) {
	var value string
	err := k.call(ctx, func() error {
		v, err := gokeyring.Get(k.service, name)
		value = v
		return err
	})
	if err != nil {
		return "", fmt.Errorf("reading from the OS keyring: %w", err)
	}
	return value, nil
}

// Set implements Store.
func (k *Keyring) Set(ctx context.Context, name, value string) error {
	if err := k.call(ctx, func() error { return gokeyring.Set(k.service, name, value) }); err != nil {
		return fmt.Errorf("writing to the OS keyring: %w", err)
	}
	return nil
}

// Delete implements Store; deleting a missing secret is not an error.
func (k *Keyring) Delete(ctx context.Context, name string) error {
	err := k.call(ctx, func() error { return gokeyring.Delete(k.service, name) })
	if err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("deleting from the OS keyring: %w", err)
	}
	return nil
}

// Check tells whether the keyring can be used at all, by reading a name
// that does not exist.
func (k *Keyring) Check(ctx context.Context) error {
	_, err := k.Get(ctx, "streamwarden-availability-check")
	if err == nil || errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// call runs fn on its own goroutine so a keyring that hangs (an unanswered
// unlock prompt, a dead D-Bus) cannot hang the caller. The goroutine ends
// when the keyring call returns.
func (k *Keyring) call(ctx context.Context, fn func() error) error {
	ctx, cancel := context.WithTimeout(ctx, k.timeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		if errors.Is(err, gokeyring.ErrNotFound) {
			return ErrNotFound
		}
		return err
	case <-ctx.Done():
		return fmt.Errorf("the keyring did not answer within %s (is it locked?): %w", k.timeout, ctx.Err())
	}
}
