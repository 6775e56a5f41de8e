package monitor_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/connect"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/monitor"
	"github.com/streamwarden/streamwarden/backend/simulator"
	"github.com/streamwarden/streamwarden/backend/store"
)

var kinds = []model.ServerKind{model.KindPlex, model.KindJellyfin, model.KindEmby}

// recorder is a Publisher that remembers event names.
type recorder struct {
	mu     sync.Mutex
	counts map[string]int
}

func (r *recorder) Publish(name string, _ ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.counts == nil {
		r.counts = map[string]int{}
	}
	r.counts[name]++
}

// rig is one simulated server watched by a real monitor writing to a
// real SQLite file, through the real client of its kind.
type rig struct {
	t       *testing.T
	sim     *simulator.Server
	store   *store.Store
	srv     model.Server
	client  mediaserver.SessionLister
	monitor *monitor.ServerMonitor
	cancel  context.CancelFunc
	done    chan error
}

func testConfig() monitor.Config {
	cfg := monitor.DefaultConfig()
	cfg.PollInterval = 100 * time.Millisecond
	cfg.PollWithRealtime = 300 * time.Millisecond
	cfg.CheckpointInterval = 0
	cfg.Backoff = func(int) time.Duration { return 50 * time.Millisecond }
	return cfg
}

func newRig(t *testing.T, kind model.ServerKind, simCfg simulator.Config) *rig {
	t.Helper()
	ctx := context.Background()
	simCfg.Kind = kind
	simCfg.PingInterval = 200 * time.Millisecond
	simCfg.ProgressInterval = 200 * time.Millisecond
	sim, err := simulator.Start(ctx, simCfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = sim.Close() })
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "sw.db"), store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	srv := model.Server{ID: 1, Kind: kind, Name: "sim", URL: sim.URL(), Enabled: true}
	client, err := connect.NewFactory("test-install", "test").Client(srv, sim.Token())
	require.NoError(t, err)
	r := &rig{t: t, sim: sim, store: st, srv: srv, client: client}
	r.start()
	return r
}

func (r *rig) start() {
	r.monitor = monitor.NewServerMonitor(r.srv, r.client, r.store, &recorder{}, slog.New(slog.DiscardHandler), testConfig())
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel, r.done = cancel, make(chan error, 1)
	go func() { r.done <- r.monitor.Run(ctx) }()
	r.t.Cleanup(r.stop)
}

func (r *rig) stop() {
	if r.cancel == nil {
		return
	}
	r.cancel()
	require.NoError(r.t, <-r.done)
	r.cancel = nil
}

func (r *rig) plays() []model.Play {
	page, err := r.store.SearchPlays(context.Background(), store.PlayQuery{Limit: 100, Sort: store.SortStarted, Ascend: true})
	require.NoError(r.t, err)
	return page.Plays
}

// eventually waits until cond holds for the recorded plays.
func (r *rig) eventually(msg string, cond func(plays []model.Play, live []monitor.LiveSession) bool) {
	r.t.Helper()
	require.Eventually(r.t, func() bool { return cond(r.plays(), r.monitor.Live()) }, 10*time.Second, 25*time.Millisecond, msg)
}

func episode(n int) simulator.MediaItem {
	return simulator.MediaItem{Type: model.MediaEpisode, GrandparentTitle: "Sim Show", ParentTitle: "Season 1",
		ParentIndex: 1, Index: n, Title: "Episode", Duration: 40 * time.Minute}
}

func spec(user, device string, item simulator.MediaItem) simulator.SessionSpec {
	return simulator.SessionSpec{
		User:    simulator.User{Name: user},
		Device:  simulator.Device{ID: device, Name: device, Product: "Test Player", Platform: "Android"},
		Network: simulator.Network{IP: "203.0.113.50"},
		Item:    item,
	}
}

func forEachKind(t *testing.T, fn func(t *testing.T, kind model.ServerKind)) {
	for _, kind := range kinds {
		t.Run(string(kind), func(t *testing.T) {
			// Registered first, so it runs after every other cleanup.
			ignore := goleak.IgnoreCurrent()
			t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
			fn(t, kind)
		})
	}
}

func TestScenarioPauseResumeStop(t *testing.T) {
	forEachKind(t, func(t *testing.T, kind model.ServerKind) {
		r := newRig(t, kind, simulator.Config{})
		s := r.sim.Play(spec("alice", "tv", episode(1)))
		r.eventually("the play starts", func(p []model.Play, live []monitor.LiveSession) bool {
			return len(p) == 1 && len(live) == 1 && live[0].PlayID == p[0].ID
		})
		assert.Equal(t, "alice", r.plays()[0].User.Name)
		assert.Equal(t, "203.0.113.50", r.plays()[0].IP)

		s.Pause()
		r.eventually("the pause is recorded", func(p []model.Play, _ []monitor.LiveSession) bool {
			return p[0].State == model.StatePaused
		})
		time.Sleep(400 * time.Millisecond)
		s.Resume()
		r.eventually("the resume is recorded", func(p []model.Play, _ []monitor.LiveSession) bool {
			return p[0].State == model.StatePlaying
		})
		s.Stop()
		r.eventually("the play stops", func(p []model.Play, live []monitor.LiveSession) bool {
			return !p[0].StoppedAt.IsZero() && len(live) == 0
		})
		play := r.plays()[0]
		assert.Len(t, r.plays(), 1, "one play, no phantom")
		assert.GreaterOrEqual(t, play.PausedMs, int64(300), "pause time is counted")
		assert.Less(t, play.WatchMs(), play.StoppedAt.Sub(play.StartedAt).Milliseconds(), "watch time excludes the pause")
	})
}

func TestScenarioAutoplayStartsTheNextPlay(t *testing.T) {
	forEachKind(t, func(t *testing.T, kind model.ServerKind) {
		r := newRig(t, kind, simulator.Config{})
		s := r.sim.Play(spec("bob", "phone", episode(1)))
		r.eventually("the first play starts", func(p []model.Play, _ []monitor.LiveSession) bool { return len(p) == 1 })
		s.Autoplay(episode(2))
		r.eventually("autoplay ends one play and starts the next", func(p []model.Play, _ []monitor.LiveSession) bool {
			return len(p) == 2 && !p[0].StoppedAt.IsZero() && p[1].StoppedAt.IsZero()
		})
		plays := r.plays()
		assert.Equal(t, 1, plays[0].Media.Index)
		assert.Equal(t, 2, plays[1].Media.Index)
	})
}

func TestScenarioQualityChangeContinuesThePlay(t *testing.T) {
	forEachKind(t, func(t *testing.T, kind model.ServerKind) {
		for _, mode := range []simulator.QualityMode{simulator.SameSession, simulator.NewSession} {
			r := newRig(t, kind, simulator.Config{})
			s := r.sim.Play(spec("carol", "laptop", episode(3)))
			r.eventually("the play starts", func(p []model.Play, _ []monitor.LiveSession) bool { return len(p) == 1 })
			s.ChangeQuality(simulator.Delivery{Decision: model.StreamDecision{Overall: model.DecisionTranscode}}, mode)
			r.eventually("the transcode is recorded on the same play", func(p []model.Play, _ []monitor.LiveSession) bool {
				return len(p) == 1 && p[0].Decision.Overall == model.DecisionTranscode
			})
			time.Sleep(500 * time.Millisecond)
			assert.Len(t, r.plays(), 1, "a quality change never starts a second play")
			assert.True(t, r.plays()[0].StoppedAt.IsZero())
		}
	})
}

func TestScenarioOutageKeepsThePlay(t *testing.T) {
	forEachKind(t, func(t *testing.T, kind model.ServerKind) {
		r := newRig(t, kind, simulator.Config{})
		r.sim.Play(spec("dave", "tv", episode(4)))
		r.eventually("the play starts", func(p []model.Play, _ []monitor.LiveSession) bool { return len(p) == 1 })
		r.sim.GoDown()
		require.Eventually(t, func() bool { return r.monitor.Status().Connection == monitor.ConnUnreachable }, 10*time.Second, 25*time.Millisecond)
		assert.NotEmpty(t, r.monitor.Status().LastError, "%+v", r.monitor.Status())
		time.Sleep(400 * time.Millisecond)
		assert.True(t, r.plays()[0].StoppedAt.IsZero(), "an unreachable server keeps its plays open")
		require.NoError(t, r.sim.ComeUp(context.Background()))
		r.eventually("the same play goes on", func(p []model.Play, live []monitor.LiveSession) bool {
			return len(p) == 1 && len(live) == 1 && p[0].StoppedAt.IsZero()
		})
	})
}

func TestScenarioBadAnswersNeitherStopNorInventPlays(t *testing.T) {
	faults := []simulator.Fault{simulator.Fault500, simulator.FaultTruncated, simulator.FaultBadJSON, simulator.FaultHTML, simulator.FaultHang}
	forEachKind(t, func(t *testing.T, kind model.ServerKind) {
		r := newRig(t, kind, simulator.Config{})
		r.sim.Play(spec("erin", "tv", episode(5)))
		r.eventually("the play starts", func(p []model.Play, _ []monitor.LiveSession) bool { return len(p) == 1 })
		for _, f := range faults {
			r.sim.SetFault(f)
			require.Eventually(t, func() bool { return r.monitor.Status().Connection == monitor.ConnUnreachable },
				15*time.Second, 25*time.Millisecond, "fault %s is reported", f)
			r.sim.SetFault(simulator.FaultNone)
			require.Eventually(t, func() bool { return r.monitor.Status().LastError == "" }, 15*time.Second, 25*time.Millisecond)
		}
		plays := r.plays()
		require.Len(t, plays, 1, "no phantom plays")
		assert.True(t, plays[0].StoppedAt.IsZero(), "no play was lost")
	})
}

func TestScenarioRejectedToken(t *testing.T) {
	forEachKind(t, func(t *testing.T, kind model.ServerKind) {
		r := newRig(t, kind, simulator.Config{})
		r.sim.SetFault(simulator.FaultUnauthorized)
		require.Eventually(t, func() bool { return r.monitor.Status().Connection == monitor.ConnTokenRejected },
			10*time.Second, 25*time.Millisecond)
	})
}

func TestScenarioRestartContinuesOpenPlays(t *testing.T) {
	forEachKind(t, func(t *testing.T, kind model.ServerKind) {
		r := newRig(t, kind, simulator.Config{})
		r.sim.Play(spec("frank", "tv", episode(6)))
		r.eventually("the play starts", func(p []model.Play, _ []monitor.LiveSession) bool { return len(p) == 1 })
		first := r.plays()[0]
		r.stop() // the app shuts down or crashes; the play row stays open
		assert.True(t, r.plays()[0].StoppedAt.IsZero())
		r.start()
		r.eventually("the restarted monitor continues the same play", func(p []model.Play, live []monitor.LiveSession) bool {
			return len(live) == 1 && live[0].PlayID == first.ID
		})
		assert.Len(t, r.plays(), 1, "no double count after a restart")
	})
}

func TestScenarioMediaServerRestart(t *testing.T) {
	forEachKind(t, func(t *testing.T, kind model.ServerKind) {
		r := newRig(t, kind, simulator.Config{})
		r.sim.Play(spec("gina", "tv", episode(7)))
		r.eventually("the play starts", func(p []model.Play, _ []monitor.LiveSession) bool { return len(p) == 1 })
		require.NoError(t, r.sim.Restart(context.Background()))
		time.Sleep(500 * time.Millisecond)
		r.eventually("the play survives the media server's restart", func(p []model.Play, live []monitor.LiveSession) bool {
			return len(p) == 1 && p[0].StoppedAt.IsZero() && len(live) == 1
		})
	})
}

// TestScenarioCrashLosesNothing takes a copy of the database as it is on
// disk while the monitor runs — what a kill -9 would leave — and starts a
// new monitor on it: the play goes on under the same row, once.
func TestScenarioCrashLosesNothing(t *testing.T) {
	forEachKind(t, func(t *testing.T, kind model.ServerKind) {
		r := newRig(t, kind, simulator.Config{})
		r.sim.Play(spec("hank", "tv", episode(8)))
		r.eventually("the play starts", func(p []model.Play, _ []monitor.LiveSession) bool { return len(p) == 1 })
		first := r.plays()[0]

		crashed := filepath.Join(t.TempDir(), "after-crash.db")
		require.NoError(t, r.store.Backup(context.Background(), crashed))
		st, err := store.Open(context.Background(), crashed, store.Options{})
		require.NoError(t, err)
		t.Cleanup(func() { _ = st.Close() })
		r.stop()
		r.store = st
		r.start()
		r.eventually("the monitor on the crashed database continues the same play", func(p []model.Play, live []monitor.LiveSession) bool {
			return len(live) == 1 && live[0].PlayID == first.ID && len(p) == 1
		})
		assert.Equal(t, first.StartedAt, r.plays()[0].StartedAt)
	})
}
