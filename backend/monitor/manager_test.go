package monitor_test

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver/connect"
	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/monitor"
	"github.com/streamwarden/streamwarden/backend/simulator"
	"github.com/streamwarden/streamwarden/backend/store"
)

// serverList is a ServerSource whose list the test changes.
type serverList struct {
	mu      sync.Mutex
	servers []model.Server
}

func (l *serverList) Servers(context.Context) ([]model.Server, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]model.Server(nil), l.servers...), nil
}

func (l *serverList) set(servers ...model.Server) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.servers = servers
}

type managerRig struct {
	sims    map[int64]*simulator.Server
	list    *serverList
	store   *store.Store
	manager *monitor.Manager
}

func newManagerRig(t *testing.T, cfgs ...simulator.Config) *managerRig {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "sw.db"), store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	r := &managerRig{sims: map[int64]*simulator.Server{}, list: &serverList{}, store: st}
	var servers []model.Server
	for i, c := range cfgs {
		sim, err := simulator.Start(ctx, c)
		require.NoError(t, err)
		t.Cleanup(func() { _ = sim.Close() })
		id := int64(i + 1)
		r.sims[id] = sim
		servers = append(servers, model.Server{ID: id, Kind: c.Kind, Name: string(c.Kind), URL: sim.URL(), Enabled: true})
	}
	r.list.set(servers...)
	tokens := func(_ context.Context, srv model.Server) (string, error) { return r.sims[srv.ID].Token(), nil }
	r.manager = monitor.NewManager(r.list, tokens, connect.NewFactory("test", "test").Client, st, &recorder{}, slog.New(slog.DiscardHandler), testConfig())
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- r.manager.Run(runCtx) }()
	t.Cleanup(func() { cancel(); require.NoError(t, <-done) })
	return r
}

func (r *managerRig) plays(t *testing.T) []model.Play {
	page, err := r.store.SearchPlays(context.Background(), store.PlayQuery{Limit: 100})
	require.NoError(t, err)
	return page.Plays
}

func TestManagerWatchesEveryServerAndStopsStreams(t *testing.T) {
	r := newManagerRig(t,
		simulator.Config{Kind: model.KindPlex, PlexPass: true},
		simulator.Config{Kind: model.KindJellyfin},
		simulator.Config{Kind: model.KindEmby},
	)
	handles := map[int64]*simulator.Session{}
	for id, sim := range r.sims {
		handles[id] = sim.Play(spec("viewer", "dev", episode(1)))
	}
	require.Eventually(t, func() bool { return len(r.manager.Live()) == 3 }, 10*time.Second, 25*time.Millisecond)
	require.Len(t, r.manager.Statuses(), 3)

	for _, live := range r.manager.Live() {
		require.NoError(t, r.manager.Terminate(context.Background(), live.ServerID, live.ControlID, "Account sharing is not allowed."),
			"stopping on %s", live.ServerName)
	}
	require.Eventually(t, func() bool { return len(r.manager.Live()) == 0 }, 10*time.Second, 25*time.Millisecond)
	for id, h := range handles {
		assert.True(t, h.Stopped(), "server %d stopped the stream", id)
	}
	assert.Equal(t, "Account sharing is not allowed.", handles[1].StopReason(), "Plex shows the reason")
	require.Eventually(t, func() bool {
		for _, p := range r.plays(t) {
			if p.StoppedAt.IsZero() {
				return false
			}
		}
		return len(r.plays(t)) == 3
	}, 10*time.Second, 25*time.Millisecond)
}

func TestManagerReportsPlexPassRequired(t *testing.T) {
	r := newManagerRig(t, simulator.Config{Kind: model.KindPlex})
	r.sims[1].Play(spec("viewer", "dev", episode(1)))
	require.Eventually(t, func() bool { return len(r.manager.Live()) == 1 }, 10*time.Second, 25*time.Millisecond)
	live := r.manager.Live()[0]
	err := r.manager.Terminate(context.Background(), 1, live.ControlID, "")
	require.Error(t, err)
	assert.True(t, errors.Is(err, plex.ErrPlexPassRequired), "%v", err)
	assert.ErrorIs(t, r.manager.Terminate(context.Background(), 99, "x", ""), monitor.ErrNotMonitored)
}

func TestManagerFollowsTheServerList(t *testing.T) {
	r := newManagerRig(t, simulator.Config{Kind: model.KindJellyfin}, simulator.Config{Kind: model.KindEmby})
	r.sims[1].Play(spec("viewer", "dev", episode(1)))
	r.sims[2].Play(spec("viewer", "dev", episode(2)))
	require.Eventually(t, func() bool { return len(r.manager.Live()) == 2 }, 10*time.Second, 25*time.Millisecond)

	servers, _ := r.list.Servers(context.Background())
	servers[1].Enabled = false
	r.list.set(servers...)
	r.manager.Reload()
	require.Eventually(t, func() bool { return len(r.manager.Statuses()) == 1 && len(r.manager.Live()) == 1 }, 10*time.Second, 25*time.Millisecond)
	require.Eventually(t, func() bool {
		for _, p := range r.plays(t) {
			if p.ServerID == 2 && !p.StoppedAt.IsZero() {
				return true
			}
		}
		return false
	}, 10*time.Second, 25*time.Millisecond, "disabling a server closes its plays")
}
