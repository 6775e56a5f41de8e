//go:build headless

package app

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// startServer runs serve on a loopback port and returns its URL and a stop
// function that cancels it like SIGTERM and waits for it to return.
func startServer(t *testing.T, vars map[string]string, extraArgs ...string) (string, func() error) {
	t.Helper()
	cfg, err := parseServerConfig(append([]string{"--data", vars["DATA"]}, extraArgs...), env(vars))
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	dist := fstest.MapFS{"index.html": {Data: []byte(`<div id="app"></div>`)}}
	go func() { done <- serve(ctx, cfg, dist, ln, slog.New(slog.DiscardHandler)) }()
	url := "http://" + ln.Addr().String()
	require.Eventually(t, func() bool {
		resp, err := http.Get(url + "/api/health")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}, time.Minute, 20*time.Millisecond)
	return url, func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(15 * time.Second):
			return context.DeadlineExceeded
		}
	}
}

func call(t *testing.T, url, path, body string, headers ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

func TestServerRestartKeepsSecretsAndStopsCleanly(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	data := t.TempDir()
	vars := map[string]string{
		"DATA":                 data,
		"STREAMWARDEN_API_KEY": "sw_test_key_0123456789abcdefghij",
		"PLEX_URL":             "http://127.0.0.1:1",
		"PLEX_TOKEN":           "plex-env-token",
	}
	url, stop := startServer(t, vars)

	status, body := call(t, url, "/api/Servers/List", `[]`)
	assert.Equal(t, http.StatusUnauthorized, status)
	status, body = call(t, url, "/api/Servers/List", `[]`, "X-Api-Key", vars["STREAMWARDEN_API_KEY"])
	require.Equal(t, http.StatusOK, status, body)
	assert.Contains(t, body, `"source":"environment"`)
	status, body = call(t, url, "/api/Servers/Add", `[{"kind":"jellyfin","name":"JF","url":"http://127.0.0.1:2","token":"jf-secret","enabled":true}]`,
		"X-Api-Key", vars["STREAMWARDEN_API_KEY"])
	require.Equal(t, http.StatusOK, status, body)

	keyFile := filepath.Join(data, "encryption.key")
	info, err := os.Stat(keyFile)
	require.NoError(t, err, "without STREAMWARDEN_ENCRYPTION_KEY a key file is generated")
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	require.NoError(t, stop(), "SIGTERM-style shutdown returns cleanly")

	raw, err := os.ReadFile(filepath.Join(data, databaseFile))
	require.NoError(t, err)
	assert.NotContains(t, string(raw), "jf-secret", "tokens are not stored in plain text")
	assert.NotContains(t, string(raw), "plex-env-token")

	url, stop = startServer(t, vars)
	status, body = call(t, url, "/api/Servers/List", `[]`, "X-Api-Key", vars["STREAMWARDEN_API_KEY"])
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, 2, strings.Count(body, `"hasToken":true`), "both servers and their tokens survive a restart")
	require.NoError(t, stop())
}

func TestServerRefusesAnotherEncryptionKey(t *testing.T) {
	data := t.TempDir()
	vars := map[string]string{"DATA": data, "STREAMWARDEN_ENCRYPTION_KEY": strings.Repeat("ab", 32)}
	_, stop := startServer(t, vars)
	require.NoError(t, stop())

	vars["STREAMWARDEN_ENCRYPTION_KEY"] = strings.Repeat("cd", 32)
	cfg, err := parseServerConfig([]string{"--data", data}, env(vars))
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	err = serve(context.Background(), cfg, fstest.MapFS{}, ln, slog.New(slog.DiscardHandler))
	require.ErrorContains(t, err, "STREAMWARDEN_ENCRYPTION_KEY")
}

func TestHealthcheckCommand(t *testing.T) {
	data := t.TempDir()
	url, stop := startServer(t, map[string]string{"DATA": data})
	defer func() { require.NoError(t, stop()) }()
	addr := strings.TrimPrefix(url, "http://")
	devnull, err := os.Open(os.DevNull)
	require.NoError(t, err)
	defer devnull.Close()
	assert.Equal(t, 0, healthcheck([]string{"--listen", addr}, env(nil), devnull))
	assert.Equal(t, 1, healthcheck([]string{"--listen", "127.0.0.1:1"}, env(nil), devnull))
}

func TestDemoShowsLiveActivityAndHistory(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	data := t.TempDir()
	key := "sw_demo_key_0123456789abcdefghijkl"
	url, stop := startServer(t, map[string]string{"DATA": data, "STREAMWARDEN_API_KEY": key}, "--demo")
	require.Eventually(t, func() bool {
		status, body := call(t, url, "/api/Activity/Current", `[]`, "X-Api-Key", key)
		return status == http.StatusOK && strings.Count(body, `"sessionKey"`) >= 3 && strings.Count(body, `"connection":"realtime"`) == 3
	}, 20*time.Second, 100*time.Millisecond, "three demo servers stream live")
	status, body := call(t, url, "/api/History/Search", `[{"pageSize":5}]`, "X-Api-Key", key)
	require.Equal(t, http.StatusOK, status, body)
	assert.Contains(t, body, `"totalCapped":false`)
	assert.NotContains(t, body, `"total":0`)

	// The demo's own GeoIP databases place live streams and the history.
	require.Eventually(t, func() bool {
		_, body := call(t, url, "/api/Activity/Current", `[]`, "X-Api-Key", key)
		return strings.Contains(body, `"hasCoordinates":true`) && strings.Contains(body, `Demo Broadband`)
	}, 20*time.Second, 100*time.Millisecond, "live streams are located")
	require.Eventually(t, func() bool {
		_, body := call(t, url, "/api/Geo/Map", `[{}]`, "X-Api-Key", key)
		return strings.Contains(body, `"databaseLoaded":true`) && strings.Contains(body, `"countryCode":"`) &&
			strings.Contains(body, `"latitude":`)
	}, 20*time.Second, 100*time.Millisecond, "the seeded history is on the map")
	status, body = call(t, url, "/api/Geo/Status", `[]`, "X-Api-Key", key)
	require.Equal(t, http.StatusOK, status, body)
	assert.Contains(t, body, `"databaseType":"GeoLite2-City"`)
	require.NoError(t, stop())
	_, err := os.Stat(filepath.Join(data, "demo", databaseFile))
	require.NoError(t, err, "the demo keeps its data apart")
}
