package httpapi

import (
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var fastArgon = argonParams{memoryKiB: 64, time: 1, threads: 1, keyLen: 32}

func TestHashAndVerify(t *testing.T) {
	h := newHasher(fastArgon)
	enc := h.Hash("hunter2hunter2")
	assert.True(t, strings.HasPrefix(enc, "$argon2id$v=19$m=64,t=1,p=1$"))
	assert.NotEqual(t, enc, h.Hash("hunter2hunter2"), "salts differ")
	ok, err := h.Verify("hunter2hunter2", enc)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = h.Verify("hunter3hunter3", enc)
	require.NoError(t, err)
	assert.False(t, ok)
}

func TestVerifyRejectsMalformedHashes(t *testing.T) {
	h := newHasher(fastArgon)
	for _, bad := range []string{
		"", "plain", "$argon2i$v=19$m=64,t=1,p=1$c2FsdA$a2V5",
		"$argon2id$v=18$m=64,t=1,p=1$c2FsdA$a2V5",
		"$argon2id$v=19$m=99999999,t=1,p=1$c2FsdA$a2V5",
		"$argon2id$v=19$m=64,t=1,p=0$c2FsdA$a2V5",
		"$argon2id$v=19$m=64,t=1,p=1$!!$a2V5",
		"$argon2id$v=19$m=64,t=1,p=1$c2FsdA$",
	} {
		ok, err := h.Verify("x", bad)
		assert.False(t, ok, bad)
		assert.Error(t, err, bad)
	}
}

// BenchmarkLoginMemory reports the heap the process keeps after one
// argon2id hash with the production parameters: the hash's 19 MiB working
// set must be returned, not retained.
func BenchmarkLoginMemory(b *testing.B) {
	h := newHasher(defaultArgon)
	enc := h.Hash("correct horse battery")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if ok, _ := h.Verify("correct horse battery", enc); !ok {
			b.Fatal("verify failed")
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapSys-after.HeapReleased)/(1<<20), "MiB-heap-retained")
	b.ReportMetric(float64(before.HeapSys-before.HeapReleased)/(1<<20), "MiB-heap-before")
}
