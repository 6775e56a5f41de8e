package embybase_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
)

func TestSessions(t *testing.T) {
	for flavorName, flavor := range liveFlavors() {
		for fixture, want := range wantSessions() {
			t.Run(flavorName+"/"+fixture, func(t *testing.T) {
				srv := startLive(t, flavor, false)
				srv.handle("GET /Sessions", serveJSON(readFixture(t, fixture)))
				got, err := newLiveClient(t, srv, liveKey, embybase.Options{}).Sessions(context.Background())
				require.NoError(t, err)
				assert.Equal(t, stamped(want), got)

				reqs := srv.requests()
				last := reqs[len(reqs)-1]
				assert.Equal(t, "/Sessions", last.Path)
				if flavor == embybase.Jellyfin {
					assert.Equal(t, []string{"GET /Sessions"}, srv.paths())
					assert.Equal(t, "960", last.Query.Get("activeWithinSeconds"))
					assert.Contains(t, last.Header.Get("Authorization"), `Token="`+liveKey+`"`)
					assert.Empty(t, last.Header.Values("X-Emby-Token"))
				} else {
					assert.Equal(t, []string{"GET /System/Info/Public", "GET /Sessions"}, srv.paths())
					assert.Equal(t, liveKey, last.Header.Get("X-Emby-Token"))
					assert.Empty(t, last.Query, "the key never travels in an HTTP URL")
				}
			})
		}
	}
}

func TestSessionsEmbyPrefixDetectedOnce(t *testing.T) {
	srv := startLive(t, embybase.Emby, true)
	srv.handle("GET /Sessions", serveJSON(readFixture(t, "emby_episodes.json")))
	c := newLiveClient(t, srv, liveKey, embybase.Options{})
	for range 2 {
		got, err := c.Sessions(context.Background())
		require.NoError(t, err)
		assert.Len(t, got, 2)
	}
	_, err := c.Users(context.Background())
	require.Error(t, err, "no /Users route on this server")
	assert.Equal(t, []string{
		"GET /System/Info/Public", "GET /emby/System/Info/Public",
		"GET /emby/Sessions", "GET /emby/Sessions", "GET /emby/Users",
	}, srv.paths())
}

func TestSessionsEmbyBaseWithPrefix(t *testing.T) {
	srv := startLive(t, embybase.Emby, true)
	srv.handle("GET /Sessions", serveJSON([]byte("[]")))
	ep := mediaserver.Endpoint{URL: srv.URL + "/emby/", Token: liveKey, VerifyTLS: true}
	c, err := embybase.New(embybase.Emby, ep, ident, embybase.Options{})
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	got, err := c.Sessions(context.Background())
	require.NoError(t, err)
	assert.Empty(t, got)
	assert.Equal(t, []string{"GET /emby/Sessions"}, srv.paths())
}

func TestSessionsFailures(t *testing.T) {
	huge := bytes.Repeat([]byte(" "), 1<<20)
	cases := []struct {
		name    string
		key     string
		handler http.HandlerFunc
		timeout time.Duration
		reason  mediaserver.Reason
		message string
	}{
		{name: "wrong key", key: "wrong-key", handler: serveJSON([]byte("[]")),
			reason: mediaserver.ReasonUnauthorized, message: "rejected the API key (HTTP 401)"},
		{name: "forbidden", handler: answerStatus(http.StatusForbidden),
			reason: mediaserver.ReasonUnauthorized, message: "not allowed to use /Sessions (HTTP 403)"},
		{name: "not found", handler: answerStatus(http.StatusNotFound),
			reason: mediaserver.ReasonNotMediaServer, message: "has no /Sessions (HTTP 404)"},
		{name: "server error", handler: answerStatus(http.StatusInternalServerError),
			reason: mediaserver.ReasonServerError, message: "HTTP 500 Internal Server Error"},
		{name: "html", handler: func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			_, _ = io.WriteString(w, "<!DOCTYPE html><html><title>Sign in</title></html>")
		}, reason: mediaserver.ReasonNotMediaServer, message: "answered /Sessions with something that is not"},
		{name: "truncated json", handler: serveJSON([]byte(`[{"Id":"a","NowPlayingItem":{"Name":"Fi`)),
			reason: mediaserver.ReasonNotMediaServer, message: "answered /Sessions with something that is not"},
		{name: "50 MiB streamed", handler: func(w http.ResponseWriter, _ *http.Request) {
			_, _ = io.WriteString(w, "[")
			for range 50 {
				if _, err := w.Write(huge); err != nil {
					return
				}
			}
			_, _ = io.WriteString(w, "]")
		}, reason: mediaserver.ReasonServerError, message: "more than 16 MiB in answer to /Sessions"},
		{name: "50 MiB declared", handler: func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(50<<20))
			_, _ = w.Write(huge)
		}, reason: mediaserver.ReasonServerError, message: "more than 16 MiB in answer to /Sessions"},
		{name: "never answers", handler: func(_ http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
		}, timeout: 300 * time.Millisecond, reason: mediaserver.ReasonTimeout, message: "did not answer within 300ms"},
		{name: "connection closed", handler: func(w http.ResponseWriter, _ *http.Request) {
			conn, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				_ = conn.Close()
			}
		}, reason: mediaserver.ReasonUnreachable, message: "closed the connection without answering"},
	}
	for flavorName, flavor := range liveFlavors() {
		for _, tc := range cases {
			t.Run(flavorName+"/"+tc.name, func(t *testing.T) {
				srv := startLive(t, flavor, false)
				srv.handle("GET /Sessions", tc.handler)
				key := tc.key
				if key == "" {
					key = liveKey
				}
				c := newLiveClient(t, srv, key, embybase.Options{Timeout: tc.timeout})
				got, err := c.Sessions(context.Background())
				require.Error(t, err)
				assert.Nil(t, got)
				e, ok := errors.AsType[*mediaserver.Error](err)
				require.True(t, ok, "%T: %v", err, err)
				assert.Equal(t, tc.reason, e.Reason, err.Error())
				assert.Contains(t, err.Error(), tc.message)
				assert.Contains(t, err.Error(), "listing sessions: ")
				assert.NotContains(t, err.Error(), key)
			})
		}
	}
}

func answerStatus(code int) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(code) }
}

func TestSessionsUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			ep := mediaserver.Endpoint{URL: "http://" + addr, Token: liveKey}
			c, err := embybase.New(flavor, ep, ident, embybase.Options{Timeout: time.Second})
			require.NoError(t, err)
			_, err = c.Sessions(context.Background())
			e, ok := errors.AsType[*mediaserver.Error](err)
			require.True(t, ok, "%v", err)
			assert.Equal(t, mediaserver.ReasonUnreachable, e.Reason)
			assert.Contains(t, err.Error(), "Connection refused by "+addr)
		})
	}
}

func TestSessionsCancelled(t *testing.T) {
	for name, flavor := range liveFlavors() {
		t.Run(name, func(t *testing.T) {
			srv := startLive(t, flavor, false)
			ctx, cancel := context.WithCancel(context.Background())
			srv.handle("GET /Sessions", func(_ http.ResponseWriter, r *http.Request) {
				cancel()
				<-r.Context().Done()
			})
			_, err := newLiveClient(t, srv, liveKey, embybase.Options{}).Sessions(ctx)
			require.ErrorIs(t, err, context.Canceled)
		})
	}
}

func TestNew(t *testing.T) {
	cases := []struct {
		name   string
		flavor embybase.Flavor
		ep     mediaserver.Endpoint
		reason mediaserver.Reason
	}{
		{"empty url", embybase.Jellyfin, mediaserver.Endpoint{}, mediaserver.ReasonInvalidURL},
		{"no scheme", embybase.Jellyfin, mediaserver.Endpoint{URL: "jellyfin.lan:8096"}, mediaserver.ReasonInvalidURL},
		{"query", embybase.Emby, mediaserver.Endpoint{URL: "http://emby.lan:8096/?api_key=x"}, mediaserver.ReasonInvalidURL},
		{"bad key", embybase.Emby, mediaserver.Endpoint{URL: "http://emby.lan:8096", Token: "a b"}, mediaserver.ReasonUnauthorized},
		{"unknown flavor", embybase.Flavor(9), mediaserver.Endpoint{URL: "http://x.lan"}, ""},
		{"kind mismatch", embybase.Emby, mediaserver.Endpoint{URL: "http://x.lan", Kind: "plex"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := embybase.New(tc.flavor, tc.ep, ident, embybase.Options{})
			require.Error(t, err)
			assert.Nil(t, c)
			if tc.reason != "" {
				e, ok := errors.AsType[*mediaserver.Error](err)
				require.True(t, ok)
				assert.Equal(t, tc.reason, e.Reason)
			}
		})
	}
	c, err := embybase.New(embybase.Emby, mediaserver.Endpoint{URL: "https://emby.lan:8920/", Token: liveKey}, ident, embybase.Options{})
	require.NoError(t, err)
	assert.Equal(t, embybase.Emby, c.Flavor())
}
