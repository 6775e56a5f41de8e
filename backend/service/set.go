package service

import (
	"context"
	"io"
	"log/slog"

	"github.com/streamwarden/streamwarden/backend/secrets"
	"github.com/streamwarden/streamwarden/backend/store"
)

// Set is every service the shells expose. The structs are allocated
// before the backend starts (Wails binds them before it runs anything)
// and wired once the database and secrets are open.
type Set struct {
	Servers  *Servers
	System   *System
	APIKeys  *APIKeys
	Activity *Activity
	History  *History
	Geo      *Geo
}

// Deps is what the services need, opened by the shell at start.
type Deps struct {
	Store   *store.Store
	Secrets secrets.Store
	Prober  Prober
	Bus     Publisher
	Log     *slog.Logger
	Info    SystemInfo
	Live    LiveSource
	Geo     GeoRuntime
}

// NewSet allocates the services, not yet wired.
func NewSet() *Set {
	return &Set{Servers: &Servers{}, System: &System{}, APIKeys: &APIKeys{}, Activity: &Activity{}, History: &History{}, Geo: &Geo{}}
}

// Wire gives the services their dependencies. ctx bounds every call they
// make and ends when the app shuts down. Wire must run before any method
// is called and only once.
func (s *Set) Wire(ctx context.Context, d Deps) {
	log := d.Log.With(slog.String("component", "service"))
	*s.Servers = Servers{ctx: ctx, store: d.Store, secrets: d.Secrets, prober: d.Prober, bus: d.Bus, log: log}
	*s.System = System{info: d.Info}
	*s.APIKeys = APIKeys{ctx: ctx, store: d.Store}
	*s.Activity = Activity{ctx: ctx, live: d.Live}
	*s.History = History{ctx: ctx, store: d.Store}
	*s.Geo = Geo{ctx: ctx, store: d.Store, secrets: d.Secrets, rt: d.Geo, bus: d.Bus, headless: d.Geo.Chooser == nil, log: log}
}

// Bound lists the structs whose exported methods form the API, in the
// form both Wails Bind and the HTTP transport take.
func (s *Set) Bound() []any {
	return []any{s.Servers, s.System, s.APIKeys, s.Activity, s.History, s.Geo}
}

// Upload receives a file the browser posts (headless only: the desktop
// reads files through its own dialogs).
type Upload func(ctx context.Context, body io.Reader) (any, error)

// Uploads lists the upload endpoints by path.
func (s *Set) Uploads() map[string]Upload {
	return map[string]Upload{uploadPath: s.Geo.importUpload}
}

// ApplyNetworks hands the stored user networks to the resolver (at start).
func (s *Set) ApplyNetworks() error { return s.Geo.applyNetworks() }

// MaxMindCredentials gives the GeoIP updater the stored MaxMind account;
// two empty strings when automatic updates are off or not set up. It is
// not an API method: the licence key never leaves the backend.
func (s *Set) MaxMindCredentials(ctx context.Context) (string, string, error) {
	return s.Geo.maxMindCredentials(ctx)
}

// TileOrigin is the origin of the optional online map layer, "" when off.
func (s *Set) TileOrigin() string { return s.Geo.tileOrigin() }
