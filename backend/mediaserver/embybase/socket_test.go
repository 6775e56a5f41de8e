package embybase_test

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
	"github.com/streamwarden/streamwarden/backend/model"
)

// checkSocketAuth checks the upgrade request carries the key as the
// flavor expects it.
func checkSocketAuth(f embybase.Flavor, r *http.Request) error {
	if f == embybase.Emby {
		q := r.URL.Query()
		if q.Get("api_key") != liveKey || q.Get("deviceId") != "install-42" {
			return fmt.Errorf("emby socket query %q lacks api_key or deviceId", r.URL.RawQuery)
		}
		return nil
	}
	if !strings.Contains(r.Header.Get("Authorization"), `Token="`+liveKey+`"`) || r.URL.RawQuery != "" {
		return fmt.Errorf("jellyfin socket: Authorization %q, query %q", r.Header.Get("Authorization"), r.URL.RawQuery)
	}
	return nil
}

// The whole conversation: subscribe, updates, skipped messages, a forced
// keep-alive, and a connection that drops in the middle of a frame.
func TestSubscribeConversation(t *testing.T) {
	fixture := "jellyfin_movie_transcode.json"
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			srv := startLive(t, flavor, false)
			done := srv.serveSocket(func(conn *websocket.Conn, r *http.Request) error {
				if err := checkSocketAuth(flavor, r); err != nil {
					return err
				}
				steps := []func() error{
					func() error { return expectText(conn, wantSessionsStart) },
					func() error { return sendText(conn, sessionsMessage(readFixture(t, fixture))) },
					func() error { return sendText(conn, "garbage {") },
					func() error { return sendText(conn, `{"MessageType":"Sessions","Data":"oops"}`) },
					func() error { return sendText(conn, `{"MessageType":"UserDataChanged","Data":{"UserId":"x"}}`) },
					func() error { return conn.WriteMessage(websocket.BinaryMessage, []byte{0, 1, 2}) },
					func() error { return sendText(conn, `{"MessageType":"ForceKeepAlive","Data":60}`) },
					func() error { return expectText(conn, wantSessionsStart) },
					func() error { return expectText(conn, wantKeepAlive) },
					func() error { return sendText(conn, sessionsMessage([]byte("[]"))) },
				}
				for _, step := range steps {
					if err := step(); err != nil {
						return err
					}
				}
				// A text frame announcing 256 bytes, then the end of the connection.
				raw := conn.UnderlyingConn()
				if _, err := raw.Write([]byte{0x81, 0x7e, 0x01, 0x00, '[', '{'}); err != nil {
					return err
				}
				return raw.Close()
			})
			sub := subscribe(t, newLiveClient(t, srv, liveKey, embybase.Options{KeepAlive: time.Hour}))

			err := sub.wait(t, 5*time.Second)
			require.NoError(t, scriptResult(t, done))
			e, ok := errors.AsType[*mediaserver.Error](err)
			require.True(t, ok, "%T %v", err, err)
			assert.Equal(t, mediaserver.ReasonUnreachable, e.Reason)
			assert.Contains(t, err.Error(), "live connection to "+srv.Listener.Addr().String()+" dropped")
			assert.NotContains(t, err.Error(), liveKey)

			require.Len(t, sub.updates, 3)
			assert.Equal(t, mediaserver.Update{}, <-sub.updates, "the first update says the connection is up")
			assert.Equal(t, mediaserver.Update{Sessions: stamped(wantSessions()[fixture]), Complete: true}, <-sub.updates)
			assert.Equal(t, mediaserver.Update{Sessions: []model.LiveSession{}, Complete: true}, <-sub.updates)
		})
	}
}

// Cancelling the context closes the socket cleanly and promptly, and
// leaves no goroutine behind.
func TestSubscribeCancel(t *testing.T) {
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
			srv := startLive(t, flavor, false)
			started := make(chan struct{})
			done := srv.serveSocket(func(conn *websocket.Conn, _ *http.Request) error {
				if err := expectText(conn, wantSessionsStart); err != nil {
					return err
				}
				close(started)
				err := drainUntilClosed(conn)
				if !websocket.IsCloseError(err, websocket.CloseNormalClosure) {
					return fmt.Errorf("want a normal close from the client, got %w", err)
				}
				return nil
			})
			c := newLiveClient(t, srv, liveKey, embybase.Options{})
			sub := subscribe(t, c)
			select {
			case <-started:
			case <-time.After(5 * time.Second):
				require.FailNow(t, "the client did not subscribe")
			}
			begin := time.Now()
			sub.cancel()
			require.NoError(t, sub.wait(t, 2*time.Second))
			assert.Less(t, time.Since(begin), time.Second)
			require.NoError(t, scriptResult(t, done))
			srv.Close()
			c.CloseIdleConnections()
		})
	}
}

// A context that ends while the server holds the upgrade is not an error.
func TestSubscribeCancelWhileDialing(t *testing.T) {
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			srv := startLive(t, flavor, false)
			arrived := make(chan struct{})
			srv.handle(socketRoute(flavor), func(_ http.ResponseWriter, r *http.Request) {
				close(arrived)
				<-r.Context().Done()
			})
			sub := subscribe(t, newLiveClient(t, srv, liveKey, embybase.Options{}))
			select {
			case <-arrived:
			case err := <-sub.result:
				require.FailNow(t, "Subscribe returned before the upgrade", "%v", err)
			case <-time.After(5 * time.Second):
				require.FailNow(t, "the upgrade request did not arrive")
			}
			sub.cancel()
			require.NoError(t, sub.wait(t, 2*time.Second))
		})
	}
}

func TestSubscribeSilence(t *testing.T) {
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			srv := startLive(t, flavor, false)
			done := srv.serveSocket(func(conn *websocket.Conn, _ *http.Request) error {
				_ = drainUntilClosed(conn)
				return nil
			})
			opts := embybase.Options{IdleTimeout: 150 * time.Millisecond, KeepAlive: 20 * time.Millisecond}
			sub := subscribe(t, newLiveClient(t, srv, liveKey, opts))
			err := sub.wait(t, 3*time.Second)
			e, ok := errors.AsType[*mediaserver.Error](err)
			require.True(t, ok, "%T %v", err, err)
			assert.Equal(t, mediaserver.ReasonTimeout, e.Reason)
			assert.Contains(t, err.Error(), "sent nothing on the live connection for 150ms")
			require.NoError(t, scriptResult(t, done))
		})
	}
}

func TestSubscribeServerCloses(t *testing.T) {
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			srv := startLive(t, flavor, false)
			done := srv.serveSocket(func(conn *websocket.Conn, _ *http.Request) error {
				if err := expectText(conn, wantSessionsStart); err != nil {
					return err
				}
				msg := websocket.FormatCloseMessage(websocket.CloseGoingAway, "server shutting down")
				return conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
			})
			err := subscribe(t, newLiveClient(t, srv, liveKey, embybase.Options{})).wait(t, 3*time.Second)
			e, ok := errors.AsType[*mediaserver.Error](err)
			require.True(t, ok, "%T %v", err, err)
			assert.Equal(t, mediaserver.ReasonUnreachable, e.Reason)
			assert.Contains(t, err.Error(), "closed the live connection (code 1001)")
			require.NoError(t, scriptResult(t, done))
		})
	}
}

func TestSubscribeMessageTooLarge(t *testing.T) {
	srv := startLive(t, embybase.Jellyfin, false)
	done := srv.serveSocket(func(conn *websocket.Conn, _ *http.Request) error {
		if err := expectText(conn, wantSessionsStart); err != nil {
			return err
		}
		_ = conn.WriteMessage(websocket.TextMessage, make([]byte, 17<<20))
		return nil
	})
	err := subscribe(t, newLiveClient(t, srv, liveKey, embybase.Options{})).wait(t, 5*time.Second)
	e, ok := errors.AsType[*mediaserver.Error](err)
	require.True(t, ok, "%T %v", err, err)
	assert.Equal(t, mediaserver.ReasonServerError, e.Reason)
	assert.Contains(t, err.Error(), "larger than 16 MiB")
	require.NoError(t, scriptResult(t, done))
}

func TestSubscribeUpgradeRefused(t *testing.T) {
	cases := []struct {
		name    string
		key     string
		handler http.HandlerFunc
		reason  mediaserver.Reason
		message string
	}{
		{name: "unauthorized", key: "wrong-key", reason: mediaserver.ReasonUnauthorized, message: "HTTP 401"},
		{name: "no websocket route", reason: mediaserver.ReasonNotMediaServer, message: "(HTTP 404)"},
		{name: "plain answer", handler: serveJSON([]byte("{}")), reason: mediaserver.ReasonNotMediaServer,
			message: "without opening a websocket (HTTP 200)"},
		{name: "server error", handler: answerStatus(http.StatusBadGateway), reason: mediaserver.ReasonServerError,
			message: "HTTP 502"},
	}
	for flavorName, flavor := range liveFlavors() {
		for _, tc := range cases {
			t.Run(flavorName+"/"+tc.name, func(t *testing.T) {
				srv := startLive(t, flavor, false)
				switch {
				case tc.handler != nil:
					srv.handle(socketRoute(flavor), tc.handler)
				case tc.key != "":
					srv.serveSocket(func(*websocket.Conn, *http.Request) error { return nil })
				}
				key := tc.key
				if key == "" {
					key = liveKey
				}
				err := subscribe(t, newLiveClient(t, srv, key, embybase.Options{})).wait(t, 3*time.Second)
				e, ok := errors.AsType[*mediaserver.Error](err)
				require.True(t, ok, "%T %v", err, err)
				assert.Equal(t, tc.reason, e.Reason)
				assert.Contains(t, err.Error(), tc.message)
				assert.NotContains(t, err.Error(), key)
			})
		}
	}
}

func TestSubscribeEmbyPrefix(t *testing.T) {
	srv := startLive(t, embybase.Emby, true)
	done := srv.serveSocket(func(conn *websocket.Conn, _ *http.Request) error {
		if err := expectText(conn, wantSessionsStart); err != nil {
			return err
		}
		return sendText(conn, sessionsMessage(readFixture(t, "emby_episodes.json")))
	})
	sub := subscribe(t, newLiveClient(t, srv, liveKey, embybase.Options{}))
	for _, want := range []int{0, 2} {
		select {
		case u := <-sub.updates:
			assert.Len(t, u.Sessions, want)
			assert.Equal(t, want > 0, u.Complete)
		case <-time.After(5 * time.Second):
			require.FailNow(t, "no update")
		}
	}
	require.NoError(t, scriptResult(t, done))
	assert.Equal(t, []string{"GET /System/Info/Public", "GET /emby/System/Info/Public", "GET /emby/embywebsocket"}, srv.paths())
}
