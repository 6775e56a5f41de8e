package embybase_test

import (
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
	"github.com/streamwarden/streamwarden/backend/model"
)

// liveKey is the API key the live servers accept.
const liveKey = "5ecre7a9b8c7d6e5f4a3b2c1d0e9f8a7"

// observedAt is what the clients under test stamp on sessions.
func observedAt() time.Time {
	return time.Date(2026, 3, 14, 20, 41, 7, 0, time.UTC)
}

// liveFlavors is the shared table: every test that describes behaviour
// both servers share runs once per flavor.
func liveFlavors() map[string]embybase.Flavor {
	return map[string]embybase.Flavor{"jellyfin": embybase.Jellyfin, "emby": embybase.Emby}
}

// liveRequest is a request a liveServer received.
type liveRequest struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	Body   string
}

// liveServer plays a Jellyfin or Emby server: the public system
// information for anyone, and the routes set with handle for requests that
// carry the key the way the flavor sends it. With onlyPrefixed (Emby behind
// some proxies) everything lives below /emby only.
type liveServer struct {
	*httptest.Server
	flavor       embybase.Flavor
	onlyPrefixed bool

	mu     sync.Mutex
	routes map[string]http.HandlerFunc
	reqs   []liveRequest
}

func startLive(t *testing.T, f embybase.Flavor, onlyPrefixed bool) *liveServer {
	t.Helper()
	s := newLive(f, onlyPrefixed)
	s.Start()
	t.Cleanup(s.Close)
	return s
}

// startLiveTLS serves over HTTPS with a self-signed certificate, offering
// HTTP/2 as real servers behind a proxy do.
func startLiveTLS(t *testing.T, f embybase.Flavor) *liveServer {
	t.Helper()
	s := newLive(f, false)
	s.EnableHTTP2 = true
	s.StartTLS()
	t.Cleanup(s.Close)
	return s
}

func newLive(f embybase.Flavor, onlyPrefixed bool) *liveServer {
	s := &liveServer{flavor: f, onlyPrefixed: onlyPrefixed, routes: map[string]http.HandlerFunc{}}
	s.Server = httptest.NewUnstartedServer(s)
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	return s
}

// handle sets the handler for "METHOD /path" (path without /emby).
func (s *liveServer) handle(route string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[route] = h
}

func (s *liveServer) requests() []liveRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]liveRequest(nil), s.reqs...)
}

func (s *liveServer) paths() []string {
	var out []string
	for _, r := range s.requests() {
		out = append(out, r.Method+" "+r.Path)
	}
	return out
}

func (s *liveServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	s.mu.Lock()
	s.reqs = append(s.reqs, liveRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(),
		Header: r.Header.Clone(), Body: string(body)})
	h := s.routes
	s.mu.Unlock()

	path, prefixed := r.URL.Path, false
	if rest, ok := strings.CutPrefix(path, "/emby/"); ok {
		path, prefixed = "/"+rest, true
	}
	if s.onlyPrefixed && !prefixed {
		http.NotFound(w, r)
		return
	}
	if path == "/System/Info/Public" && r.Method == http.MethodGet {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"LocalAddress":"http://10.0.0.2:8096","ServerName":"Test","Version":"10.11.2","Id":"c0ffee00c0ffee00c0ffee00c0ffee00"}`)
		return
	}
	if presentedKey(s.flavor, r) != liveKey {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, "Access token is invalid or expired.")
		return
	}
	s.mu.Lock()
	handler := h[r.Method+" "+path]
	s.mu.Unlock()
	if handler == nil {
		http.NotFound(w, r)
		return
	}
	handler(w, r)
}

// presentedKey is the key a request carries the way the flavor's server
// reads it: Jellyfin 12 only from the MediaBrowser Authorization header,
// Emby from X-Emby-Token or the api_key query parameter.
func presentedKey(f embybase.Flavor, r *http.Request) string {
	if f == embybase.Emby {
		if key := r.Header.Get("X-Emby-Token"); key != "" {
			return key
		}
		return r.URL.Query().Get("api_key")
	}
	auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "MediaBrowser ")
	if !ok {
		return ""
	}
	for _, field := range strings.Split(auth, ",") {
		key, value, _ := strings.Cut(strings.TrimSpace(field), "=")
		if key == "Token" {
			token, err := url.QueryUnescape(strings.Trim(value, `"`))
			if err != nil {
				return ""
			}
			return token
		}
	}
	return ""
}

// serveJSON returns a handler answering body as JSON.
func serveJSON(body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}
}

// newLiveClient returns a client for s with the test identity and opts
// (ObservedAt is fixed).
func newLiveClient(t *testing.T, s *liveServer, key string, opts embybase.Options) *embybase.Client {
	t.Helper()
	if opts.Now == nil {
		opts.Now = observedAt
	}
	if opts.Timeout == 0 {
		opts.Timeout = 2 * time.Second
	}
	ep := mediaserver.Endpoint{Kind: s.flavor.Kind(), URL: s.URL, Token: key, VerifyTLS: true}
	c, err := embybase.New(s.flavor, ep, ident, opts)
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// stamped returns list with ObservedAt set as the test clients set it.
func stamped(list []model.LiveSession) []model.LiveSession {
	out := make([]model.LiveSession, len(list))
	for i, s := range list {
		s.ObservedAt = observedAt()
		out[i] = s
	}
	return out
}
