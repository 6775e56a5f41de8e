package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/streamwarden/streamwarden/backend/events"
)

const sseHeartbeat = 25 * time.Second

// Subscriber hands out event streams.
type Subscriber interface {
	Subscribe(size int) (<-chan events.Event, func())
}

// handleEvents streams bus events as Server-Sent Events; each message's
// data is {"name": ..., "args": [...]}, what the browser shim dispatches.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, "Streaming is not supported.")
		return
	}
	ch, cancel := s.bus.Subscribe(64)
	defer cancel()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 3000\n: connected\n\n")
	flusher.Flush()

	heartbeat := time.NewTicker(sseHeartbeat)
	defer heartbeat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		case <-heartbeat.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case ev, open := <-ch:
			if !open {
				return
			}
			data, err := json.Marshal(ev)
			if err != nil {
				continue
			}
			fmt.Fprintf(w, "data: %s\n\n", data)
		}
		flusher.Flush()
	}
}
