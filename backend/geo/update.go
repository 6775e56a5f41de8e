package geo

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"sync"
	"time"
)

const (
	defaultBaseURL  = "https://download.maxmind.com"
	defaultInterval = 7 * 24 * time.Hour
	// idlePoll is how often Run looks for credentials while there are none.
	idlePoll = 15 * time.Minute
	// maxNap bounds one sleep of Run: timers stop while a laptop sleeps,
	// the wall clock does not, so Run wakes up to look at the clock.
	maxNap = time.Hour
)

var (
	ErrNotConfigured  = errors.New("the MaxMind account ID and licence key are not set")
	ErrBadCredentials = errors.New("MaxMind rejected the account ID or licence key")
	ErrRateLimited    = errors.New("MaxMind's daily download limit is reached; the update will be retried later")
)

// UpdaterConfig configures an Updater. Databases and Credentials are
// required; the rest have defaults.
type UpdaterConfig struct {
	Databases  *Databases
	HTTPClient *http.Client
	// BaseURL defaults to https://download.maxmind.com.
	BaseURL string
	// Credentials returns the MaxMind account ID and licence key; two
	// empty strings mean updates are not configured.
	Credentials func(ctx context.Context) (accountID, licenseKey string, err error)
	// Interval between checks; 7 days by default.
	Interval time.Duration
	Now      func() time.Time
	Log      *slog.Logger
	// StateFile keeps the updater's state across restarts; empty keeps it
	// in memory only.
	StateFile string
}

// EditionResult is what a check did for one database edition.
type EditionResult struct {
	Edition string
	Kind    Kind
	// Updated is false when the installed database is already current.
	Updated bool
	Info    DatabaseInfo
}

// UpdateResult is what one check did.
type UpdateResult struct {
	Checked  time.Time
	Editions []EditionResult
}

type edition struct {
	name string
	kind Kind
}

func editions() []edition {
	return []edition{{"GeoLite2-City", KindCity}, {"GeoLite2-ASN", KindASN}}
}

// Updater keeps the GeoLite2 City and ASN databases current from MaxMind.
type Updater struct {
	cfg    UpdaterConfig
	client *http.Client
	log    *slog.Logger

	checkMu sync.Mutex // one check at a time

	mu     sync.Mutex // guards the state
	loaded bool
	state  updaterState
}

// NewUpdater returns an Updater; it does no I/O until used.
func NewUpdater(cfg UpdaterConfig) *Updater {
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 30 * time.Minute}
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = defaultBaseURL
	}
	if cfg.Interval <= 0 {
		cfg.Interval = defaultInterval
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &Updater{cfg: cfg, client: credentialSafeClient(cfg.HTTPClient), log: cfg.Log}
}

// CheckNow checks both editions and installs whatever changed. It returns
// ErrNotConfigured without credentials. An edition that fails keeps its
// previous database.
func (u *Updater) CheckNow(ctx context.Context) (UpdateResult, error) {
	u.checkMu.Lock()
	defer u.checkMu.Unlock()
	c, err := u.credentials(ctx)
	if err != nil {
		return UpdateResult{}, err
	}
	return u.check(ctx, c)
}

// Run checks whenever a check is due (at once if there was none yet) until
// ctx ends. Without credentials it waits quietly for them.
func (u *Updater) Run(ctx context.Context) error {
	idle := false
	for {
		if wait := u.untilDue(); wait > 0 {
			if !sleep(ctx, min(wait, maxNap)) {
				return nil
			}
			continue
		}
		u.checkMu.Lock()
		c, err := u.credentials(ctx)
		switch {
		case errors.Is(err, ErrNotConfigured):
			if !idle {
				u.log.Info("GeoIP updates are off until a MaxMind account ID and licence key are set")
			}
			idle = true
		case err != nil:
			u.record(u.cfg.Now(), err)
			u.log.Warn("GeoIP update skipped", slog.Any("error", err))
		default:
			idle = false
			if _, err := u.check(ctx, c); err != nil && ctx.Err() == nil {
				u.log.Warn("GeoIP update failed", slog.Any("error", err))
			}
		}
		u.checkMu.Unlock()
		if idle && !sleep(ctx, idlePoll) {
			return nil
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

func (u *Updater) untilDue() time.Duration {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.loadState()
	next := u.nextCheck()
	if next.IsZero() {
		return 0
	}
	return next.Sub(u.cfg.Now())
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

type credentials struct{ accountID, licenseKey string }

func (u *Updater) credentials(ctx context.Context) (credentials, error) {
	if u.cfg.Credentials == nil {
		return credentials{}, ErrNotConfigured
	}
	id, key, err := u.cfg.Credentials(ctx)
	if err != nil {
		return credentials{}, fmt.Errorf("reading MaxMind credentials: %w", err)
	}
	if id == "" || key == "" {
		return credentials{}, ErrNotConfigured
	}
	return credentials{accountID: id, licenseKey: key}, nil
}

// check updates every edition and records the outcome. Callers hold checkMu.
func (u *Updater) check(ctx context.Context, c credentials) (UpdateResult, error) {
	started := u.cfg.Now()
	res := UpdateResult{Checked: started}
	var errs []error
	for _, ed := range editions() {
		r, err := u.updateEdition(ctx, ed, c)
		if err != nil {
			errs = append(errs, fmt.Errorf("updating %s: %w", ed.name, err))
			// The other edition would fail the same way.
			if errors.Is(err, ErrBadCredentials) || errors.Is(err, ErrRateLimited) || ctx.Err() != nil {
				break
			}
			continue
		}
		res.Editions = append(res.Editions, r)
	}
	err := errors.Join(errs...)
	if ctx.Err() == nil {
		u.record(started, err)
	}
	return res, err
}

func (u *Updater) updateEdition(ctx context.Context, ed edition, c credentials) (EditionResult, error) {
	res := EditionResult{Edition: ed.name, Kind: ed.kind}
	sum, err := u.fetchChecksum(ctx, ed.name, c)
	if err != nil {
		return res, err
	}
	current := u.cfg.Databases.status(ed.kind)
	if sum == u.checksum(ed.name) && current.Loaded && current.DatabaseType == ed.name {
		res.Info = current
		return res, nil
	}
	archive, err := u.download(ctx, ed.name, c, sum)
	if err != nil {
		return res, err
	}
	defer removeTemp(archive)
	f, err := os.Open(archive)
	if err != nil {
		return res, fmt.Errorf("reading download: %w", err)
	}
	staged, err := stageDatabase(u.cfg.Databases.dir, f, maxDatabaseBytes)
	_ = f.Close()
	if err != nil {
		return res, err
	}
	if res.Info, err = u.cfg.Databases.installStaged(ed.kind, staged); err != nil {
		return res, err
	}
	u.setChecksum(ed.name, sum)
	res.Updated = true
	return res, nil
}
