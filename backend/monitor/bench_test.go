package monitor

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/store"
)

type nopBus struct{}

func (nopBus) Publish(string, ...any) {}

func benchSessions(server, n int) []model.LiveSession {
	out := make([]model.LiveSession, n)
	for i := range out {
		s := session(fmt.Sprintf("%d-%d", server, i), fmt.Sprintf("u%d", i), fmt.Sprintf("d%d", i), fmt.Sprintf("item%d", i), model.StatePlaying, 0)
		s.Media.ExternalIDs = map[string]string{"imdb": "tt0000001"}
		out[i] = s
	}
	return out
}

// BenchmarkTrackerCycle measures one cycle over 10 servers with 100 live
// sessions each: the tracker's bookkeeping, the live view, and the writes
// to a real SQLite file (steady state: positions move, a few sessions
// change state, checkpoints fall due in turn).
func BenchmarkTrackerCycle(b *testing.B) {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	cfg := DefaultConfig()
	now := t0
	cfg.Now = func() time.Time { return now }
	const servers, perServer = 10, 100
	monitors := make([]*ServerMonitor, servers)
	lists := make([][]model.LiveSession, servers)
	for i := range monitors {
		srv := model.Server{ID: int64(i + 1), Name: fmt.Sprintf("s%d", i), Kind: model.KindPlex}
		monitors[i] = NewServerMonitor(srv, nil, st, nopBus{}, slog.New(slog.DiscardHandler), cfg)
		lists[i] = benchSessions(i, perServer)
		monitors[i].observe(lists[i], false)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; b.Loop(); n++ {
		now = now.Add(10 * time.Second)
		for i, m := range monitors {
			for j := range lists[i] {
				lists[i][j].PositionMs += 10_000
				if j == n%perServer {
					lists[i][j].State = map[bool]model.PlaybackState{true: model.StatePaused, false: model.StatePlaying}[lists[i][j].State == model.StatePlaying]
				}
			}
			m.observe(lists[i], false)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/cycle")
}
