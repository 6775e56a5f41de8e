package geo

import (
	"sync/atomic"
	"time"

	"github.com/oschwald/maxminddb-golang/v2"
)

// retireWait bounds how long a swap waits for lookups that still use the
// old reader. Lookups take microseconds; the bound only matters if one was
// descheduled mid-lookup.
const retireWait = 2 * time.Second

// handle is one open database shared by concurrent lookups.
//
// The reader memory-maps the file, and closing it unmaps it: a lookup
// still walking the tree would then fault and crash the process.
// Reading the file into memory instead (OpenBytes) would let the garbage
// collector keep it alive, but a 60 MB GeoLite2-City buffer on the heap
// also doubles the GC's heap target, so the app would hold well over
// 100 MB. Instead every lookup holds a reference: the handle starts with
// one reference owned by its Databases slot, a lookup takes one for its
// duration, and the reader is closed by whoever drops the last one. That
// costs two uncontended atomic operations per uncached lookup. Strings the
// decoder returns never alias the mapping, so results outlive the reader.
type handle struct {
	reader *maxminddb.Reader
	info   DatabaseInfo
	refs   atomic.Int64
	done   chan struct{}
}

func newHandle(r *maxminddb.Reader, info DatabaseInfo) *handle {
	h := &handle{reader: r, info: info, done: make(chan struct{})}
	h.refs.Store(1)
	return h
}

// acquire takes a reference unless the handle has already been closed.
func (h *handle) acquire() bool {
	for {
		n := h.refs.Load()
		if n <= 0 {
			return false
		}
		if h.refs.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

func (h *handle) release() {
	if h.refs.Add(-1) == 0 {
		_ = h.reader.Close()
		close(h.done)
	}
}

// retire drops the slot's reference after the handle has been swapped out
// and waits, at most wait, until no lookup uses it. Windows cannot replace
// a file that is still mapped, so installs wait before renaming.
func (h *handle) retire(wait time.Duration) bool {
	h.release()
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-h.done:
		return true
	case <-t.C:
		return false
	}
}

// acquireSlot returns the slot's handle with a reference taken, or nil when
// the slot is empty. If the handle is retired between the load and the
// acquire, the slot already holds its successor, so the loop ends.
func acquireSlot(slot *atomic.Pointer[handle]) *handle {
	for {
		h := slot.Load()
		if h == nil {
			return nil
		}
		if h.acquire() {
			return h
		}
	}
}
