package geo

import (
	"encoding/binary"
	"net/netip"
	"sync"

	"github.com/streamwarden/streamwarden/backend/model"
)

const (
	cacheShardBits = 5
	cacheShards    = 1 << cacheShardBits
)

// epoch identifies the data a cached location was computed from: the
// database generation and the user networks generation.
type epoch struct{ db, nets uint64 }

// cache maps addresses to locations. It is split into shards so parallel
// lookups rarely share a lock. A shard drops all its entries when it sees
// a new epoch, and one arbitrary entry when it is full (Go's map iteration
// starts at a random place, which gives random eviction for free).
type cache struct {
	perShard int
	shards   [cacheShards]cacheShard
}

type cacheShard struct {
	mu    sync.RWMutex
	epoch epoch
	m     map[netip.Addr]model.Location
	_     [64]byte // keeps neighbouring shards' locks off one cache line
}

func newCache(size int) *cache {
	c := &cache{perShard: max(1, size/cacheShards)}
	for i := range c.shards {
		c.shards[i].m = make(map[netip.Addr]model.Location)
	}
	return c
}

func (c *cache) shard(addr netip.Addr) *cacheShard {
	b := addr.As16()
	h := binary.LittleEndian.Uint64(b[:8]) ^ binary.LittleEndian.Uint64(b[8:])
	h *= 0x9e3779b97f4a7c15 // Fibonacci hashing: the top bits mix all input bits
	return &c.shards[h>>(64-cacheShardBits)]
}

func (c *cache) get(addr netip.Addr, e epoch) (model.Location, bool) {
	s := c.shard(addr)
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.epoch != e {
		return model.Location{}, false
	}
	loc, ok := s.m[addr]
	return loc, ok
}

// put stores a location computed under epoch e. A result from a lookup
// that raced with a swap may reset a shard to the older epoch; the next
// lookup under the newer epoch resets it again, so nothing stale is served
// to a caller that already saw the newer epoch.
func (c *cache) put(addr netip.Addr, e epoch, loc model.Location) {
	s := c.shard(addr)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.epoch != e {
		clear(s.m)
		s.epoch = e
	}
	if _, ok := s.m[addr]; !ok && len(s.m) >= c.perShard {
		for k := range s.m {
			delete(s.m, k)
			break
		}
	}
	s.m[addr] = loc
}
