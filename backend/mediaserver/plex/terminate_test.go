package plex_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
)

const noFeature = `<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1>` +
	`<p>Server does not have the feature enabled</p></body></html>`

func TestTerminate(t *testing.T) {
	ok := fake.Status(http.StatusOK, "", nil)
	tests := []struct {
		name      string
		message   string
		terminate http.Handler
		root      http.Handler
		wantQuery string
		wantPaths []string
		wantErr   error
		reason    mediaserver.Reason
		text      string
	}{
		{name: "stopped with the default message", terminate: ok,
			wantQuery: "sessionId=k3x9+q%2F2%26v8&reason=The+server+owner+has+ended+the+stream.",
			wantPaths: []string{"/status/sessions/terminate"}},
		{name: "stopped with a message", message: "  Account sharing is not allowed & will be reported. ", terminate: ok,
			wantQuery: "sessionId=k3x9+q%2F2%26v8&reason=Account+sharing+is+not+allowed+%26+will+be+reported.",
			wantPaths: []string{"/status/sessions/terminate"}},
		{name: "no plex pass", terminate: fake.Status(http.StatusUnauthorized, "text/html", []byte(noFeature)),
			wantPaths: []string{"/status/sessions/terminate"},
			wantErr:   plex.ErrPlexPassRequired, reason: mediaserver.ReasonServerError, text: "Stopping streams needs Plex Pass on this server."},
		{name: "bare 401 while the token works", terminate: fake.Status(http.StatusUnauthorized, "", nil), root: ok,
			wantPaths: []string{"/status/sessions/terminate", "/"},
			wantErr:   plex.ErrPlexPassRequired, reason: mediaserver.ReasonServerError, text: "needs Plex Pass"},
		{name: "bare 401 and the token is rejected", terminate: fake.Status(http.StatusUnauthorized, "", nil),
			root:      fake.Status(http.StatusUnauthorized, "", nil),
			wantPaths: []string{"/status/sessions/terminate", "/"},
			reason:    mediaserver.ReasonUnauthorized, text: "rejected the token"},
		{name: "session gone", terminate: fake.Status(http.StatusNotFound, "", nil),
			wantPaths: []string{"/status/sessions/terminate"},
			wantErr:   plex.ErrSessionNotFound, reason: mediaserver.ReasonServerError, text: "no longer exists"},
		{name: "server error", terminate: fake.Status(http.StatusInternalServerError, "", nil),
			wantPaths: []string{"/status/sessions/terminate"},
			reason:    mediaserver.ReasonServerError, text: "HTTP 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			routes := map[string]http.Handler{"/status/sessions/terminate": tt.terminate}
			if tt.root != nil {
				routes["/"] = tt.root
			}
			srv := plexServer(t, routes)
			err := newClient(t, srv.URL, plex.Options{}).Terminate(context.Background(), "k3x9 q/2&v8", tt.message)

			assert.Equal(t, tt.wantPaths, srv.Paths())
			if tt.wantQuery != "" {
				reqs := srv.Requests()
				assert.Equal(t, tt.wantQuery, reqs[0].Query)
				assert.Equal(t, http.MethodGet, reqs[0].Method)
				assert.Equal(t, token, reqs[0].Header.Get("X-Plex-Token"))
			}
			if tt.reason == "" {
				require.NoError(t, err)
				return
			}
			assertReason(t, err, tt.reason, tt.text)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			fake.AssertNoSecret(t, err, token)
		})
	}
}

func TestTerminateNeedsSessionID(t *testing.T) {
	srv := plexServer(t, nil)
	err := newClient(t, srv.URL, plex.Options{}).Terminate(context.Background(), "  ", "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "session id")
	assert.Empty(t, srv.Requests(), "nothing is sent without a session id")
}
