package mediaserver_test

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
)

func TestNewHTTPClientTransport(t *testing.T) {
	for _, verify := range []bool{true, false} {
		t.Run(fmt.Sprintf("verify=%v", verify), func(t *testing.T) {
			c := mediaserver.NewHTTPClient(verify, 3*time.Second)
			tr, ok := c.Transport.(*http.Transport)
			require.True(t, ok)
			assert.Equal(t, 3*time.Second, c.Timeout)
			assert.Equal(t, uint16(tls.VersionTLS12), tr.TLSClientConfig.MinVersion)
			assert.Equal(t, !verify, tr.TLSClientConfig.InsecureSkipVerify)
			assert.Equal(t, 3*time.Second, tr.TLSHandshakeTimeout)
			assert.Equal(t, 3*time.Second, tr.ResponseHeaderTimeout)
			assert.NotNil(t, tr.DialContext)
			assert.NotNil(t, c.CheckRedirect)
		})
	}
	assert.Equal(t, mediaserver.DefaultTimeout, mediaserver.NewHTTPClient(true, 0).Timeout)
}

// redirector sends /hop/N to /hop/N-1 and answers 200 at /hop/0.
func redirector() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/hop/"))
		if err != nil || n == 0 {
			_, _ = w.Write([]byte("arrived"))
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
}

func TestRedirects(t *testing.T) {
	srv := fake.Start(t, redirector())
	client := mediaserver.NewHTTPClient(true, 2*time.Second)
	defer client.CloseIdleConnections()

	resp, err := mediaserver.Get(context.Background(), client, srv.URL+"/hop/3", http.Header{"X-Plex-Token": {"tok"}})
	require.NoError(t, err, "three redirects are followed")
	assert.Equal(t, "arrived", string(resp.Body))
	for _, r := range srv.Requests() {
		assert.Equal(t, "tok", r.Header.Get("X-Plex-Token"), "same host keeps the token")
	}

	_, err = mediaserver.Get(context.Background(), client, srv.URL+"/hop/4", nil)
	var e *mediaserver.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, mediaserver.ReasonServerError, e.Reason)
	assert.Contains(t, e.Message, "more than 3 times")
}

func TestRedirectToAnotherHostKeepsTokenHome(t *testing.T) {
	other := fake.Start(t, fake.Status(http.StatusOK, "text/plain", []byte("elsewhere")))
	// The same server under another host name: localhost instead of 127.0.0.1.
	elsewhere := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
	srv := fake.Start(t, http.RedirectHandler(elsewhere+"/identity", http.StatusFound))
	client := mediaserver.NewHTTPClient(true, 2*time.Second)
	defer client.CloseIdleConnections()

	_, err := mediaserver.Get(context.Background(), client, srv.URL+"/identity", http.Header{"X-Plex-Token": {"tok"}})
	var e *mediaserver.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, mediaserver.ReasonServerError, e.Reason)
	assert.Contains(t, e.Message, "redirected to another host (localhost)")
	assert.Empty(t, other.Requests(), "the other host never saw the token")
}

func TestRedirectFromHTTPSToHTTPRefused(t *testing.T) {
	plain := fake.Start(t, fake.Status(http.StatusOK, "text/plain", []byte("plain")))
	srv := fake.StartTLS(t, http.RedirectHandler(plain.URL+"/", http.StatusFound))
	client := mediaserver.NewHTTPClient(false, 2*time.Second)
	defer client.CloseIdleConnections()

	_, err := mediaserver.Get(context.Background(), client, srv.URL+"/", nil)
	var e *mediaserver.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, mediaserver.ReasonServerError, e.Reason)
	assert.Contains(t, e.Message, "from https to plain http")
	assert.Empty(t, plain.Requests())
}
