package service

import (
	"context"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver/probe"
	"github.com/streamwarden/streamwarden/backend/secrets"
	"github.com/streamwarden/streamwarden/backend/store"
)

// recorder is a Publisher that remembers what was published.
type recorder struct {
	mu    sync.Mutex
	names []string
}

func (r *recorder) Publish(name string, _ ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names = append(r.names, name)
}

func (r *recorder) count(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, got := range r.names {
		if got == name {
			n++
		}
	}
	return n
}

type fixture struct {
	set     *Set
	store   *store.Store
	secrets *secrets.Sealed
	bus     *recorder
}

// newFixture wires the services over a real SQLite file, the real sealed
// secrets store and the real prober.
func newFixture(t *testing.T) fixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "sw.db"), store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	key := make([]byte, 32)
	sealed, err := secrets.NewSealed(st, key, store.ErrNotFound)
	require.NoError(t, err)
	bus := &recorder{}
	set := NewSet()
	set.Wire(ctx, Deps{
		Store: st, Secrets: sealed, Bus: bus, Log: slog.New(slog.DiscardHandler),
		Prober: probe.New(probe.Options{ClientID: "test-client", Version: "test"}),
		Info:   SystemInfo{Version: "test", Mode: "server"},
	})
	return fixture{set: set, store: st, secrets: sealed, bus: bus}
}
