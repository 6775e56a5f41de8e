package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/service"
	"github.com/streamwarden/streamwarden/backend/simulator"
	"github.com/streamwarden/streamwarden/backend/store"
)

const (
	demoLiveSessions = 5
	demoHistoryPlays = 4000
	demoHistoryDays  = 45
	demoSeed         = 2026
)

// demo runs one simulated Plex, Jellyfin and Emby server beside the app,
// declared as servers, with viewers coming and going, so a new user sees
// a live dashboard and a filled history at once.
type demo struct {
	sims []*simulator.Server
	gen  *simulator.Generator
	log  *slog.Logger
}

func startDemo(ctx context.Context, set *service.Set, st *store.Store, log *slog.Logger) (*demo, error) {
	d := &demo{gen: simulator.NewGenerator(demoSeed, simulator.GeneratorOptions{Users: 60}), log: log.With(slog.String("component", "demo"))}
	var decls []service.Declaration
	for _, kind := range []model.ServerKind{model.KindPlex, model.KindJellyfin, model.KindEmby} {
		sim, err := simulator.Start(ctx, simulator.Config{Kind: kind, Name: "Demo " + kind.Label(), PlexPass: true})
		if err != nil {
			d.Close()
			return nil, fmt.Errorf("starting the demo %s server: %w", kind.Label(), err)
		}
		d.sims = append(d.sims, sim)
		decls = append(decls, service.Declaration{Kind: kind, URL: sim.URL(), Token: sim.Token(), VerifyTLS: true})
	}
	if err := service.DeclareServers(ctx, set.Servers, decls); err != nil {
		d.Close()
		return nil, err
	}
	if err := d.seedHistory(ctx, st); err != nil {
		d.Close()
		return nil, err
	}
	d.log.Info("demo servers running", slog.Int("servers", len(d.sims)))
	return d, nil
}

// seedHistory fills an empty history with generated plays of the last
// weeks on the demo servers.
func (d *demo) seedHistory(ctx context.Context, st *store.Store) error {
	page, err := st.SearchPlays(ctx, store.PlayQuery{Limit: 1})
	if err != nil || page.Total > 0 {
		return err
	}
	servers, err := st.Servers(ctx)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(servers))
	for _, s := range servers {
		ids = append(ids, s.ID)
	}
	now := time.Now().UTC()
	plays := make([]model.Play, 0, demoHistoryPlays)
	d.gen.Plays(demoHistoryPlays, now.AddDate(0, 0, -demoHistoryDays), now.Add(-time.Hour), ids, func(p model.Play) bool {
		plays = append(plays, p)
		return true
	})
	return st.InsertPlays(ctx, plays)
}

// Run keeps viewers starting, pausing and stopping until ctx ends.
func (d *demo) Run(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	for _, sim := range d.sims {
		g.Go(func() error { return d.gen.Drive(gctx, sim, demoLiveSessions) })
	}
	return g.Wait()
}

// Close stops the simulated servers.
func (d *demo) Close() {
	var errs []error
	for _, sim := range d.sims {
		errs = append(errs, sim.Close())
	}
	if err := errors.Join(errs...); err != nil {
		d.log.Warn("stopping the demo servers", slog.Any("error", err))
	}
}
