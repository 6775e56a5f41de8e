package plex_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
	"github.com/streamwarden/streamwarden/backend/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixture reads a file from this package's testdata.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// contentType is what Plex declares for a fixture's format.
func contentType(name string) string {
	if filepath.Ext(name) == ".json" {
		return "application/json"
	}
	return "text/xml;charset=utf-8"
}

// newClient returns a client for url with the test token.
func newClient(t testing.TB, url string, opts plex.Options) *plex.Client {
	t.Helper()
	if opts.Timeout == 0 {
		opts.Timeout = 2 * time.Second
	}
	c, err := plex.New(mediaserver.Endpoint{Kind: model.KindPlex, URL: url, Token: token, VerifyTLS: true}, ident, opts)
	require.NoError(t, err)
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// plexServer answers like Plex: the token is required everywhere, and
// routes maps a path to its answer; other paths are not found.
func plexServer(t testing.TB, routes map[string]http.Handler) *fake.Server {
	t.Helper()
	return fake.Start(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Plex-Token") != token {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte("<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>"))
			return
		}
		h := routes[r.URL.Path]
		if h == nil {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	}))
}

// serveFixture answers with a testdata file in its format.
func serveFixture(t testing.TB, name string) http.Handler {
	return fake.Status(http.StatusOK, contentType(name), fixture(t, name))
}

// golden compares got, as indented JSON, with testdata/golden/name, or
// rewrites that file when the test runs with -update.
func golden(t *testing.T, name string, got any) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	require.NoError(t, err)
	b = append(b, '\n')
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, b, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run the test with -update to create the golden file")
	if !bytes.Equal(want, b) {
		require.JSONEq(t, string(want), string(b), "golden file %s differs", path)
	}
}
