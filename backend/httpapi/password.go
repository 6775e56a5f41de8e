package httpapi

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// argonParams are the argon2id cost settings. 19 MiB, 2 passes, 1 lane is
// the OWASP minimum for argon2id; hashing is serialised and the memory is
// handed back to the OS afterwards, so logins leave no lasting RSS spike.
type argonParams struct {
	memoryKiB uint32
	time      uint32
	threads   uint8
	keyLen    uint32
}

var defaultArgon = argonParams{memoryKiB: 19 * 1024, time: 2, threads: 1, keyLen: 32}

// hasher computes argon2id hashes one at a time.
type hasher struct {
	mu     sync.Mutex
	params argonParams
}

func newHasher(p argonParams) *hasher { return &hasher{params: p} }

// Hash returns an encoded argon2id hash (PHC string format) of password.
func (h *hasher) Hash(password string) string {
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	key := h.derive(password, salt, h.params)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version,
		h.params.memoryKiB, h.params.time, h.params.threads, enc.EncodeToString(salt), enc.EncodeToString(key))
}

// Verify reports whether password matches encoded.
func (h *hasher) Verify(password, encoded string) (bool, error) {
	p, salt, want, err := parseArgonHash(encoded)
	if err != nil {
		return false, err
	}
	got := h.derive(password, salt, p)
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

func (h *hasher) derive(password string, salt []byte, p argonParams) []byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	key := argon2.IDKey([]byte(password), salt, p.time, p.memoryKiB, p.threads, p.keyLen)
	// The argon2 block buffer is garbage now; return it to the OS at once
	// instead of letting the heap keep it for the life of the process.
	debug.FreeOSMemory()
	return key
}

func parseArgonHash(encoded string) (argonParams, []byte, []byte, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return argonParams{}, nil, nil, errors.New("stored password hash is not argon2id")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return argonParams{}, nil, nil, errors.New("stored password hash has an unsupported version")
	}
	var p argonParams
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memoryKiB, &p.time, &p.threads); err != nil {
		return argonParams{}, nil, nil, fmt.Errorf("parsing password hash parameters: %w", err)
	}
	if p.memoryKiB == 0 || p.memoryKiB > 1<<20 || p.time == 0 || p.time > 16 || p.threads == 0 {
		return argonParams{}, nil, nil, errors.New("stored password hash has out-of-range parameters")
	}
	enc := base64.RawStdEncoding
	salt, err := enc.DecodeString(parts[4])
	if err != nil {
		return argonParams{}, nil, nil, fmt.Errorf("decoding password salt: %w", err)
	}
	key, err := enc.DecodeString(parts[5])
	if err != nil || len(key) == 0 || len(key) > 64 {
		return argonParams{}, nil, nil, errors.New("stored password hash is malformed")
	}
	p.keyLen = uint32(len(key))
	return p, salt, key, nil
}
