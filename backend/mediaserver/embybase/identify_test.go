package embybase_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/model"
)

const apiKey = "0123456789abcdef0123456789abcdef"

var ident = mediaserver.ClientIdentity{ID: "install-42", Product: "Streamwarden", Version: "1.2.3", DeviceName: "Streamwarden"}

func identifyAt(t *testing.T, f embybase.Flavor, url, key string) (model.ServerIdentity, error) {
	t.Helper()
	client := mediaserver.NewHTTPClient(true, 2*time.Second)
	t.Cleanup(client.CloseIdleConnections)
	ep := mediaserver.Endpoint{Kind: f.Kind(), URL: url, Token: key, VerifyTLS: true}
	return embybase.Identify(context.Background(), client, f, ep, ident)
}

// flavorCase holds what differs between Jellyfin and Emby in the shared tables.
type flavorCase struct {
	flavor   embybase.Flavor
	server   func(token string) http.Handler
	want     model.ServerIdentity
	other    []byte // system info of the other kind
	otherMsg string
	auth     func(t *testing.T, h http.Header)
}

func flavorCases() map[string]flavorCase {
	return map[string]flavorCase{
		"jellyfin": {
			flavor: embybase.Jellyfin,
			server: func(token string) http.Handler { return fake.Jellyfin{Token: token} },
			want: model.ServerIdentity{Kind: model.KindJellyfin, Name: "Attic Jellyfin", Version: "12.0.0",
				MachineID: "a744119f757f88858f95aab1628708c4", Product: "Jellyfin Server"},
			other:    fake.Fixture("emby_system_info.json"),
			otherMsg: "This is an Emby server, not a Jellyfin server. Change the server type to Emby.",
			auth: func(t *testing.T, h http.Header) {
				assert.Equal(t, `MediaBrowser Client="Streamwarden", Device="Streamwarden", DeviceId="install-42", Version="1.2.3", Token="`+apiKey+`"`,
					h.Get("Authorization"))
				assert.Empty(t, h.Values("X-Emby-Token"))
			},
		},
		"emby": {
			flavor: embybase.Emby,
			server: func(token string) http.Handler { return fake.Emby{Token: token} },
			want: model.ServerIdentity{Kind: model.KindEmby, Name: "Garage Emby", Version: "4.8.10.0",
				MachineID: "3f1c2b7a9e8d4c6b5a0f1e2d3c4b5a69", Product: "Emby Server"},
			other:    fake.Fixture("jellyfin_system_info.json"),
			otherMsg: "This is a Jellyfin server, not an Emby server. Change the server type to Jellyfin.",
			auth: func(t *testing.T, h http.Header) {
				assert.Equal(t, apiKey, h.Get("X-Emby-Token"))
				assert.Contains(t, h.Get("X-Emby-Authorization"), `DeviceId="install-42"`)
			},
		},
	}
}

func TestIdentify(t *testing.T) {
	for name, fc := range flavorCases() {
		t.Run(name, func(t *testing.T) {
			srv := fake.Start(t, fc.server(apiKey))
			got, err := identifyAt(t, fc.flavor, srv.URL, apiKey)
			require.NoError(t, err)
			assert.Equal(t, fc.want, got)
			require.Equal(t, []string{"/System/Info"}, srv.Paths())
			fc.auth(t, srv.Requests()[0].Header)
			assert.Empty(t, srv.Requests()[0].Query, "the key never travels in the URL")
		})
	}
}

func TestIdentifyEmbyPrefix(t *testing.T) {
	tests := []struct {
		name      string
		server    fake.Emby
		path      string
		wantPaths []string
	}{
		{"served at the root", fake.Emby{Token: apiKey}, "", []string{"/System/Info"}},
		{"only below /emby, found on 404", fake.Emby{Token: apiKey, OnlyPrefixed: true}, "", []string{"/System/Info", "/emby/System/Info"}},
		{"configured with /emby", fake.Emby{Token: apiKey, OnlyPrefixed: true}, "/emby/", []string{"/emby/System/Info"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fake.Start(t, tt.server)
			got, err := identifyAt(t, embybase.Emby, srv.URL+tt.path, apiKey)
			require.NoError(t, err)
			assert.Equal(t, flavorCases()["emby"].want, got)
			assert.Equal(t, tt.wantPaths, srv.Paths())
		})
	}
}

func TestIdentifyFailures(t *testing.T) {
	tests := []struct {
		name    string
		handler func(fc flavorCase) http.Handler
		key     string
		reason  mediaserver.Reason
		message string
	}{
		{"bad key", func(fc flavorCase) http.Handler { return fc.server("another-key") }, apiKey,
			mediaserver.ReasonUnauthorized, "The server rejected the API key (HTTP 401). Check the key."},
		{"no key", func(fc flavorCase) http.Handler { return fc.server("another-key") }, "",
			mediaserver.ReasonUnauthorized, "requires an API key (HTTP 401)"},
		{"forbidden", status(http.StatusForbidden, "", nil), apiKey, mediaserver.ReasonUnauthorized, "HTTP 403"},
		{"html page", status(http.StatusOK, "text/html", fake.Fixture("router_login.html")), apiKey,
			mediaserver.ReasonNotMediaServer, "answered /System/Info, but not like"},
		{"json of another service", status(http.StatusOK, "application/json", fake.Fixture("other_service.json")), apiKey,
			mediaserver.ReasonNotMediaServer, "no JSON system information with Id and Version"},
		{"plex", func(flavorCase) http.Handler {
			return fake.Status(http.StatusOK, "text/xml", fake.Fixture("plex_root.xml"))
		}, apiKey,
			mediaserver.ReasonNotMediaServer, "but not like"},
		{"404 everywhere", status(http.StatusNotFound, "", nil), apiKey, mediaserver.ReasonNotMediaServer, "(HTTP 404)"},
		{"500", status(http.StatusInternalServerError, "", nil), apiKey, mediaserver.ReasonServerError, "HTTP 500"},
		{"wrong kind", func(fc flavorCase) http.Handler { return fake.Status(http.StatusOK, "application/json", fc.other) }, apiKey,
			mediaserver.ReasonWrongKind, ""},
		{"oversized", func(flavorCase) http.Handler { return fake.Oversized{Size: 50 << 20} }, apiKey,
			mediaserver.ReasonNotMediaServer, "more than 1 MiB"},
	}
	for name, fc := range flavorCases() {
		for _, tt := range tests {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				srv := fake.Start(t, tt.handler(fc))
				_, err := identifyAt(t, fc.flavor, srv.URL, tt.key)
				var e *mediaserver.Error
				require.True(t, errors.As(err, &e), "got %v", err)
				assert.Equal(t, tt.reason, e.Reason)
				message := tt.message
				if tt.reason == mediaserver.ReasonWrongKind {
					message = fc.otherMsg
				}
				assert.Contains(t, e.Message, message)
				fake.AssertNoSecret(t, err, apiKey)
			})
		}
	}
}

func TestIdentifyEmby404TriesBothPaths(t *testing.T) {
	srv := fake.Start(t, http.NotFoundHandler())
	_, err := identifyAt(t, embybase.Emby, srv.URL, apiKey)
	require.Error(t, err)
	assert.Equal(t, []string{"/System/Info", "/emby/System/Info"}, srv.Paths())
	assert.Contains(t, err.Error(), "/emby/System/Info")
}

func TestPublicKind(t *testing.T) {
	tests := []struct {
		name    string
		handler http.Handler
		want    model.ServerKind
		ok      bool
	}{
		{"jellyfin", fake.Jellyfin{Token: apiKey}, model.KindJellyfin, true},
		{"emby", fake.Emby{Token: apiKey}, model.KindEmby, true},
		{"emby below /emby", fake.Emby{Token: apiKey, OnlyPrefixed: true}, model.KindEmby, true},
		{"plex", fake.Plex{Token: apiKey}, "", false},
		{"nothing", http.NotFoundHandler(), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fake.Start(t, tt.handler)
			base, err := mediaserver.ParseBaseURL(srv.URL)
			require.NoError(t, err)
			client := mediaserver.NewHTTPClient(true, 2*time.Second)
			defer client.CloseIdleConnections()
			got, ok := embybase.PublicKind(context.Background(), client, base)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.ok, ok)
			for _, r := range srv.Requests() {
				assert.Empty(t, r.Header.Get("Authorization"), "the public check sends no credentials")
				assert.Empty(t, r.Header.Get("X-Emby-Token"))
			}
		})
	}
}

func status(code int, contentType string, body []byte) func(flavorCase) http.Handler {
	return func(flavorCase) http.Handler { return fake.Status(code, contentType, body) }
}
