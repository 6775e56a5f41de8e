package geo

import (
	"log/slog"
	"net/netip"
	"sync"
	"sync/atomic"

	"github.com/streamwarden/streamwarden/backend/model"
)

// DefaultCacheSize is how many addresses a Resolver remembers by default.
const DefaultCacheSize = 1 << 16

// ResolverOptions tune a Resolver.
type ResolverOptions struct {
	// CacheSize is the number of cached addresses: 0 means
	// DefaultCacheSize, a negative number disables the cache.
	CacheSize int
	Log       *slog.Logger
}

// Resolver turns addresses into locations: user networks first, then the
// built-in local classes, then the databases. It is safe for concurrent use.
type Resolver struct {
	dbs   *Databases
	log   *slog.Logger
	cache *cache // nil when disabled

	nets   atomic.Pointer[networkTable]
	netsMu sync.Mutex // orders SetNetworks calls
	netGen uint64     // guarded by netsMu
}

// NewResolver returns a Resolver over dbs, which may be nil (no databases:
// every public address is unknown).
func NewResolver(dbs *Databases, opts ResolverOptions) *Resolver {
	r := &Resolver{dbs: dbs, log: opts.Log}
	if r.log == nil {
		r.log = slog.Default()
	}
	switch {
	case opts.CacheSize == 0:
		r.cache = newCache(DefaultCacheSize)
	case opts.CacheSize > 0:
		r.cache = newCache(opts.CacheSize)
	}
	r.nets.Store(newNetworkTable(0, nil))
	return r
}

// SetNetworks replaces the user-defined networks. When two contain an
// address, the more specific one wins; invalid prefixes are skipped.
func (r *Resolver) SetNetworks(nets []Network) {
	for _, n := range nets {
		if _, ok := normalizePrefix(n.Prefix); !ok {
			r.log.Warn("ignoring user network with an invalid prefix", slog.String("label", n.Label))
		}
	}
	r.netsMu.Lock()
	defer r.netsMu.Unlock()
	r.netGen++
	r.nets.Store(newNetworkTable(r.netGen, nets))
}

// Locate finds where ip is. ip may be written as media servers report it
// (with a port, brackets, a zone or the ::ffff: prefix); anything that is
// not an address is unknown.
func (r *Resolver) Locate(ip string) model.Location {
	addr, ok := ParseIP(ip)
	if !ok {
		return model.Location{Source: model.LocationUnknown}
	}
	return r.LocateAddr(addr)
}

// LocateAddr finds where addr is.
func (r *Resolver) LocateAddr(addr netip.Addr) model.Location {
	addr = addr.WithZone("").Unmap()
	if !addr.IsValid() {
		return model.Location{Source: model.LocationUnknown}
	}
	// The generations are read before the lookup, so a result computed from
	// data older than its epoch is never cached under it.
	table := r.nets.Load()
	e := epoch{db: r.dbs.Generation(), nets: table.gen}
	if r.cache != nil {
		if loc, ok := r.cache.get(addr, e); ok {
			return loc
		}
	}
	loc := r.resolve(addr, table)
	if r.cache != nil {
		r.cache.put(addr, e, loc)
	}
	return loc
}

func (r *Resolver) resolve(addr netip.Addr, table *networkTable) model.Location {
	n, named := table.match(addr)
	switch {
	case named && n.Location != nil:
		loc := *n.Location
		loc.Source = model.LocationOverride
		if n.Label != "" {
			loc.Label = n.Label
		}
		// The user placed the address; who provides it is still the
		// database's to say, and ISP rules want to know.
		if loc.ASN == 0 && loc.ISP == "" && !IsLocal(addr) && r.dbs != nil {
			r.dbs.lookupASN(addr, &loc)
		}
		return loc
	case named && n.Local:
		return model.Location{Source: model.LocationLocal, Label: n.Label}
	}
	var loc model.Location
	if IsLocal(addr) {
		loc = model.Location{Source: model.LocationLocal}
	} else {
		loc = r.dbs.lookup(addr)
	}
	if named {
		loc.Label = n.Label
	}
	return loc
}
