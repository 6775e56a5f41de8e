package simulator

import (
	"crypto/md5" //nolint:gosec // ids only need to look like the servers' own MD5-based ids
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
)

// randomHex returns n lowercase hex digits from the system's random source.
func randomHex(n int) (string, error) {
	b := make([]byte, (n+1)/2)
	if _, err := crand.Read(b); err != nil {
		return "", fmt.Errorf("reading random bytes: %w", err)
	}
	return hex.EncodeToString(b)[:n], nil
}

// hashHex is a stable 32-hex id (the dashless GUID form Jellyfin and Emby
// use) derived from parts.
func hashHex(parts ...string) string {
	sum := md5.Sum([]byte(strings.Join(parts, "\x00"))) //nolint:gosec // not a security use
	return hex.EncodeToString(sum[:])
}

// hash64 is a stable 64-bit hash of parts.
func hash64(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		_, _ = h.Write([]byte(p))
		_, _ = h.Write([]byte{0})
	}
	return h.Sum64()
}

// hashNumber is a stable decimal id in [lo, lo+span) derived from parts.
func hashNumber(lo, span uint64, parts ...string) string {
	return strconv.FormatUint(lo+hash64(parts...)%span, 10)
}

const alnum = "abcdefghijklmnopqrstuvwxyz0123456789"

// randomAlnum returns n characters of [a-z0-9], the shape of Plex session
// and transcode ids.
func randomAlnum(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alnum[r.IntN(len(alnum))]
	}
	return string(b)
}

// randomHexFrom returns n hex digits from r.
func randomHexFrom(r *rand.Rand, n int) string {
	const digits = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = digits[r.IntN(16)]
	}
	return string(b)
}
