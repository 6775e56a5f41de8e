package embybase_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
)

const (
	wantSessionsStart = `{"MessageType":"SessionsStart","Data":"0,1500"}`
	wantKeepAlive     = `{"MessageType":"KeepAlive"}`
)

// socketScript plays the server side of one websocket connection. An
// error it returns fails the test.
type socketScript func(conn *websocket.Conn, r *http.Request) error

// socketRoute is where the flavor's websocket lives (below any prefix).
func socketRoute(f embybase.Flavor) string {
	if f == embybase.Emby {
		return "GET /embywebsocket"
	}
	return "GET /socket"
}

// serveSocket upgrades requests to the flavor's websocket route and runs
// script on them. The returned channel gets the script's result.
func (s *liveServer) serveSocket(script socketScript) <-chan error {
	done := make(chan error, 4)
	upgrader := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	s.handle(socketRoute(s.flavor), func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			done <- fmt.Errorf("upgrading: %w", err)
			return
		}
		defer conn.Close()
		done <- script(conn, r)
	})
	return done
}

// expectText reads one message and checks it is want.
func expectText(conn *websocket.Conn, want string) error {
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	kind, data, err := conn.ReadMessage()
	if err != nil {
		return fmt.Errorf("reading, want %s: %w", want, err)
	}
	if kind != websocket.TextMessage || string(data) != want {
		return fmt.Errorf("got message %d %q, want %q", kind, data, want)
	}
	return nil
}

func sendText(conn *websocket.Conn, text string) error {
	return conn.WriteMessage(websocket.TextMessage, []byte(text))
}

// sessionsMessage wraps a session list as the server pushes it.
func sessionsMessage(list []byte) string {
	return `{"MessageType":"Sessions","MessageId":"5a1b2c3d4e5f","Data":` + string(list) + `}`
}

// drainUntilClosed reads until the client closes the connection and
// returns the close error it got.
func drainUntilClosed(conn *websocket.Conn) error {
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		if _, _, err := conn.ReadMessage(); err != nil {
			return err
		}
	}
}

// subscription is a running Subscribe.
type subscription struct {
	updates chan mediaserver.Update
	result  chan error
	cancel  context.CancelFunc
}

func subscribe(t *testing.T, c *embybase.Client) *subscription {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &subscription{updates: make(chan mediaserver.Update, 16), result: make(chan error, 1), cancel: cancel}
	go func() {
		s.result <- c.Subscribe(ctx, func(u mediaserver.Update) { s.updates <- u })
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.result:
		case <-time.After(5 * time.Second):
			t.Error("Subscribe did not return after its context ended")
		}
	})
	return s
}

// wait returns Subscribe's result, failing the test after limit.
func (s *subscription) wait(t *testing.T, limit time.Duration) error {
	t.Helper()
	select {
	case err := <-s.result:
		s.result <- err // for the cleanup
		return err
	case <-time.After(limit):
		require.FailNow(t, "Subscribe did not return", "within %s", limit)
		return nil
	}
}

// scriptResult waits for the server script to finish.
func scriptResult(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		require.FailNow(t, "the server script did not finish")
		return nil
	}
}
