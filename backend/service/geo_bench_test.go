package service

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/streamwarden/streamwarden/backend/geo"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/simulator"
	"github.com/streamwarden/streamwarden/backend/store"
)

// BenchmarkRelocateHistory re-locates every address of the 1,000,000-play
// history the store benchmark seeds (run `make bench`, or the store's
// BenchmarkHistoryPage with the same STREAMWARDEN_BENCH_DIR, first).
func BenchmarkRelocateHistory(b *testing.B) {
	path := filepath.Join(os.Getenv("STREAMWARDEN_BENCH_DIR"), "history-1000000.db")
	if _, err := os.Stat(path); os.Getenv("STREAMWARDEN_BENCH_DIR") == "" || err != nil {
		b.Skip("no seeded history: set STREAMWARDEN_BENCH_DIR to where BenchmarkHistoryPage keeps it")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	dir := b.TempDir()
	var cities []geo.Block
	for _, n := range simulator.Networks() {
		if n.Kind == simulator.NetworkPublic {
			cities = append(cities, geo.Block{Prefix: n.Prefix, Location: model.Location{CountryCode: n.Country,
				City: n.City, HasCoordinates: true, Latitude: n.Latitude, Longitude: n.Longitude}})
		}
	}
	if err := geo.WriteDatabase(filepath.Join(dir, "city.mmdb"), geo.KindCity, cities); err != nil {
		b.Fatal(err)
	}
	dbs, err := geo.OpenDatabases(dir, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	defer dbs.Close()
	bus := &recorder{}
	r := NewRelocator(RelocatorConfig{Store: st, Locator: geo.NewResolver(dbs, geo.ResolverOptions{CacheSize: -1}),
		Generation: dbs.Generation, Bus: bus, Log: slog.New(slog.DiscardHandler)})
	for b.Loop() {
		r.pass(ctx, true)
	}
	v := r.View()
	if v.Error != "" {
		b.Fatal(v.Error)
	}
	b.ReportMetric(float64(v.Total), "addresses")
	b.ReportMetric(float64(bus.count(EventRelocation)), "progress-events")
}
