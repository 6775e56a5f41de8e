package service

import (
	"context"
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
}

// NewSet allocates the services, not yet wired.
func NewSet() *Set {
	return &Set{Servers: &Servers{}, System: &System{}, APIKeys: &APIKeys{}, Activity: &Activity{}, History: &History{}}
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
}

// Bound lists the structs whose exported methods form the API, in the
// form both Wails Bind and the HTTP transport take.
func (s *Set) Bound() []any {
	return []any{s.Servers, s.System, s.APIKeys, s.Activity, s.History}
}
