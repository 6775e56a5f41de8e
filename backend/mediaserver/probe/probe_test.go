package probe_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/mediaserver/probe"
	"github.com/streamwarden/streamwarden/backend/model"
)

const token = "Sup3r-S3cret-T0ken"

// kindCase is one media server kind: its fake, and what identifying it gives.
type kindCase struct {
	kind   model.ServerKind
	server func(token string) http.Handler
	want   model.ServerIdentity
}

func kindCases() map[string]kindCase {
	return map[string]kindCase{
		"plex": {
			kind:   model.KindPlex,
			server: func(tok string) http.Handler { return fake.Plex{Token: tok} },
			want: model.ServerIdentity{Kind: model.KindPlex, Name: "Basement Plex", Version: "1.41.3.9314-a0bfb8370",
				MachineID: "5d8f3a1c9b7e4f2a6c0d1e3b5a7f9c2e4d6b8a10", Product: "Plex Media Server"},
		},
		"jellyfin": {
			kind:   model.KindJellyfin,
			server: func(tok string) http.Handler { return fake.Jellyfin{Token: tok} },
			want: model.ServerIdentity{Kind: model.KindJellyfin, Name: "Attic Jellyfin", Version: "12.0.0",
				MachineID: "a744119f757f88858f95aab1628708c4", Product: "Jellyfin Server"},
		},
		"emby": {
			kind:   model.KindEmby,
			server: func(tok string) http.Handler { return fake.Emby{Token: tok} },
			want: model.ServerIdentity{Kind: model.KindEmby, Name: "Garage Emby", Version: "4.8.10.0",
				MachineID: "3f1c2b7a9e8d4c6b5a0f1e2d3c4b5a69", Product: "Emby Server"},
		},
	}
}

func newProber(timeout time.Duration) *probe.Prober {
	return probe.New(probe.Options{Timeout: timeout, ClientID: "install-42", Version: "1.2.3"})
}

// requireReason asserts err is a *mediaserver.Error with reason and a
// message containing each part, and that the token appears nowhere.
func requireReason(t *testing.T, err error, reason mediaserver.Reason, parts ...string) *mediaserver.Error {
	t.Helper()
	var e *mediaserver.Error
	require.True(t, errors.As(err, &e), "want *mediaserver.Error, got %#v", err)
	assert.Equal(t, reason, e.Reason, e.Message)
	for _, part := range parts {
		assert.Contains(t, e.Message, part)
	}
	fake.AssertNoSecret(t, err, token)
	return e
}

func TestIdentify(t *testing.T) {
	for name, kc := range kindCases() {
		t.Run(name, func(t *testing.T) {
			srv := fake.Start(t, kc.server(token))
			got, err := newProber(2*time.Second).Identify(context.Background(), mediaserver.Endpoint{
				Kind: kc.kind, URL: " " + srv.URL + "/ ", Token: token + "\n", VerifyTLS: true,
			})
			require.NoError(t, err)
			assert.Equal(t, kc.want, got)
		})
	}
}

func TestIdentifyVariants(t *testing.T) {
	tests := []struct {
		name    string
		kind    model.ServerKind
		handler http.Handler
		path    string
	}{
		{"plex xml only", model.KindPlex, fake.Plex{Token: token, XMLOnly: true}, ""},
		{"emby only below /emby", model.KindEmby, fake.Emby{Token: token, OnlyPrefixed: true}, ""},
		{"emby configured with /emby", model.KindEmby, fake.Emby{Token: token, OnlyPrefixed: true}, "/emby"},
		{"jellyfin behind a base path", model.KindJellyfin, http.StripPrefix("/jellyfin", fake.Jellyfin{Token: token}), "/jellyfin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fake.Start(t, tt.handler)
			got, err := newProber(2*time.Second).Identify(context.Background(), mediaserver.Endpoint{
				Kind: tt.kind, URL: srv.URL + tt.path, Token: token, VerifyTLS: true,
			})
			require.NoError(t, err)
			assert.Equal(t, tt.kind, got.Kind)
			assert.NotEmpty(t, got.MachineID)
		})
	}
}

func TestIdentifyHeaders(t *testing.T) {
	cases := kindCases()
	check := map[string]func(t *testing.T, r fake.Request){
		"plex": func(t *testing.T, r fake.Request) {
			assert.Equal(t, "install-42", r.Header.Get("X-Plex-Client-Identifier"))
			assert.Equal(t, "Streamwarden", r.Header.Get("X-Plex-Product"))
			assert.Equal(t, "1.2.3", r.Header.Get("X-Plex-Version"))
			assert.NotEmpty(t, r.Header.Get("X-Plex-Platform"))
			assert.Equal(t, "Streamwarden", r.Header.Get("X-Plex-Device-Name"))
			if r.Path == "/" {
				assert.Equal(t, token, r.Header.Get("X-Plex-Token"))
			}
		},
		"jellyfin": func(t *testing.T, r fake.Request) {
			auth := r.Header.Get("Authorization")
			assert.True(t, strings.HasPrefix(auth, `MediaBrowser Client="Streamwarden", `), auth)
			assert.Contains(t, auth, `DeviceId="install-42"`)
			assert.Contains(t, auth, `Version="1.2.3"`)
			assert.Contains(t, auth, `Token="`+token+`"`)
			assert.Empty(t, r.Header.Values("X-Emby-Token"))
		},
		"emby": func(t *testing.T, r fake.Request) {
			assert.Equal(t, token, r.Header.Get("X-Emby-Token"))
			assert.Contains(t, r.Header.Get("X-Emby-Authorization"), `DeviceId="install-42"`)
		},
	}
	for name, kc := range cases {
		t.Run(name, func(t *testing.T) {
			srv := fake.Start(t, kc.server(token))
			_, err := newProber(2*time.Second).Identify(context.Background(), mediaserver.Endpoint{Kind: kc.kind, URL: srv.URL, Token: token})
			require.NoError(t, err)
			require.NotEmpty(t, srv.Requests())
			for _, r := range srv.Requests() {
				check[name](t, r)
				assert.NotContains(t, r.Query, token, "the token never travels in the URL")
			}
		})
	}
}

func TestIdentifyTLS(t *testing.T) {
	for name, kc := range kindCases() {
		t.Run(name, func(t *testing.T) {
			srv := fake.StartTLS(t, kc.server(token))
			p := newProber(2 * time.Second)
			ep := mediaserver.Endpoint{Kind: kc.kind, URL: srv.URL, Token: token, VerifyTLS: true}

			_, err := p.Identify(context.Background(), ep)
			requireReason(t, err, mediaserver.ReasonTLS, "TLS certificate not trusted: x509:", "Turn off 'Verify TLS' only if you trust this network.")

			ep.VerifyTLS = false
			got, err := p.Identify(context.Background(), ep)
			require.NoError(t, err)
			assert.Equal(t, kc.want, got)
		})
	}
}

func TestIdentifyHTTPSToPlainServer(t *testing.T) {
	srv := fake.Start(t, fake.Plex{Token: token})
	url := strings.Replace(srv.URL, "http://", "https://", 1)
	_, err := newProber(2*time.Second).Identify(context.Background(), mediaserver.Endpoint{Kind: model.KindPlex, URL: url, Token: token})
	requireReason(t, err, mediaserver.ReasonTLS, "use an http:// address")
}
