// Package fake serves HTTP the way Plex, Jellyfin and Emby answer the
// identification requests, plus misbehaving servers, for the mediaserver
// tests. It records every request so tests can check the headers sent.
package fake

import (
	"embed"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"path"
	"sync"
	"testing"
)

//go:embed testdata/*
var fixtures embed.FS

// Fixture returns the named file from testdata; it panics on a typo.
func Fixture(name string) []byte {
	b, err := fixtures.ReadFile(path.Join("testdata", name))
	if err != nil {
		panic(err)
	}
	return b
}

// Request is what a fake server received.
type Request struct {
	Method string
	Path   string
	Query  string
	Header http.Header
}

// Server is an httptest server that records requests.
type Server struct {
	*httptest.Server

	mu       sync.Mutex
	requests []Request
}

// Start serves h over HTTP until the test ends.
func Start(t testing.TB, h http.Handler) *Server {
	t.Helper()
	s := &Server{}
	s.Server = httptest.NewServer(s.record(h))
	t.Cleanup(s.Close)
	return s
}

// StartTLS serves h over HTTPS with a self-signed certificate until the test ends.
func StartTLS(t testing.TB, h http.Handler) *Server {
	t.Helper()
	s := &Server{}
	s.Server = httptest.NewUnstartedServer(s.record(h))
	// Handshakes that fail on purpose would otherwise be logged to stderr.
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	t.Cleanup(s.Close)
	return s
}

// Requests returns a copy of the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Paths returns the paths requested so far, in order.
func (s *Server) Paths() []string {
	var paths []string
	for _, r := range s.Requests() {
		paths = append(paths, r.Path)
	}
	return paths
}

func (s *Server) record(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, Request{
			Method: r.Method,
			Path:   r.URL.Path,
			Query:  r.URL.RawQuery,
			Header: r.Header.Clone(),
		})
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// Status answers every request with code, contentType and body.
func Status(code int, contentType string, body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(code)
		_, _ = w.Write(body)
	})
}
