package monitor

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

// PlayStore keeps plays.
type PlayStore interface {
	SavePlays(ctx context.Context, plays []*model.Play) error
	UpdatePlays(ctx context.Context, plays []model.Play) error
	WritePlays(ctx context.Context, changed, progressed []model.Play) error
	OpenPlays(ctx context.Context, serverID int64) ([]model.Play, error)
}

// Publisher announces live changes.
type Publisher interface {
	Publish(name string, args ...any)
}

// Config tunes a server monitor.
type Config struct {
	Tracker TrackerConfig
	// PollInterval is how often sessions are listed while no realtime
	// connection is up; PollWithRealtime while one is (the safety net).
	PollInterval     time.Duration
	PollWithRealtime time.Duration
	// CheckpointInterval bounds how long a position-only update may wait
	// before it is written.
	CheckpointInterval time.Duration
	// Backoff gives the wait before realtime reconnect attempt n (from 0).
	Backoff func(attempt int) time.Duration
	Now     func() time.Time
}

// DefaultConfig is the production tuning.
func DefaultConfig() Config {
	return Config{
		Tracker: DefaultTrackerConfig(), PollInterval: 10 * time.Second, PollWithRealtime: 30 * time.Second,
		CheckpointInterval: time.Minute, Backoff: backoff, Now: time.Now,
	}
}

// ServerMonitor watches one server: realtime events when the client has
// them, polling always as a safety net, and the tracker in between.
type ServerMonitor struct {
	server model.Server
	client mediaserver.SessionLister
	store  PlayStore
	bus    Publisher
	log    *slog.Logger
	cfg    Config

	refresh chan struct{}

	mu        sync.Mutex
	tracker   *Tracker
	status    Status
	live      []LiveSession
	lastSaved map[int64]time.Time
}

// NewServerMonitor returns a monitor for srv using client.
func NewServerMonitor(srv model.Server, client mediaserver.SessionLister, store PlayStore, bus Publisher, log *slog.Logger, cfg Config) *ServerMonitor {
	return &ServerMonitor{
		server: srv, client: client, store: store, bus: bus, cfg: cfg,
		log:       log.With(slog.String("component", "monitor"), slog.Int64("server", srv.ID)),
		refresh:   make(chan struct{}, 1),
		tracker:   NewTracker(srv.ID, cfg.Tracker),
		status:    Status{ServerID: srv.ID, Name: srv.Name, Kind: srv.Kind, Connection: ConnConnecting},
		lastSaved: map[int64]time.Time{},
	}
}

// Run watches the server until ctx ends, then checkpoints the open plays.
func (m *ServerMonitor) Run(ctx context.Context) error {
	open, err := m.store.OpenPlays(ctx, m.server.ID)
	if err != nil {
		return err
	}
	m.mu.Lock()
	m.tracker.Restore(open)
	m.mu.Unlock()
	m.publishStatus()

	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return m.pollLoop(gctx) })
	if sub, ok := m.client.(mediaserver.RealtimeSubscriber); ok {
		g.Go(func() error { return m.realtimeLoop(gctx, sub) })
	}
	err = g.Wait()
	m.checkpoint()
	return err
}

// Status returns the server's current status.
func (m *ServerMonitor) Status() Status {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.status
}

// Live returns the sessions playing now.
func (m *ServerMonitor) Live() []LiveSession {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]LiveSession(nil), m.live...)
}

// Refresh asks for an immediate poll (after a stop command, say).
func (m *ServerMonitor) Refresh() {
	select {
	case m.refresh <- struct{}{}:
	default:
	}
}

func (m *ServerMonitor) pollLoop(ctx context.Context) error {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		case <-m.refresh:
		}
		m.poll(ctx)
		interval := m.cfg.PollInterval
		if m.Status().Connection == ConnRealtime {
			interval = m.cfg.PollWithRealtime
		}
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		timer.Reset(interval)
	}
}

func (m *ServerMonitor) poll(ctx context.Context) {
	sessions, err := m.client.Sessions(ctx)
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		m.failed(err)
		return
	}
	m.observe(sessions, false)
}

func (m *ServerMonitor) realtimeLoop(ctx context.Context, sub mediaserver.RealtimeSubscriber) error {
	for attempt := 0; ; attempt++ {
		connected := false
		err := sub.Subscribe(ctx, func(u mediaserver.Update) {
			if !connected {
				connected, attempt = true, 0
				m.setConnection(ConnRealtime, "")
			}
			if u.Complete {
				m.observe(u.Sessions, true)
				return
			}
			m.Refresh()
		})
		if ctx.Err() != nil {
			return nil
		}
		var merr *mediaserver.Error
		if errors.As(err, &merr) && merr.Reason == mediaserver.ReasonUnauthorized {
			m.setConnection(ConnTokenRejected, merr.Message)
		} else if m.Status().Connection == ConnRealtime {
			m.setConnection(ConnPolling, "realtime connection lost: "+errorText(err))
		}
		wait := m.cfg.Backoff(attempt)
		m.log.Debug("realtime connection ended", slog.Any("error", err), slog.Duration("retry_in", wait))
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
}

func errorText(err error) string {
	var merr *mediaserver.Error
	if errors.As(err, &merr) {
		return merr.Message
	}
	if err == nil {
		return "closed by the server"
	}
	return err.Error()
}
