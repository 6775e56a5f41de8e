package monitor

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

// ServerSource lists the configured servers.
type ServerSource interface {
	Servers(ctx context.Context) ([]model.Server, error)
}

// TokenSource reads a server's token.
type TokenSource func(ctx context.Context, srv model.Server) (string, error)

// ClientFactory builds the client for a server.
type ClientFactory func(srv model.Server, token string) (mediaserver.SessionLister, error)

// ErrNotMonitored is returned for a server that is not being watched.
var ErrNotMonitored = errors.New("server is not being monitored")

// ErrCannotTerminate is returned when a server kind cannot stop streams.
var ErrCannotTerminate = errors.New("this server cannot stop streams")

// Manager runs one ServerMonitor per enabled server and follows changes
// to the server list.
type Manager struct {
	servers   ServerSource
	tokens    TokenSource
	newClient ClientFactory
	store     PlayStore
	bus       Publisher
	log       *slog.Logger
	cfg       Config
	reload    chan struct{}

	mu      sync.Mutex
	running map[int64]*runningMonitor
}

type runningMonitor struct {
	monitor     *ServerMonitor
	client      mediaserver.SessionLister
	fingerprint string
	cancel      context.CancelFunc
	done        chan struct{}
}

// NewManager returns a manager; Run starts it.
func NewManager(servers ServerSource, tokens TokenSource, newClient ClientFactory, store PlayStore, bus Publisher, log *slog.Logger, cfg Config) *Manager {
	return &Manager{
		servers: servers, tokens: tokens, newClient: newClient, store: store, bus: bus,
		log: log.With(slog.String("component", "monitor")), cfg: cfg,
		reload: make(chan struct{}, 1), running: map[int64]*runningMonitor{},
	}
}

// Reload makes the manager re-read the server list soon.
func (m *Manager) Reload() {
	select {
	case m.reload <- struct{}{}:
	default:
	}
}

// Run watches every enabled server until ctx ends. On return every
// monitor has stopped and checkpointed its open plays.
func (m *Manager) Run(ctx context.Context) error {
	defer m.stopAll(false)
	for {
		if err := m.sync(ctx); err != nil && ctx.Err() == nil {
			m.log.Error("reading the server list", slog.Any("error", err))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-m.reload:
		}
	}
}

func (m *Manager) sync(ctx context.Context) error {
	servers, err := m.servers.Servers(ctx)
	if err != nil {
		return err
	}
	wanted := map[int64]bool{}
	for _, srv := range servers {
		if !srv.Enabled {
			continue
		}
		wanted[srv.ID] = true
		token, err := m.tokens(ctx, srv)
		if err != nil {
			m.log.Error("reading a server token", slog.Int64("server", srv.ID), slog.Any("error", err))
			continue
		}
		fp := fingerprint(srv, token)
		m.mu.Lock()
		current := m.running[srv.ID]
		m.mu.Unlock()
		if current != nil && current.fingerprint == fp {
			continue
		}
		if current != nil {
			m.stop(srv.ID, false)
		}
		if err := m.start(ctx, srv, token, fp); err != nil {
			m.log.Error("starting to watch a server", slog.Int64("server", srv.ID), slog.Any("error", err))
		}
	}
	m.mu.Lock()
	var gone []int64
	for id := range m.running {
		if !wanted[id] {
			gone = append(gone, id)
		}
	}
	m.mu.Unlock()
	for _, id := range gone {
		m.stop(id, true)
	}
	return nil
}

func (m *Manager) start(ctx context.Context, srv model.Server, token, fp string) error {
	client, err := m.newClient(srv, token)
	if err != nil {
		return err
	}
	mon := NewServerMonitor(srv, client, m.store, m.bus, m.log, m.cfg)
	runCtx, cancel := context.WithCancel(ctx)
	r := &runningMonitor{monitor: mon, client: client, fingerprint: fp, cancel: cancel, done: make(chan struct{})}
	m.mu.Lock()
	m.running[srv.ID] = r
	m.mu.Unlock()
	go func() {
		defer close(r.done)
		if err := mon.Run(runCtx); err != nil {
			m.log.Error("monitor stopped", slog.Int64("server", srv.ID), slog.Any("error", err))
		}
	}()
	return nil
}

// stop ends one monitor and waits for it. With closePlays the server is
// no longer watched, so its open plays stop at their last-seen time.
func (m *Manager) stop(id int64, closePlays bool) {
	m.mu.Lock()
	r := m.running[id]
	delete(m.running, id)
	m.mu.Unlock()
	if r == nil {
		return
	}
	r.cancel()
	<-r.done
	if closePlays {
		r.monitor.closeAll()
	}
	m.bus.Publish(EventActivity, id)
}

func (m *Manager) stopAll(closePlays bool) {
	m.mu.Lock()
	ids := make([]int64, 0, len(m.running))
	for id := range m.running {
		ids = append(ids, id)
	}
	m.mu.Unlock()
	for _, id := range ids {
		m.stop(id, closePlays)
	}
}

// Live returns every session playing now, newest first.
func (m *Manager) Live() []LiveSession {
	var out []LiveSession
	for _, r := range m.snapshot() {
		out = append(out, r.monitor.Live()...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].StartedAt.After(out[j].StartedAt) })
	return out
}

// Statuses returns the status of every watched server, by name.
func (m *Manager) Statuses() []Status {
	var out []Status
	for _, r := range m.snapshot() {
		out = append(out, r.monitor.Status())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Terminate stops a session on a watched server and refreshes its view.
func (m *Manager) Terminate(ctx context.Context, serverID int64, controlID, message string) error {
	m.mu.Lock()
	r := m.running[serverID]
	m.mu.Unlock()
	if r == nil {
		return ErrNotMonitored
	}
	t, ok := r.client.(mediaserver.Terminator)
	if !ok {
		return ErrCannotTerminate
	}
	if err := t.Terminate(ctx, controlID, message); err != nil {
		return err
	}
	r.monitor.Refresh()
	return nil
}

func (m *Manager) snapshot() []*runningMonitor {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]*runningMonitor, 0, len(m.running))
	for _, r := range m.running {
		out = append(out, r)
	}
	return out
}

func fingerprint(srv model.Server, token string) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%s\x00%t\x00%s\x00%s", srv.Kind, srv.URL, srv.VerifyTLS, srv.Name, token)))
	return string(sum[:])
}
