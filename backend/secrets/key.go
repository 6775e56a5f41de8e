package secrets

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// KeySource says where an encryption key came from.
type KeySource string

const (
	KeyFromEnv       KeySource = "environment"
	KeyFromEnvFile   KeySource = "environment file"
	KeyFromGenerated KeySource = "generated key file"
	KeyFromKeyFile   KeySource = "key file"
)

// KeyFileName is the key file written into the data directory when no key
// is configured.
const KeyFileName = "encryption.key"

// LoadKey resolves the 32-byte sealing key: the value of envName, else the
// file named by envName+"_FILE", else the key file in dataDir, generated
// (mode 0600) on first use.
func LoadKey(getenv func(string) string, envName, dataDir string) ([]byte, KeySource, error) {
	if v := strings.TrimSpace(getenv(envName)); v != "" {
		key, err := ParseKey(v)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", envName, err)
		}
		return key, KeyFromEnv, nil
	}
	if path := strings.TrimSpace(getenv(envName + "_FILE")); path != "" {
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, "", fmt.Errorf("reading %s_FILE: %w", envName, err)
		}
		key, err := ParseKey(strings.TrimSpace(string(raw)))
		if err != nil {
			return nil, "", fmt.Errorf("%s_FILE %s: %w", envName, path, err)
		}
		return key, KeyFromEnvFile, nil
	}
	return loadOrCreateKeyFile(filepath.Join(dataDir, KeyFileName))
}

// ParseKey accepts a key as 64 hex digits or base64 of 32 bytes. Any other
// string of at least 32 characters is treated as a passphrase and hashed.
func ParseKey(s string) ([]byte, error) {
	if b, err := hex.DecodeString(s); err == nil && len(b) == 32 {
		return b, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) == 32 {
			return b, nil
		}
	}
	if len(s) >= 32 {
		sum := sha256.Sum256([]byte(s))
		return sum[:], nil
	}
	return nil, errors.New("key must be 64 hex digits, base64 of 32 bytes, or a passphrase of at least 32 characters")
}

func loadOrCreateKeyFile(path string) ([]byte, KeySource, error) {
	raw, err := os.ReadFile(path)
	if err == nil {
		key, perr := ParseKey(strings.TrimSpace(string(raw)))
		if perr != nil {
			return nil, "", fmt.Errorf("key file %s: %w", path, perr)
		}
		return key, KeyFromKeyFile, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, "", fmt.Errorf("reading key file: %w", err)
	}
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, "", fmt.Errorf("creating data directory: %w", err)
	}
	// O_EXCL: if two processes race, the loser reads the winner's key.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return loadOrCreateKeyFile(path)
	}
	if err != nil {
		return nil, "", fmt.Errorf("creating key file: %w", err)
	}
	_, werr := f.WriteString(hex.EncodeToString(key) + "\n")
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = os.Remove(path)
		return nil, "", fmt.Errorf("writing key file: %w", werr)
	}
	return key, KeyFromGenerated, nil
}
