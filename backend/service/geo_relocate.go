package service

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/store"
)

// RelocationStore is what re-geolocation reads and writes: addresses, not
// plays, so the cost follows the number of distinct addresses.
type RelocationStore interface {
	AddressCount(ctx context.Context) (int64, error)
	Addresses(ctx context.Context, after int64, limit int) ([]store.Address, error)
	SetLocations(ctx context.Context, addresses []store.Address) error
}

// Locator places addresses.
type Locator interface {
	Locate(ip string) model.Location
}

// RelocatorConfig configures a Relocator.
type RelocatorConfig struct {
	Store   RelocationStore
	Locator Locator
	// Generation changes whenever a database is swapped.
	Generation func() uint64
	Bus        Publisher
	Log        *slog.Logger
	Now        func() time.Time
	// TTL is how long a location is trusted before it is looked up again.
	TTL time.Duration
	// Poll is how often Run looks for a database change.
	Poll time.Duration
}

const relocateBatch = 2000

// Relocator keeps the history's locations in step with the databases and
// the user's networks: it re-locates every address after a change, and
// the unlocated or stale ones at start.
type Relocator struct {
	cfg      RelocatorConfig
	requests chan bool
	networks atomic.Uint64

	mu   sync.Mutex
	view RelocationView
}

// NewRelocator returns a Relocator; Run does the work.
func NewRelocator(cfg RelocatorConfig) *Relocator {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.TTL <= 0 {
		cfg.TTL = 30 * 24 * time.Hour
	}
	if cfg.Poll <= 0 {
		cfg.Poll = 10 * time.Second
	}
	return &Relocator{cfg: cfg, requests: make(chan bool, 1)}
}

// View is the progress of the current or last run.
func (r *Relocator) View() RelocationView {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.view
}

// Start asks for every address to be re-located (all) or only the
// unlocated and stale ones.
func (r *Relocator) Start(all bool) RelocationView {
	select {
	case r.requests <- all:
	default: // one is already waiting
	}
	v := r.View()
	v.Running = true
	return v
}

// NetworksChanged tells the relocator the user's networks changed.
func (r *Relocator) NetworksChanged() { r.networks.Add(1) }

func (r *Relocator) generation() uint64 { return r.cfg.Generation() + r.networks.Load() }

// Run re-locates stale addresses at once, then whenever asked or when a
// database or the networks change, until ctx ends.
func (r *Relocator) Run(ctx context.Context) error {
	seen := r.generation()
	r.pass(ctx, false)
	tick := time.NewTicker(r.cfg.Poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case all := <-r.requests:
			seen = r.generation()
			r.pass(ctx, all)
		case <-tick.C:
			if g := r.generation(); g != seen {
				seen = g
				r.pass(ctx, true)
			}
		}
	}
}

// pass walks every address in batches, publishing progress after each.
func (r *Relocator) pass(ctx context.Context, all bool) {
	total, err := r.cfg.Store.AddressCount(ctx)
	if err != nil {
		r.finish(err)
		return
	}
	r.update(RelocationView{Running: true, Total: total, StartedAt: unixMilli(r.cfg.Now())})
	stale := r.cfg.Now().Add(-r.cfg.TTL)
	changed := false
	var done int64
	for after := int64(0); ; {
		batch, err := r.cfg.Store.Addresses(ctx, after, relocateBatch)
		if err != nil {
			r.finish(err)
			return
		}
		if len(batch) == 0 {
			break
		}
		after = batch[len(batch)-1].ID
		var write []store.Address
		for _, a := range batch {
			if !all && !a.LocatedAt.IsZero() && a.LocatedAt.After(stale) {
				continue
			}
			loc := r.cfg.Locator.Locate(a.IP)
			changed = changed || loc != a.Location
			a.Location = loc
			write = append(write, a)
		}
		if err := r.cfg.Store.SetLocations(ctx, write); err != nil {
			r.finish(err)
			return
		}
		done += int64(len(batch))
		v := r.View()
		v.Done, v.Total = done, max(v.Total, done)
		r.update(v)
	}
	if changed {
		r.cfg.Bus.Publish(EventGeoChanged)
	}
	r.finish(nil)
}

func (r *Relocator) update(v RelocationView) {
	r.mu.Lock()
	r.view = v
	r.mu.Unlock()
	r.cfg.Bus.Publish(EventRelocation, v)
}

func (r *Relocator) finish(err error) {
	v := r.View()
	v.Running, v.FinishedAt = false, unixMilli(r.cfg.Now())
	if err != nil {
		v.Error = "Re-locating the history failed: " + err.Error()
		r.cfg.Log.Error("re-locating the history", slog.Any("error", err))
	}
	r.update(v)
}
