package simulator

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/websocket"

	"github.com/streamwarden/streamwarden/backend/model"
)

// embySocket serves the Jellyfin /socket and Emby /embywebsocket.
func (s *Server) embySocket(w http.ResponseWriter, r *http.Request) {
	changes, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	serveSocket(w, r, true, func(ctx context.Context, conn *websocket.Conn, in <-chan []byte) error {
		return s.embySocketLoop(ctx, conn, changes, in)
	})
}

// sessionFeed is a client's Sessions subscription: pushes after an
// initial delay, then every interval and on every change.
type sessionFeed struct {
	on     bool
	start  *time.Timer
	ticker *time.Ticker
}

func (f *sessionFeed) stop() {
	f.on = false
	if f.start != nil {
		f.start.Stop()
		f.start = nil
	}
	if f.ticker != nil {
		f.ticker.Stop()
		f.ticker = nil
	}
}

// begin subscribes with SessionsStart data "initialDelayMs,intervalMs".
func (f *sessionFeed) begin(data string) {
	f.stop()
	f.on = true
	delayText, intervalText, _ := strings.Cut(data, ",")
	delay, _ := strconv.Atoi(strings.TrimSpace(delayText))
	interval, _ := strconv.Atoi(strings.TrimSpace(intervalText))
	f.start = time.NewTimer(time.Duration(max(delay, 0)) * time.Millisecond)
	if interval > 0 {
		f.ticker = time.NewTicker(time.Duration(interval) * time.Millisecond)
	}
}

func (f *sessionFeed) startC() <-chan time.Time {
	if f.start == nil {
		return nil
	}
	return f.start.C
}

func (f *sessionFeed) tickC() <-chan time.Time {
	if f.ticker == nil {
		return nil
	}
	return f.ticker.C
}

type clientMessage struct {
	MessageType string          `json:"MessageType"`
	Data        json.RawMessage `json:"Data"`
}

func (m clientMessage) text() string {
	var s string
	if json.Unmarshal(m.Data, &s) == nil {
		return s
	}
	return strings.Trim(string(m.Data), `"`)
}

// embySocketLoop speaks the session websocket: ForceKeepAlive on connect
// and when the client has been silent for half the timeout, KeepAlive
// answers, Sessions pushes while subscribed, and a drop after the timeout.
func (s *Server) embySocketLoop(ctx context.Context, conn *websocket.Conn, changes <-chan change, in <-chan []byte) error {
	timeout := s.cfg.KeepAliveTimeout
	keepAlive := embyMessage{MessageType: "ForceKeepAlive", Data: int(timeout / time.Second)}
	if err := writeSocketJSON(conn, keepAlive); err != nil {
		return err
	}
	check := time.NewTicker(max(timeout/8, 5*time.Millisecond))
	defer check.Stop()
	var feed sessionFeed
	defer feed.stop()
	heard, warned := time.Now(), false
	for {
		var err error
		select {
		case <-ctx.Done():
			return ctx.Err()
		case raw := <-in:
			heard, warned = time.Now(), false
			var msg clientMessage
			if json.Unmarshal(raw, &msg) != nil {
				continue
			}
			switch msg.MessageType {
			case "SessionsStart":
				feed.begin(msg.text())
			case "SessionsStop":
				feed.stop()
			case "KeepAlive":
				err = writeSocketJSON(conn, embyMessage{MessageType: "KeepAlive"})
			}
		case <-changes:
			if feed.on {
				err = s.pushSessions(conn)
			}
		case <-feed.startC():
			feed.start = nil
			err = s.pushSessions(conn)
		case <-feed.tickC():
			err = s.pushSessions(conn)
		case <-check.C:
			silent := time.Since(heard)
			if silent >= timeout {
				return nil
			}
			if silent >= timeout/2 && !warned {
				warned = true
				err = writeSocketJSON(conn, keepAlive)
			}
		}
		if err != nil {
			return err
		}
	}
}

func (s *Server) pushSessions(conn *websocket.Conn) error {
	msg := embyMessage{MessageType: "Sessions", Data: s.embySnapshot("", 0)}
	if s.cfg.Kind == model.KindJellyfin {
		s.mu.Lock()
		msg.MessageID = randomHexFrom(s.rng, 32)
		s.mu.Unlock()
	}
	return writeSocketJSON(conn, msg)
}
