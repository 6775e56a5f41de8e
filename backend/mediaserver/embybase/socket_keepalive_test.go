package embybase_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
)

func TestSubscribeSendsKeepAlive(t *testing.T) {
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			srv := startLive(t, flavor, false)
			got := make(chan error, 1)
			done := srv.serveSocket(func(conn *websocket.Conn, _ *http.Request) error {
				for _, want := range []string{wantSessionsStart, wantKeepAlive, wantKeepAlive, wantKeepAlive} {
					if err := expectText(conn, want); err != nil {
						return err
					}
				}
				got <- nil
				_ = drainUntilClosed(conn)
				return nil
			})
			sub := subscribe(t, newLiveClient(t, srv, liveKey, embybase.Options{KeepAlive: 20 * time.Millisecond}))
			select {
			case <-got:
			case err := <-done:
				require.NoError(t, err)
			case <-time.After(5 * time.Second):
				require.FailNow(t, "no keep-alives")
			}
			sub.cancel()
			require.NoError(t, sub.wait(t, 3*time.Second))
		})
	}
}

// Pings from the server count as signs of life for the idle timeout.
func TestSubscribePingsKeepTheConnection(t *testing.T) {
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			srv := startLive(t, flavor, false)
			pongs := make(chan struct{}, 64)
			done := srv.serveSocket(func(conn *websocket.Conn, _ *http.Request) error {
				conn.SetPongHandler(func(string) error {
					pongs <- struct{}{}
					return nil
				})
				if err := expectText(conn, wantSessionsStart); err != nil {
					return err
				}
				reads := make(chan error, 1)
				go func() { reads <- drainUntilClosed(conn) }()
				ticker := time.NewTicker(30 * time.Millisecond)
				defer ticker.Stop()
				for {
					select {
					case <-reads:
						return nil
					case <-ticker.C:
						_ = conn.WriteControl(websocket.PingMessage, []byte("hi"), time.Now().Add(time.Second))
					}
				}
			})
			opts := embybase.Options{IdleTimeout: 200 * time.Millisecond, KeepAlive: time.Hour}
			sub := subscribe(t, newLiveClient(t, srv, liveKey, opts))
			select {
			case err := <-sub.result:
				require.FailNow(t, "Subscribe ended while the server pinged", "%v", err)
			case <-time.After(600 * time.Millisecond):
			}
			require.NotEmpty(t, pongs, "the client answers pings")
			sub.cancel()
			require.NoError(t, sub.wait(t, 3*time.Second))
			require.NoError(t, scriptResult(t, done))
		})
	}
}
