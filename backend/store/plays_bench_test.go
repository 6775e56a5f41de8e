package store

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/simulator"
)

// historyBenchDB returns a database of n generated plays over 90 days on
// 3 servers, built once and kept under the test cache directory named by
// STREAMWARDEN_BENCH_DIR (or a temporary one).
func historyBenchDB(b *testing.B, n int) *Store {
	b.Helper()
	dir := os.Getenv("STREAMWARDEN_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	path := filepath.Join(dir, "history-"+strconv.Itoa(n)+".db")
	_, statErr := os.Stat(path)
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	if statErr == nil {
		return s
	}
	start := time.Now()
	to := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	gen := simulator.NewGenerator(42, simulator.GeneratorOptions{Users: 500})
	batch := make([]model.Play, 0, 10000)
	flush := func() {
		if err := s.InsertPlays(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
		batch = batch[:0]
	}
	gen.Plays(n, to.AddDate(0, 0, -90), to, []int64{1, 2, 3}, func(p model.Play) bool {
		batch = append(batch, p)
		if len(batch) == cap(batch) {
			flush()
		}
		return true
	})
	flush()
	if err := s.db.Exec("ANALYZE").Error; err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d plays in %s", n, time.Since(start).Round(time.Second))
	return s
}

// BenchmarkHistoryPage measures one history page of 50 (rows and capped
// total) with typical filters at 1,000,000 plays. Run with
// -benchtime and STREAMWARDEN_BENCH_DIR to keep the seeded database.
func BenchmarkHistoryPage(b *testing.B) {
	s := historyBenchDB(b, 1_000_000)
	var user PlayPage
	user, err := s.SearchPlays(context.Background(), PlayQuery{Limit: 1})
	if err != nil || len(user.Plays) == 0 {
		b.Fatal("no plays", err)
	}
	someone := user.Plays[0].User.ID
	to := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	queries := map[string]PlayQuery{
		"newest":           {Limit: 50},
		"server+30d":       {ServerID: 2, From: to.AddDate(0, 0, -30), To: to, Limit: 50},
		"user":             {UserID: someone, Limit: 50},
		"type+page20":      {MediaType: model.MediaMovie, Offset: 950, Limit: 50},
		"search":           {Text: "the", Limit: 50},
		"search+server":    {Text: "night", ServerID: 1, Limit: 50},
		"ip":               {IP: user.Plays[0].IP, Limit: 50},
		"sort by user":     {Sort: SortUser, Ascend: true, Limit: 50},
		"sort by duration": {Sort: SortDuration, ServerID: 3, From: to.AddDate(0, 0, -7), To: to, Limit: 50},
	}
	for name, q := range queries {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.SearchPlays(context.Background(), q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
