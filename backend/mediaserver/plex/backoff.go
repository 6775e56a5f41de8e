package plex

import (
	"math/rand/v2"
	"time"
)

// Backoff bounds for reconnecting the event stream.
const (
	backoffMin = time.Second
	backoffMax = time.Minute
)

// Backoff is how long to wait before reconnection attempt number attempt
// (0 for the first retry): 1 s doubling up to 60 s, with ±20 % jitter so
// that several servers or instances do not retry in step. The result is
// always between 1 s and 60 s.
func Backoff(attempt int) time.Duration {
	d := backoffMax
	if attempt < 6 {
		d = backoffMin << max(attempt, 0)
	}
	jitter := time.Duration(rand.Int64N(int64(d)*2/5+1)) - d/5
	return min(max(d+jitter, backoffMin), backoffMax)
}
