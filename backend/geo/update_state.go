package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"time"
)

// UpdateState is what the updater did last and will do next.
type UpdateState struct {
	LastCheck   time.Time
	LastSuccess time.Time
	LastError   string
	// NextCheck is zero when a check is due as soon as there are credentials.
	NextCheck time.Time
}

// updaterState is the updater's memory, kept in UpdaterConfig.StateFile so
// that a restart neither re-downloads nor forgets a failure.
type updaterState struct {
	LastCheck   time.Time `json:"lastCheck"`
	LastSuccess time.Time `json:"lastSuccess"`
	LastError   string    `json:"lastError,omitempty"`
	NextCheck   time.Time `json:"nextCheck"`
	// Failures counts consecutive failed checks, for the retry back-off.
	Failures int `json:"failures,omitempty"`
	// Checksums holds the SHA-256 of the archive last installed per edition.
	Checksums map[string]string `json:"checksums,omitempty"`
}

// loadState reads the state file once. Callers hold u.mu. A missing or
// unreadable file starts afresh: the worst outcome is one early check.
func (u *Updater) loadState() {
	if u.loaded {
		return
	}
	u.loaded = true
	u.state = updaterState{Checksums: map[string]string{}}
	if u.cfg.StateFile == "" {
		return
	}
	b, err := os.ReadFile(u.cfg.StateFile)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err == nil {
		err = json.Unmarshal(b, &u.state)
	}
	if err != nil {
		u.log.Warn("GeoIP update state unreadable; starting afresh", slog.Any("error", err))
		u.state = updaterState{}
	}
	if u.state.Checksums == nil {
		u.state.Checksums = map[string]string{}
	}
}

// saveState writes the state file. Callers hold u.mu.
func (u *Updater) saveState() {
	if u.cfg.StateFile == "" {
		return
	}
	err := writeFileAtomic(u.cfg.StateFile, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(u.state); err != nil {
			return fmt.Errorf("encoding state: %w", err)
		}
		return nil
	})
	if err != nil {
		u.log.Warn("GeoIP update state not saved", slog.Any("error", err))
	}
}

// State reports the last and next check.
func (u *Updater) State() UpdateState {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.loadState()
	return UpdateState{
		LastCheck:   u.state.LastCheck,
		LastSuccess: u.state.LastSuccess,
		LastError:   u.state.LastError,
		NextCheck:   u.nextCheck(),
	}
}

// nextCheck is when the next check is due; the zero time means now.
// Callers hold u.mu.
func (u *Updater) nextCheck() time.Time {
	s := u.state
	if s.LastCheck.IsZero() {
		return time.Time{}
	}
	// A shortened Interval takes effect without waiting out the old one.
	regular := s.LastCheck.Add(u.cfg.Interval)
	if s.NextCheck.IsZero() || s.NextCheck.After(regular) {
		return regular
	}
	return s.NextCheck
}

// record notes the outcome of a check that started at started.
func (u *Updater) record(started time.Time, checkErr error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.loadState()
	// Without the monotonic reading, comparisons use the wall clock, which
	// keeps counting while a laptop sleeps.
	started = started.Round(0)
	s := &u.state
	s.LastCheck = started
	if checkErr == nil {
		s.LastSuccess, s.LastError, s.Failures = started, "", 0
		s.NextCheck = started.Add(u.cfg.Interval)
	} else {
		s.LastError = checkErr.Error()
		s.Failures++
		s.NextCheck = started.Add(retryDelay(s.Failures, u.cfg.Interval, checkErr))
	}
	u.saveState()
}

// retryDelay backs off from an hour, doubling per failure, up to the
// regular interval. Rejected credentials will not fix themselves, so they
// wait the full interval; callers CheckNow when the user changes them.
func retryDelay(failures int, interval time.Duration, err error) time.Duration {
	if errors.Is(err, ErrBadCredentials) {
		return interval
	}
	d := time.Hour << min(failures-1, 10)
	return min(d, interval)
}

func (u *Updater) checksum(edition string) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.loadState()
	return u.state.Checksums[edition]
}

func (u *Updater) setChecksum(edition, sum string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.loadState()
	u.state.Checksums[edition] = sum
	u.saveState()
}
