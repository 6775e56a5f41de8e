package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/events"
	"github.com/streamwarden/streamwarden/backend/mediaserver/probe"
	"github.com/streamwarden/streamwarden/backend/secrets"
	"github.com/streamwarden/streamwarden/backend/service"
	"github.com/streamwarden/streamwarden/backend/store"
)

const testPassword = "correct horse battery"

type harness struct {
	t     *testing.T
	api   *Server
	http  *httptest.Server
	store *store.Store
	bus   *events.Bus
}

// newHarness runs the API over a real SQLite file and a real HTTP server.
func newHarness(t *testing.T, envKey string) *harness {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "sw.db"), store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	sealed, err := secrets.NewSealed(st, make([]byte, 32), store.ErrNotFound)
	require.NoError(t, err)
	bus := events.NewBus()
	log := slog.New(slog.DiscardHandler)
	set := service.NewSet()
	set.Wire(ctx, service.Deps{Store: st, Secrets: sealed, Bus: bus, Log: log,
		Prober: probe.New(probe.Options{}), Info: service.SystemInfo{Mode: "server"}})
	assets := fstest.MapFS{
		"index.html":         {Data: []byte(`<!doctype html><div id="app"></div>`)},
		"assets/app-1a2b.js": {Data: []byte(`console.log(1)`)},
	}
	api, err := New(Config{Services: set.Bound(), Auth: st, Health: st, Bus: bus, Assets: assets,
		Log: log, Version: "test", EnvAPIKey: envKey, Uploads: testUploads(), ImageOrigin: func() string { return "https://*.tiles.example" }})
	require.NoError(t, err)
	srv := httptest.NewServer(api)
	t.Cleanup(func() { api.CloseStreams(); srv.Close() })
	return &harness{t: t, api: api, http: srv, store: st, bus: bus}
}

// client returns an HTTP client with its own cookie jar.
func (h *harness) client() *http.Client {
	jar, err := cookiejar.New(nil)
	require.NoError(h.t, err)
	return &http.Client{Jar: jar}
}

func (h *harness) post(c *http.Client, path string, body string, headers ...string) (*http.Response, string) {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.http.URL+path, strings.NewReader(body))
	require.NoError(h.t, err)
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := c.Do(req)
	require.NoError(h.t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(h.t, err)
	return resp, string(data)
}

func (h *harness) get(c *http.Client, path string) (*http.Response, string) {
	h.t.Helper()
	resp, err := c.Get(h.http.URL + path)
	require.NoError(h.t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(h.t, err)
	return resp, string(data)
}

// loggedIn creates the admin and returns a client holding its session.
func (h *harness) loggedIn() *http.Client {
	c := h.client()
	resp, body := h.post(c, "/api/auth/setup", `{"username":"admin","password":"`+testPassword+`"}`)
	require.Equal(h.t, http.StatusOK, resp.StatusCode, body)
	return c
}

func TestEveryMethodNeedsAuthentication(t *testing.T) {
	h := newHarness(t, "")
	names := h.api.Methods()
	require.Contains(t, names, "Servers.List")
	require.Contains(t, names, "APIKeys.Create")
	anon := h.client()
	for _, name := range names {
		svc, method, _ := strings.Cut(name, ".")
		resp, _ := h.post(anon, "/api/"+svc+"/"+method, `[]`)
		assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, name)
	}
	resp, _ := h.get(anon, "/api/events")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	resp, _ = h.get(anon, "/api/anything/else")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "unknown API paths do not reveal themselves")

	resp, body := h.get(anon, "/api/health")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.JSONEq(t, `{"status":"ok","version":"test"}`, body)
}

func TestCallsThroughTheGenericHandler(t *testing.T) {
	h := newHarness(t, "")
	c := h.loggedIn()

	resp, body := h.post(c, "/api/Servers/List", `[]`)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.JSONEq(t, `[]`, body)

	resp, body = h.post(c, "/api/Servers/Add", `[{"kind":"emby","name":"E","url":"http://e:8096","token":"secret-token","enabled":true}]`)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	var view service.ServerView
	require.NoError(t, json.Unmarshal([]byte(body), &view))
	assert.Equal(t, "E", view.Name)
	assert.NotContains(t, body, "secret-token", "no method returns a token")

	resp, body = h.post(c, "/api/Servers/SetEnabled", `[`+jsonInt(view.ID)+`, false]`)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Contains(t, body, `"enabled":false`)

	resp, body = h.post(c, "/api/Servers/Remove", `[`+jsonInt(view.ID)+`]`)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Equal(t, "null\n", body)
}

func jsonInt(v int64) string { b, _ := json.Marshal(v); return string(b) }

func TestBadCallsGetClearErrors(t *testing.T) {
	h := newHarness(t, "")
	c := h.loggedIn()
	tests := []struct {
		name, path, body string
		status           int
		contains         string
	}{
		{"invalid JSON", "/api/Servers/Add", `[{"kind":`, http.StatusBadRequest, "JSON array"},
		{"object instead of array", "/api/Servers/List", `{}`, http.StatusBadRequest, "JSON array"},
		{"wrong argument count", "/api/Servers/Remove", `[]`, http.StatusBadRequest, "takes 1 argument"},
		{"wrong argument type", "/api/Servers/Remove", `["seven"]`, http.StatusBadRequest, "Argument 1"},
		{"unknown method", "/api/Servers/Explode", `[]`, http.StatusNotFound, "no API method"},
		{"unknown service", "/api/Nope/List", `[]`, http.StatusNotFound, "no API method"},
		{"validation error", "/api/Servers/Add", `[{"kind":"kodi"}]`, http.StatusBadRequest, "Plex, Jellyfin or Emby"},
		{"missing row", "/api/Servers/Test", `[424242]`, http.StatusNotFound, "does not exist"},
		{"oversized body", "/api/Servers/List", "[" + strings.Repeat(" ", 2<<20) + "]", http.StatusRequestEntityTooLarge, "larger than the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := h.post(c, tt.path, tt.body)
			assert.Equal(t, tt.status, resp.StatusCode, body)
			var e errorBody
			require.NoError(t, json.Unmarshal([]byte(body), &e), body)
			assert.Contains(t, e.Error, tt.contains)
		})
	}
	resp, _ := h.post(c, "/api/Servers/List", `[]`)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "the API keeps working after bad calls")
}

func TestCrossOriginCallsAreRefused(t *testing.T) {
	h := newHarness(t, "")
	c := h.loggedIn()
	resp, _ := h.post(c, "/api/Servers/List", `[]`, "Origin", "https://evil.example")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	resp, _ = h.post(c, "/api/Servers/List", `[]`, "Origin", h.http.URL)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestAPIKeys(t *testing.T) {
	h := newHarness(t, "sw_from_environment_0123456789abcdef")
	c := h.loggedIn()
	resp, body := h.post(c, "/api/APIKeys/Create", `["script"]`)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	var created service.CreatedAPIKey
	require.NoError(t, json.Unmarshal([]byte(body), &created))

	anon := h.client()
	resp, _ = h.post(anon, "/api/Servers/List", `[]`, "X-Api-Key", created.Secret)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	resp, _ = h.post(anon, "/api/Servers/List", `[]`, "Authorization", "Bearer "+created.Secret)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	resp, _ = h.post(anon, "/api/Servers/List", `[]`, "X-Api-Key", "sw_from_environment_0123456789abcdef")
	assert.Equal(t, http.StatusOK, resp.StatusCode, "STREAMWARDEN_API_KEY is accepted")
	resp, _ = h.post(anon, "/api/Servers/List", `[]`, "X-Api-Key", "sw_wrong")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)

	resp, _ = h.post(c, "/api/APIKeys/Revoke", `[`+jsonInt(created.Key.ID)+`]`)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	resp, _ = h.post(anon, "/api/Servers/List", `[]`, "X-Api-Key", created.Secret)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "a revoked key is refused")
}

func TestSPAServesAssetsAndDeepLinks(t *testing.T) {
	h := newHarness(t, "")
	c := h.client()
	resp, body := h.get(c, "/")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, body, `<div id="app">`)
	assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "default-src 'self'")

	resp, _ = h.get(c, "/assets/app-1a2b.js")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, resp.Header.Get("Cache-Control"), "immutable")

	resp, body = h.get(c, "/settings/servers")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, body, `<div id="app">`)

	resp, _ = h.get(c, "/../../etc/passwd")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestEventsStreamDeliversAndEndsOnShutdown(t *testing.T) {
	h := newHarness(t, "")
	c := h.loggedIn()
	resp, err := c.Get(h.http.URL + "/api/events")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))

	buf := make([]byte, 4096)
	var got bytes.Buffer
	for !strings.Contains(got.String(), ": connected") {
		n, err := resp.Body.Read(buf)
		require.NoError(t, err)
		got.Write(buf[:n])
	}
	h.bus.Publish(events.ServersChanged, 7)
	for !strings.Contains(got.String(), "\n\n") || !strings.Contains(got.String(), "data: ") {
		n, err := resp.Body.Read(buf)
		require.NoError(t, err)
		got.Write(buf[:n])
	}
	assert.Contains(t, got.String(), `data: {"name":"servers:changed","args":[7]}`)

	h.api.CloseStreams()
	_, err = io.ReadAll(resp.Body)
	require.NoError(t, err, "the stream ends cleanly when the server shuts down")
}

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	require.NoError(t, err)
	return u
}
