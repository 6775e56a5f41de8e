package simulator

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func sessionsRequest(t *testing.T, srv *Server) (string, http.Header) {
	t.Helper()
	if srv.Kind() == model.KindPlex {
		return srv.URL() + "/status/sessions", plexHeader(srv, true)
	}
	return srv.URL() + "/Sessions", embyHeader(srv)
}

func TestFaults(t *testing.T) {
	tests := []struct {
		fault Fault
		check func(t *testing.T, resp *http.Response, err error)
	}{
		{FaultNone, func(t *testing.T, resp *http.Response, err error) {
			require.NoError(t, err)
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.True(t, json.Valid(body))
		}},
		{Fault500, func(t *testing.T, resp *http.Response, err error) {
			require.NoError(t, err)
			assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
		}},
		{FaultHang, func(t *testing.T, _ *http.Response, err error) {
			require.Error(t, err)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
		}},
		{FaultTruncated, func(t *testing.T, resp *http.Response, err error) {
			require.NoError(t, err)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			_, err = io.ReadAll(resp.Body)
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
		}},
		{FaultBadJSON, func(t *testing.T, resp *http.Response, err error) {
			require.NoError(t, err)
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Contains(t, resp.Header.Get("Content-Type"), "application/json")
			assert.False(t, json.Valid(body))
		}},
		{FaultHTML, func(t *testing.T, resp *http.Response, err error) {
			require.NoError(t, err)
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Contains(t, resp.Header.Get("Content-Type"), "text/html")
			assert.True(t, strings.HasPrefix(string(body), "<!DOCTYPE html>"))
		}},
		{FaultUnauthorized, func(t *testing.T, resp *http.Response, err error) {
			require.NoError(t, err)
			assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
		}},
	}
	for _, kind := range allKinds() {
		srv, _ := startServer(t, Config{Kind: kind})
		c := httpClient(t, srv)
		srv.Play(aliceSpec(movieItem()))
		srv.Play(aliceSpec(episodeItem(2, 3)))
		for _, tt := range tests {
			t.Run(string(kind)+"/"+tt.fault.String(), func(t *testing.T) {
				srv.SetFault(tt.fault)
				defer srv.SetFault(FaultNone)
				url, header := sessionsRequest(t, srv)
				wait := 10 * time.Second
				if tt.fault == FaultHang {
					wait = 300 * time.Millisecond
				}
				ctx, cancel := context.WithTimeout(context.Background(), wait)
				defer cancel()
				req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
				require.NoError(t, err)
				req.Header = header
				resp, err := c.Do(req)
				if resp != nil {
					defer resp.Body.Close()
				}
				tt.check(t, resp, err)
			})
		}
	}
}

func TestFaultsOnStreams(t *testing.T) {
	srv, _ := startServer(t, Config{Kind: model.KindPlex})
	c := httpClient(t, srv)
	url := srv.URL() + "/:/eventsource/notifications"

	srv.SetFault(FaultTruncated)
	code, _, _ := callErr(t, c, url, plexHeader(srv, false))
	assert.Equal(t, http.StatusOK, code)

	srv.SetFault(FaultUnauthorized)
	code, _, _ = callErr(t, c, url, plexHeader(srv, false))
	assert.Equal(t, http.StatusUnauthorized, code)

	srv.SetFault(FaultNone)
	frames := openSSE(t, c, url, plexHeader(srv, false))
	srv.Play(aliceSpec(movieItem()))
	waitFor(t, frames, func(f sseFrame) bool { return f.Event == "playing" })
}

// callErr is call for answers whose body may break off.
func callErr(t *testing.T, c *http.Client, url string, header http.Header) (int, []byte, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	require.NoError(t, err)
	req.Header = header
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		require.NoError(t, err)
	}
	return resp.StatusCode, body, err
}
