package plex_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
)

func TestBackoff(t *testing.T) {
	tests := []struct {
		attempt  int
		min, max time.Duration
	}{
		{-3, time.Second, 1200 * time.Millisecond},
		{0, time.Second, 1200 * time.Millisecond},
		{1, 1600 * time.Millisecond, 2400 * time.Millisecond},
		{2, 3200 * time.Millisecond, 4800 * time.Millisecond},
		{3, 6400 * time.Millisecond, 9600 * time.Millisecond},
		{5, 25600 * time.Millisecond, 38400 * time.Millisecond},
		{6, 48 * time.Second, time.Minute},
		{100, 48 * time.Second, time.Minute},
		{1 << 30, 48 * time.Second, time.Minute},
	}
	for _, tt := range tests {
		seen := map[time.Duration]bool{}
		for range 200 {
			d := plex.Backoff(tt.attempt)
			assert.GreaterOrEqual(t, d, tt.min, "attempt %d", tt.attempt)
			assert.LessOrEqual(t, d, tt.max, "attempt %d", tt.attempt)
			seen[d] = true
		}
		assert.Greater(t, len(seen), 1, "attempt %d has no jitter", tt.attempt)
	}
}
