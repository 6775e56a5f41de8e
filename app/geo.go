package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"time"

	"github.com/streamwarden/streamwarden/backend/events"
	"github.com/streamwarden/streamwarden/backend/geo"
	"github.com/streamwarden/streamwarden/backend/service"
	"github.com/streamwarden/streamwarden/backend/store"
)

const (
	geoDir            = "geoip"
	geoStateFile      = "update-state.json"
	geoDownloadTimout = 10 * time.Minute
)

// openGeo opens the GeoIP databases of the data directory (writing the
// demo's own when asked) and builds the resolver, the MaxMind updater and
// the relocator that keeps the history in step with them.
func openGeo(set *service.Set, st *store.Store, bus *events.Bus, o backendOptions) (service.GeoRuntime, error) {
	dir := filepath.Join(o.dataDir, geoDir)
	if o.demo {
		if err := writeDemoDatabases(dir); err != nil {
			return service.GeoRuntime{}, fmt.Errorf("writing the demo GeoIP databases: %w", err)
		}
	}
	dbs, err := geo.OpenDatabases(dir, o.log.With(slog.String("component", "geo")))
	if err != nil {
		return service.GeoRuntime{}, fmt.Errorf("opening the GeoIP databases: %w", err)
	}
	resolver := geo.NewResolver(dbs, geo.ResolverOptions{Log: o.log})
	updater := geo.NewUpdater(geo.UpdaterConfig{
		Databases:   dbs,
		HTTPClient:  &http.Client{Timeout: geoDownloadTimout},
		Credentials: set.MaxMindCredentials,
		Log:         o.log.With(slog.String("component", "geo-update")),
		StateFile:   filepath.Join(dir, geoStateFile),
	})
	relocator := service.NewRelocator(service.RelocatorConfig{
		Store: st, Locator: resolver, Generation: dbs.Generation, Bus: bus,
		Log: o.log.With(slog.String("component", "relocate")),
	})
	return service.GeoRuntime{Databases: dbs, Resolver: resolver, Updater: updater, Relocator: relocator, Chooser: o.chooser}, nil
}

// runGeo keeps the databases up to date and the history located.
func runGeo(ctx context.Context, rt service.GeoRuntime) []func() error {
	return []func() error{
		func() error { return rt.Updater.Run(ctx) },
		func() error { return rt.Relocator.Run(ctx) },
	}
}
