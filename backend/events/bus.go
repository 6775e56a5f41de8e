// Package events is the in-process publish/subscribe bus that carries live
// updates to both shells: Wails events on the desktop, SSE headless.
package events

import (
	"sync"
	"sync/atomic"
)

// Names of the events the backend publishes.
const (
	// ServersChanged fires when a server is added, edited, toggled or removed.
	ServersChanged = "servers:changed"
)

// Event is one published message; Args are passed to listeners in order.
type Event struct {
	Name string `json:"name"`
	Args []any  `json:"args"`
}

// Bus fans events out to subscribers. Publishing never blocks: a
// subscriber that falls behind loses events and its drop count grows.
type Bus struct {
	mu      sync.Mutex
	nextID  int
	subs    map[int]*subscription
	dropped atomic.Int64
}

type subscription struct {
	ch chan Event
}

// NewBus returns an empty bus.
func NewBus() *Bus { return &Bus{subs: map[int]*subscription{}} }

// Publish sends an event to every subscriber.
func (b *Bus) Publish(name string, args ...any) {
	if args == nil {
		args = []any{}
	}
	ev := Event{Name: name, Args: args}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.subs {
		select {
		case s.ch <- ev:
		default:
			b.dropped.Add(1)
		}
	}
}

// Subscribe returns a channel of events buffered to size, and a cancel
// function that unsubscribes and closes the channel. Cancel is idempotent.
func (b *Bus) Subscribe(size int) (<-chan Event, func()) {
	s := &subscription{ch: make(chan Event, size)}
	b.mu.Lock()
	id := b.nextID
	b.nextID++
	b.subs[id] = s
	b.mu.Unlock()
	var once sync.Once
	return s.ch, func() {
		once.Do(func() {
			b.mu.Lock()
			delete(b.subs, id)
			b.mu.Unlock()
			close(s.ch)
		})
	}
}

// Dropped counts events lost to slow subscribers since start.
func (b *Bus) Dropped() int64 { return b.dropped.Load() }
