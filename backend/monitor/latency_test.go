package monitor_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/streamwarden/streamwarden/backend/events"
	"github.com/streamwarden/streamwarden/backend/mediaserver/connect"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/monitor"
	"github.com/streamwarden/streamwarden/backend/simulator"
	"github.com/streamwarden/streamwarden/backend/store"
)

// BenchmarkRealtimeLatency measures, per server kind, the time from a
// change on the media server (a pause or a resume) to the activity event
// that carries it to the dashboard, over the realtime path only (polling
// is slowed to once a minute). It reports the median and the 99th
// percentile.
func BenchmarkRealtimeLatency(b *testing.B) {
	for _, kind := range kinds {
		b.Run(string(kind), func(b *testing.B) { benchLatency(b, kind) })
	}
}

func benchLatency(b *testing.B, kind model.ServerKind) {
	ctx := context.Background()
	sim, err := simulator.Start(ctx, simulator.Config{Kind: kind, PingInterval: 10 * time.Second, ProgressInterval: 10 * time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer sim.Close()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "sw.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	srv := model.Server{ID: 1, Kind: kind, Name: "sim", URL: sim.URL(), Enabled: true}
	client, err := connect.NewFactory("bench", "bench").Client(srv, sim.Token())
	if err != nil {
		b.Fatal(err)
	}
	bus := events.NewBus()
	cfg := monitor.DefaultConfig()
	cfg.PollInterval, cfg.PollWithRealtime = time.Minute, time.Minute
	mon := monitor.NewServerMonitor(srv, client, st, bus, slog.New(slog.DiscardHandler), cfg)
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- mon.Run(runCtx) }()
	defer func() { cancel(); <-done }()

	session := sim.Play(spec("viewer", "dev", episode(1)))
	ch, unsubscribe := bus.Subscribe(1024)
	defer unsubscribe()
	waitFor := func(state model.PlaybackState) {
		deadline := time.After(10 * time.Second)
		for {
			select {
			case ev := <-ch:
				if ev.Name != monitor.EventActivity {
					continue
				}
				if live := mon.Live(); len(live) == 1 && live[0].State == state {
					return
				}
			case <-deadline:
				b.Fatalf("no activity event with state %s", state)
			}
		}
	}
	waitFor(model.StatePlaying)
	for mon.Status().Connection != monitor.ConnRealtime {
		time.Sleep(10 * time.Millisecond)
	}

	var samples []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		want := model.StatePaused
		if i%2 == 0 {
			session.Pause()
		} else {
			session.Resume()
			want = model.StatePlaying
		}
		waitFor(want)
		samples = append(samples, time.Since(start))
	}
	slices.Sort(samples)
	b.ReportMetric(float64(samples[len(samples)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(samples[len(samples)*99/100].Microseconds())/1000, "p99-ms")
}
