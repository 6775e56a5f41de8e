package simulator

import "sync"

// change is what the realtime channels learn when a session changes.
type change struct {
	// notif is the Plex PlaySessionStateNotification for the session.
	notif plexNotification
	// transcode is "start" or "end" when a Plex transcode session
	// appeared or went away, with the transcode session it concerns.
	transcode    string
	transcodeDTO *plexTranscode
}

// hub fans changes out to the open realtime streams. Publishing never
// blocks: a stream that falls behind misses changes, as it would on a
// congested real server.
type hub struct {
	mu   sync.Mutex
	subs map[chan change]struct{}
}

func newHub() *hub { return &hub{subs: map[chan change]struct{}{}} }

func (h *hub) subscribe() (<-chan change, func()) {
	ch := make(chan change, 128)
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs, ch)
		h.mu.Unlock()
	}
}

func (h *hub) publish(c change) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- c:
		default:
		}
	}
}
