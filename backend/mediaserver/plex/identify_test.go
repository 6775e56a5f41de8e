package plex_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
	"github.com/streamwarden/streamwarden/backend/model"
)

const token = "plex-T0KEN-xyzzy"

var ident = mediaserver.ClientIdentity{
	ID:         "install-42",
	Product:    "Streamwarden",
	Version:    "1.2.3",
	Platform:   "Linux",
	DeviceName: "Streamwarden test",
}

func identifyAt(t *testing.T, url, tok string) (model.ServerIdentity, error) {
	t.Helper()
	client := mediaserver.NewHTTPClient(true, 2*time.Second)
	t.Cleanup(client.CloseIdleConnections)
	ep := mediaserver.Endpoint{Kind: model.KindPlex, URL: url, Token: tok, VerifyTLS: true}
	return plex.Identify(context.Background(), client, ep, ident)
}

func TestIdentify(t *testing.T) {
	want := model.ServerIdentity{
		Kind:      model.KindPlex,
		Name:      "Basement Plex",
		Version:   "1.41.3.9314-a0bfb8370",
		MachineID: machineID,
		Product:   "Plex Media Server",
	}
	tests := []struct {
		name   string
		server fake.Plex
		path   string
	}{
		{"json", fake.Plex{Token: token}, ""},
		{"xml only", fake.Plex{Token: token, XMLOnly: true}, ""},
		{"behind a path prefix", fake.Plex{Token: token}, "/plex"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h http.Handler = tt.server
			if tt.path != "" {
				h = http.StripPrefix(tt.path, h)
			}
			srv := fake.Start(t, h)

			got, err := identifyAt(t, srv.URL+tt.path+"/", token)
			require.NoError(t, err)
			assert.Equal(t, want, got)

			assert.Equal(t, []string{tt.path + "/identity", tt.path + "/"}, srv.Paths())
			for _, r := range srv.Requests() {
				assert.Equal(t, "application/json", r.Header.Get("Accept"))
				assert.Equal(t, "install-42", r.Header.Get("X-Plex-Client-Identifier"))
				assert.Equal(t, "Streamwarden", r.Header.Get("X-Plex-Product"))
				assert.Equal(t, "1.2.3", r.Header.Get("X-Plex-Version"))
				assert.Equal(t, "Linux", r.Header.Get("X-Plex-Platform"))
				assert.Equal(t, "Streamwarden test", r.Header.Get("X-Plex-Device-Name"))
				assert.Empty(t, r.Query, "the token never travels in the URL")
			}
			reqs := srv.Requests()
			assert.Empty(t, reqs[0].Header.Get("X-Plex-Token"), "/identity needs no token")
			assert.Equal(t, token, reqs[1].Header.Get("X-Plex-Token"))
		})
	}
}

func TestIdentifyFailures(t *testing.T) {
	mux := func(identity, root http.Handler) http.Handler {
		m := http.NewServeMux()
		m.Handle("/identity", identity)
		m.Handle("/", root)
		return m
	}
	identityOK := fake.Status(http.StatusOK, "text/xml", fake.Fixture("plex_identity.xml"))
	tests := []struct {
		name    string
		handler http.Handler
		token   string
		reason  mediaserver.Reason
		message string
	}{
		{"bad token", fake.Plex{Token: "the-right-one"}, token, mediaserver.ReasonUnauthorized,
			"The server rejected the token (HTTP 401). Check the token"},
		{"no token", fake.Plex{Token: "the-right-one"}, "", mediaserver.ReasonUnauthorized, "requires a token"},
		{"forbidden", mux(identityOK, fake.Status(http.StatusForbidden, "", nil)), token, mediaserver.ReasonUnauthorized, "HTTP 403"},
		{"html page", fake.Status(http.StatusOK, "text/html", fake.Fixture("router_login.html")), token,
			mediaserver.ReasonNotMediaServer, "answered /identity, but not like a Plex Media Server"},
		{"json of another service", fake.Status(http.StatusOK, "application/json", fake.Fixture("other_service.json")), token,
			mediaserver.ReasonNotMediaServer, "not like a Plex Media Server"},
		{"404 everywhere", http.NotFoundHandler(), token, mediaserver.ReasonNotMediaServer, "(HTTP 404)"},
		{"jellyfin", fake.Jellyfin{Token: token}, token, mediaserver.ReasonNotMediaServer, "not like a Plex Media Server"},
		{"500 at identity", fake.Status(http.StatusInternalServerError, "", nil), token, mediaserver.ReasonServerError, "HTTP 500"},
		{"503 at root", mux(identityOK, fake.Status(http.StatusServiceUnavailable, "", nil)), token,
			mediaserver.ReasonServerError, "answered / with an error (HTTP 503 Service Unavailable)"},
		{"html at root", mux(identityOK, fake.Status(http.StatusOK, "text/html", fake.Fixture("router_login.html"))), token,
			mediaserver.ReasonNotMediaServer, "answered /, but not like a Plex Media Server"},
		{"oversized identity", fake.Oversized{Size: 50 << 20}, token, mediaserver.ReasonNotMediaServer, "more than 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fake.Start(t, tt.handler)
			_, err := identifyAt(t, srv.URL, tt.token)
			var e *mediaserver.Error
			require.True(t, errors.As(err, &e), "got %v", err)
			assert.Equal(t, tt.reason, e.Reason)
			assert.Contains(t, e.Message, tt.message)
			fake.AssertNoSecret(t, err, token)
		})
	}
}

func TestIdentifyRejectsBadInput(t *testing.T) {
	_, err := identifyAt(t, "ftp://plex", token)
	var e *mediaserver.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, mediaserver.ReasonInvalidURL, e.Reason)

	_, err = identifyAt(t, "http://127.0.0.1:1", "tok\nen")
	require.True(t, errors.As(err, &e))
	assert.Equal(t, mediaserver.ReasonUnauthorized, e.Reason)
}

func TestHeader(t *testing.T) {
	h := plex.Header(mediaserver.ClientIdentity{}, "")
	assert.Equal(t, "Streamwarden", h.Get("X-Plex-Product"))
	assert.NotEmpty(t, h.Get("X-Plex-Client-Identifier"))
	assert.Empty(t, h.Values("X-Plex-Token"))
	assert.Equal(t, "t", plex.Header(ident, "t").Get("X-Plex-Token"))
}
