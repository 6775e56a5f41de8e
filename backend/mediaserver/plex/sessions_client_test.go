package plex_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
	"github.com/streamwarden/streamwarden/backend/model"
)

func TestSessions(t *testing.T) {
	for _, name := range []string{"sessions_movie_transcode_hw.xml", "sessions_ipv6.json", "sessions_empty.xml"} {
		t.Run(name, func(t *testing.T) {
			srv := plexServer(t, map[string]http.Handler{"/status/sessions": serveFixture(t, name)})
			want, err := plex.ParseSessions(contentType(name), fixture(t, name))
			require.NoError(t, err)

			got, err := newClient(t, srv.URL+"/", plex.Options{}).Sessions(context.Background())
			require.NoError(t, err)
			assert.Equal(t, want, got)

			reqs := srv.Requests()
			require.Len(t, reqs, 1)
			assert.Equal(t, http.MethodGet, reqs[0].Method)
			assert.Equal(t, "/status/sessions", reqs[0].Path)
			assert.Empty(t, reqs[0].Query, "the token never travels in the URL")
			assert.Equal(t, token, reqs[0].Header.Get("X-Plex-Token"))
			assert.Equal(t, "application/json", reqs[0].Header.Get("Accept"))
			assert.Equal(t, "install-42", reqs[0].Header.Get("X-Plex-Client-Identifier"))
			assert.Equal(t, "Streamwarden", reqs[0].Header.Get("X-Plex-Product"))
		})
	}
}

func TestSessionsBehindPathPrefix(t *testing.T) {
	srv := plexServer(t, map[string]http.Handler{"/plex/status/sessions": serveFixture(t, "sessions_episode_lan.json")})
	got, err := newClient(t, srv.URL+"/plex", plex.Options{}).Sessions(context.Background())
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "44", got[0].Key)
}

func TestSessionsFailures(t *testing.T) {
	truncatedXML := fixture(t, "sessions_relayed.xml")
	truncatedXML = truncatedXML[:len(truncatedXML)/2]
	truncatedJSON := fixture(t, "sessions_episode_lan.json")
	truncatedJSON = truncatedJSON[:len(truncatedJSON)/2]
	tests := []struct {
		name    string
		handler http.Handler
		token   string
		reason  mediaserver.Reason
		message string
	}{
		{"token rejected", nil, "wrong-token", mediaserver.ReasonUnauthorized, "rejected the token (HTTP 401)"},
		{"forbidden", fake.Status(http.StatusForbidden, "", nil), token, mediaserver.ReasonUnauthorized, "HTTP 403"},
		{"server error", fake.Status(http.StatusInternalServerError, "text/plain", []byte("boom")), token,
			mediaserver.ReasonServerError, "with an error (HTTP 500 Internal Server Error)"},
		{"html page", fake.Status(http.StatusOK, "text/html", []byte("<!DOCTYPE html><html><body>Router login</body></html>")), token,
			mediaserver.ReasonNotMediaServer, "with a web page instead of a session list"},
		{"html sniffed", fake.Status(http.StatusOK, "", []byte("\n<html><body>hello</body></html>")), token,
			mediaserver.ReasonNotMediaServer, "web page"},
		{"truncated xml", fake.Status(http.StatusOK, "text/xml", truncatedXML), token,
			mediaserver.ReasonServerError, "could not be read as a session list: parsing plex sessions: decoding xml"},
		{"truncated json", fake.Status(http.StatusOK, "application/json", truncatedJSON), token,
			mediaserver.ReasonServerError, "decoding json"},
		{"json without container", fake.Status(http.StatusOK, "application/json", []byte(`{"status":"ok"}`)), token,
			mediaserver.ReasonServerError, "no MediaContainer"},
		{"other xml", fake.Status(http.StatusOK, "text/xml", []byte(`<Response><Error/></Response>`)), token,
			mediaserver.ReasonServerError, "decoding xml"},
		{"empty body", fake.Status(http.StatusOK, "text/xml", nil), token, mediaserver.ReasonServerError, "empty body"},
		{"50 MiB", fake.Oversized{Size: 50 << 20}, token, mediaserver.ReasonServerError, "more than 16 MiB in answer to /status/sessions"},
		{"50 MiB declared", fake.Oversized{Size: 50 << 20, Declare: true}, token, mediaserver.ReasonServerError, "more than 16 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			routes := map[string]http.Handler{"/status/sessions": tt.handler}
			srv := plexServer(t, routes)
			c, err := plex.New(mediaserver.Endpoint{Kind: model.KindPlex, URL: srv.URL, Token: tt.token}, ident, plex.Options{Timeout: 5 * time.Second})
			require.NoError(t, err)
			t.Cleanup(c.CloseIdleConnections)

			got, err := c.Sessions(context.Background())
			require.Error(t, err)
			assert.Nil(t, got)
			assertReason(t, err, tt.reason, tt.message)
			assert.True(t, strings.HasPrefix(err.Error(), "listing plex sessions: "), err.Error())
			fake.AssertNoSecret(t, err, tt.token)
		})
	}
}

func TestSessionsBodyCapStopsReading(t *testing.T) {
	var written atomic.Int64
	srv := fake.Start(t, fake.Oversized{Size: 50 << 20, Written: &written})
	_, err := newClient(t, srv.URL, plex.Options{MaxBodyBytes: 1 << 20}).Sessions(context.Background())
	assertReason(t, err, mediaserver.ReasonServerError, "more than 1 MiB")
	assert.Less(t, written.Load(), int64(50<<20), "the client must not read the whole body")
}

func TestSessionsUnreachable(t *testing.T) {
	t.Run("never answers", func(t *testing.T) {
		addr := fake.Hold(t)
		start := time.Now()
		_, err := newClient(t, "http://"+addr, plex.Options{Timeout: 200 * time.Millisecond}).Sessions(context.Background())
		assertReason(t, err, mediaserver.ReasonTimeout, "did not answer within 200ms")
		assert.Less(t, time.Since(start), 3*time.Second)
	})
	t.Run("refused", func(t *testing.T) {
		_, err := newClient(t, "http://"+fake.ClosedPort(t), plex.Options{}).Sessions(context.Background())
		assertReason(t, err, mediaserver.ReasonUnreachable, "refused")
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := newClient(t, "http://"+fake.Hold(t), plex.Options{}).Sessions(ctx)
		require.Error(t, err)
		assert.ErrorIs(t, err, context.Canceled)
	})
}

func TestNew(t *testing.T) {
	tests := []struct {
		name string
		ep   mediaserver.Endpoint
		want string
	}{
		{"bad url", mediaserver.Endpoint{URL: "plex.local:32400"}, "must start with http://"},
		{"query in url", mediaserver.Endpoint{URL: "http://plex.local:32400/?X-Plex-Token=" + token}, "must not contain a query"},
		{"bad token", mediaserver.Endpoint{URL: "http://plex.local:32400", Token: "tok en"}, "spaces"},
		{"other kind", mediaserver.Endpoint{Kind: model.KindJellyfin, URL: "http://plex.local:8096"}, `"jellyfin" server`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := plex.New(tt.ep, ident, plex.Options{})
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), tt.want)
			fake.AssertNoSecret(t, err, token)
		})
	}
	c, err := plex.New(mediaserver.Endpoint{URL: "https://plex.local:32400/"}, mediaserver.ClientIdentity{}, plex.Options{})
	require.NoError(t, err)
	assert.NotNil(t, c)
}

// assertReason checks that err wraps a *mediaserver.Error with reason and
// a message containing message.
func assertReason(t *testing.T, err error, reason mediaserver.Reason, message string) {
	t.Helper()
	require.Error(t, err)
	var e *mediaserver.Error
	require.True(t, errors.As(err, &e), "got %T: %v", err, err)
	assert.Equal(t, reason, e.Reason, e.Message)
	assert.Contains(t, e.Message, message)
}
