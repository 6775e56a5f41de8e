package httpapi

import (
	"sync"
	"time"
)

// loginLimiter allows a burst of failed logins per client address, then
// makes the client wait; each failure window expires on its own.
type loginLimiter struct {
	mu       sync.Mutex
	now      func() time.Time
	max      int
	window   time.Duration
	failures map[string][]time.Time
}

func newLoginLimiter(max int, window time.Duration, now func() time.Time) *loginLimiter {
	return &loginLimiter{now: now, max: max, window: window, failures: map[string][]time.Time{}}
}

// Wait returns how long addr must wait before trying again; 0 means go.
func (l *loginLimiter) Wait(addr string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	recent := l.prune(addr)
	if len(recent) < l.max {
		return 0
	}
	return recent[0].Add(l.window).Sub(l.now())
}

// Fail records a failed attempt by addr.
func (l *loginLimiter) Fail(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.failures[addr] = append(l.prune(addr), l.now())
	if len(l.failures) > 10000 {
		l.sweep()
	}
}

// Succeed forgets addr's failures.
func (l *loginLimiter) Succeed(addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, addr)
}

func (l *loginLimiter) prune(addr string) []time.Time {
	cutoff := l.now().Add(-l.window)
	recent := l.failures[addr]
	i := 0
	for i < len(recent) && !recent[i].After(cutoff) {
		i++
	}
	recent = recent[i:]
	if len(recent) == 0 {
		delete(l.failures, addr)
		return nil
	}
	l.failures[addr] = recent
	return recent
}

// sweep drops expired entries so many distinct addresses cannot grow the
// map without bound.
func (l *loginLimiter) sweep() {
	for addr := range l.failures {
		l.prune(addr)
	}
}
