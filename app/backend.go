// Package app holds the two shells — the Wails desktop app and the
// headless HTTP server — and the composition root both use.
package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"

	"golang.org/x/sync/errgroup"

	"github.com/streamwarden/streamwarden/backend/events"
	"github.com/streamwarden/streamwarden/backend/mediaserver/connect"
	"github.com/streamwarden/streamwarden/backend/mediaserver/probe"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/monitor"
	"github.com/streamwarden/streamwarden/backend/secrets"
	"github.com/streamwarden/streamwarden/backend/service"
	"github.com/streamwarden/streamwarden/backend/store"
)

// version is set at link time: -ldflags "-X github.com/streamwarden/streamwarden/app.version=…".
var version = "dev"

const (
	databaseFile   = "streamwarden.db"
	clientIDKey    = "client_id"
	encryptionEnv  = "STREAMWARDEN_ENCRYPTION_KEY"
	keyringService = "streamwarden"
)

// openSecrets picks where tokens are kept once the database is open. It
// returns a warning for the user when the choice is a fallback.
type openSecrets func(ctx context.Context, st *store.Store) (secrets.Store, string, error)

type backendOptions struct {
	dataDir string
	mode    string
	log     *slog.Logger
	secrets openSecrets
	// demo runs simulated servers beside the app.
	demo bool
	// chooser opens native file dialogs (desktop only).
	chooser service.FileChooser
}

// backend is everything the shells share, opened at start.
type backend struct {
	store   *store.Store
	bus     *events.Bus
	monitor *monitor.Manager
	demo    *demo
	geo     service.GeoRuntime
}

// openBackend opens the database and secrets and wires set. ctx is the
// app's lifetime: every service call made through set ends with it.
func openBackend(ctx context.Context, set *service.Set, o backendOptions) (*backend, error) {
	st, err := store.Open(ctx, filepath.Join(o.dataDir, databaseFile), store.Options{Logger: o.log})
	if err != nil {
		return nil, err
	}
	sec, warning, err := o.secrets(ctx, st)
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	clientID, err := ensureClientID(ctx, st)
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	bus := events.NewBus()
	geoRT, err := openGeo(set, st, bus, o)
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	tokens := func(ctx context.Context, srv model.Server) (string, error) { return sec.Get(ctx, srv.TokenRef) }
	cfg := monitor.DefaultConfig()
	cfg.Tracker.Locator = geoRT.Resolver
	manager := monitor.NewManager(st, tokens, connect.NewFactory(clientID, version).Client, st, bus, o.log, cfg)
	set.Wire(ctx, service.Deps{
		Store: st, Secrets: sec, Bus: bus, Log: o.log, Live: manager, Geo: geoRT,
		Prober: probe.New(probe.Options{ClientID: clientID, Version: version}),
		Info: service.SystemInfo{
			Version: version, Mode: o.mode, DataDir: o.dataDir,
			SecretsBackend: sec.Backend(), SecretsWarning: warning,
		},
	})
	b := &backend{store: st, bus: bus, monitor: manager, geo: geoRT}
	if err := set.ApplyNetworks(); err != nil {
		_ = b.Close()
		return nil, err
	}
	if o.demo {
		if b.demo, err = startDemo(ctx, set, st, o.log); err != nil {
			_ = st.Close()
			return nil, err
		}
	}
	o.log.Info("backend ready", slog.String("data", o.dataDir), slog.String("secrets", sec.Backend()))
	return b, nil
}

// Run watches the servers until ctx ends, following changes to the list.
// When it returns every open play is checkpointed; the database stays
// open until Close.
func (b *backend) Run(ctx context.Context) error {
	changes, unsubscribe := b.bus.Subscribe(16)
	defer unsubscribe()
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return b.monitor.Run(gctx) })
	for _, run := range runGeo(gctx, b.geo) {
		g.Go(run)
	}
	if b.demo != nil {
		g.Go(func() error { return b.demo.Run(gctx) })
	}
	g.Go(func() error {
		for {
			select {
			case <-gctx.Done():
				return nil
			case ev := <-changes:
				if ev.Name == events.ServersChanged {
					b.monitor.Reload()
				}
			}
		}
	})
	return g.Wait()
}

// Close stops the demo servers, if any, and closes the database.
func (b *backend) Close() error {
	if b.demo != nil {
		b.demo.Close()
	}
	if err := b.geo.Databases.Close(); err != nil {
		_ = b.store.Close()
		return err
	}
	return b.store.Close()
}

// ensureClientID returns this install's stable identifier, which media
// servers use to tell our client apart (Plex X-Plex-Client-Identifier).
func ensureClientID(ctx context.Context, st *store.Store) (string, error) {
	id, err := st.Setting(ctx, clientIDKey)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return "", err
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	id = "streamwarden-" + hex.EncodeToString(b)
	if err := st.SetSetting(ctx, clientIDKey, id); err != nil {
		return "", err
	}
	return id, nil
}

// sealedSecrets keeps secrets AES-256-GCM encrypted in the database, with
// the key from the environment or a key file in the data directory.
func sealedSecrets(getenv func(string) string, dataDir string, log *slog.Logger) openSecrets {
	return func(ctx context.Context, st *store.Store) (secrets.Store, string, error) {
		key, source, err := secrets.LoadKey(getenv, encryptionEnv, dataDir)
		if err != nil {
			return nil, "", fmt.Errorf("loading the encryption key: %w", err)
		}
		sealed, err := secrets.NewSealed(st, key, store.ErrNotFound)
		if err != nil {
			return nil, "", err
		}
		if err := sealed.VerifyKey(ctx); err != nil {
			return nil, "", fmt.Errorf("%w (is %s the one used before?)", err, encryptionEnv)
		}
		warning := ""
		if source == secrets.KeyFromGenerated || source == secrets.KeyFromKeyFile {
			path := filepath.Join(dataDir, secrets.KeyFileName)
			warning = fmt.Sprintf("Tokens are encrypted with a key kept in %s. Back it up with the database, or set %s.", path, encryptionEnv)
			if source == secrets.KeyFromGenerated {
				log.Warn("no encryption key configured: generated one", slog.String("file", path),
					slog.String("hint", "set "+encryptionEnv+" or back up this file with the database"))
			}
		}
		return sealed, warning, nil
	}
}
