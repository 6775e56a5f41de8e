package simulator

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/websocket"

	"github.com/streamwarden/streamwarden/backend/model"
)

// plexSink writes Plex notifications on one transport.
type plexSink interface {
	// notify sends one notification of type typ whose body is keyed by key.
	notify(typ, key string, body any) error
	ping() error
}

// plexFilter follows the filters query: "a,b" keeps only those types,
// "-a,b" drops them, empty keeps all.
func plexFilter(spec string) func(string) bool {
	if spec == "" {
		return func(string) bool { return true }
	}
	exclude := strings.HasPrefix(spec, "-")
	set := map[string]bool{}
	for _, t := range strings.Split(strings.TrimPrefix(spec, "-"), ",") {
		set[strings.TrimSpace(t)] = true
	}
	return func(t string) bool { return set[t] != exclude }
}

// plexEvents feeds sink with a "playing" notification on every session
// change and every ProgressInterval per playing session, transcode
// session starts and ends, and pings, until ctx ends.
func (s *Server) plexEvents(ctx context.Context, changes <-chan change, sink plexSink, keep func(string) bool) error {
	ping := time.NewTicker(s.cfg.PingInterval)
	defer ping.Stop()
	progress := time.NewTicker(s.cfg.ProgressInterval)
	defer progress.Stop()
	for {
		var err error
		select {
		case <-ctx.Done():
			return ctx.Err()
		case c := <-changes:
			if keep("playing") {
				err = sink.notify("playing", "PlaySessionStateNotification", c.notif)
			}
			if typ := "transcodeSession." + c.transcode; err == nil && c.transcodeDTO != nil && keep(typ) {
				err = sink.notify(typ, "TranscodeSession", c.transcodeDTO)
			}
		case <-progress.C:
			if !keep("playing") {
				continue
			}
			for _, n := range s.playingNotifications() {
				if err = sink.notify("playing", "PlaySessionStateNotification", n); err != nil {
					break
				}
			}
		case <-ping.C:
			err = sink.ping()
		}
		if err != nil {
			return err
		}
	}
}

func (s *Server) playingNotifications() []plexNotification {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.cfg.Now()
	var out []plexNotification
	for _, ls := range s.sessions {
		if ls.state == model.StatePlaying {
			rk := plexRatingKey(ls.item)
			out = append(out, plexNotification{
				SessionKey: ls.plexKey, ClientIdentifier: ls.device.ID, RatingKey: rk, Key: "/library/metadata/" + rk,
				ViewOffset: ms(ls.position(now)), PlayQueueItemID: ls.queueItemID, State: string(ls.state),
				TranscodeSession: ls.transcodeID,
			})
		}
	}
	return out
}

// plexSSE serves GET /:/eventsource/notifications.
func (s *Server) plexSSE(w http.ResponseWriter, r *http.Request) {
	// Subscribe before answering, so no change after the answer is missed.
	changes, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	if err := rc.Flush(); err != nil {
		return
	}
	_ = s.plexEvents(r.Context(), changes, &sseSink{w: w, rc: rc}, plexFilter(r.URL.Query().Get("filters")))
	// The stream never ends cleanly: the client went away or the server
	// is going down, and either way the connection just drops.
	panic(http.ErrAbortHandler)
}

type sseSink struct {
	w  http.ResponseWriter
	rc *http.ResponseController
}

func (k *sseSink) frame(event string, data []byte) error {
	_ = k.rc.SetWriteDeadline(time.Now().Add(writeWait))
	if _, err := fmt.Fprintf(k.w, "event: %s\ndata: %s\n\n", event, data); err != nil {
		return fmt.Errorf("writing event: %w", err)
	}
	return k.rc.Flush()
}

func (k *sseSink) notify(typ, key string, body any) error {
	data, err := json.Marshal(map[string]any{key: body})
	if err != nil {
		return fmt.Errorf("encoding event: %w", err)
	}
	return k.frame(typ, data)
}

func (k *sseSink) ping() error { return k.frame("ping", []byte("{}")) }

// plexWebsocket serves GET /:/websockets/notifications.
func (s *Server) plexWebsocket(w http.ResponseWriter, r *http.Request) {
	keep := plexFilter(r.URL.Query().Get("filters"))
	changes, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	serveSocket(w, r, false, func(ctx context.Context, conn *websocket.Conn, _ <-chan []byte) error {
		return s.plexEvents(ctx, changes, &wsSink{conn: conn}, keep)
	})
}

type wsSink struct{ conn *websocket.Conn }

func (k *wsSink) notify(typ, key string, body any) error {
	return writeSocketJSON(k.conn, map[string]any{"NotificationContainer": map[string]any{
		"type": typ, "size": 1, key: []any{body},
	}})
}

func (k *wsSink) ping() error {
	return k.conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(writeWait))
}
