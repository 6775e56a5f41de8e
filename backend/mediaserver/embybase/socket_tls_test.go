package embybase_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
)

// Over HTTPS the websocket honours Verify TLS like the HTTP calls, and
// upgrades over HTTP/1.1 although the server offers HTTP/2.
func TestSubscribeTLS(t *testing.T) {
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			srv := startLiveTLS(t, flavor)
			srv.handle("GET /Sessions", serveJSON(readFixture(t, "emby_episodes.json")))
			done := srv.serveSocket(func(conn *websocket.Conn, _ *http.Request) error {
				if err := expectText(conn, wantSessionsStart); err != nil {
					return err
				}
				if err := sendText(conn, sessionsMessage(readFixture(t, "emby_episodes.json"))); err != nil {
					return err
				}
				_ = drainUntilClosed(conn)
				return nil
			})

			ep := mediaserver.Endpoint{URL: srv.URL, Token: liveKey, VerifyTLS: false}
			c, err := embybase.New(flavor, ep, ident, embybase.Options{Timeout: 2 * time.Second})
			require.NoError(t, err)
			t.Cleanup(c.CloseIdleConnections)

			sub := subscribe(t, c)
			list, err := c.Sessions(context.Background())
			require.NoError(t, err)
			assert.Len(t, list, 2)
			for _, want := range []int{0, 2} {
				select {
				case u := <-sub.updates:
					assert.Len(t, u.Sessions, want)
				case err := <-sub.result:
					require.FailNow(t, "Subscribe ended", "%v", err)
				case <-time.After(5 * time.Second):
					require.FailNow(t, "no update")
				}
			}
			sub.cancel()
			require.NoError(t, sub.wait(t, 3*time.Second))
			require.NoError(t, scriptResult(t, done))

			strict, err := embybase.New(flavor, mediaserver.Endpoint{URL: srv.URL, Token: liveKey, VerifyTLS: true},
				ident, embybase.Options{Timeout: 2 * time.Second})
			require.NoError(t, err)
			err = strict.Subscribe(context.Background(), func(mediaserver.Update) {})
			e, ok := errors.AsType[*mediaserver.Error](err)
			require.True(t, ok, "%T %v", err, err)
			assert.Equal(t, mediaserver.ReasonTLS, e.Reason)
			assert.NotContains(t, err.Error(), liveKey)
		})
	}
}
