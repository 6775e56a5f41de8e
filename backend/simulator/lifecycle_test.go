package simulator

import (
	"context"
	"crypto/tls"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/streamwarden/streamwarden/backend/model"
)

// sessionKeys lists the live session keys a plain client sees.
func sessionKeys(t *testing.T, c *http.Client, srv *Server) []string {
	t.Helper()
	var keys []string
	if srv.Kind() == model.KindPlex {
		views, _ := readPlexXML(t, c, srv)
		for _, v := range views {
			keys = append(keys, v.SessionKey+"/"+v.ControlID+"/"+v.State)
		}
		return keys
	}
	playing, _ := readEmby(t, c, srv)
	for _, s := range playing {
		state := "playing"
		if s.PlayState.IsPaused {
			state = "paused"
		}
		keys = append(keys, s.ID+"/"+state)
	}
	return keys
}

// openStream opens the kind's realtime channel and returns a channel that
// closes when the server drops it.
func openStream(t *testing.T, c *http.Client, srv *Server) <-chan struct{} {
	t.Helper()
	dropped := make(chan struct{})
	if srv.Kind() == model.KindPlex {
		frames := openSSE(t, c, srv.URL()+"/:/eventsource/notifications", plexHeader(srv, false))
		go func() {
			for range frames {
			}
			close(dropped)
		}()
		return dropped
	}
	_, msgs := openSocket(t, srv, socketPath(srv), embyHeader(srv))
	go func() {
		for range msgs {
		}
		close(dropped)
	}()
	return dropped
}

// streamWorks opens the realtime channel and sees it deliver.
func streamWorks(t *testing.T, c *http.Client, srv *Server) {
	t.Helper()
	if srv.Kind() == model.KindPlex {
		frames := openSSE(t, c, srv.URL()+"/:/eventsource/notifications", plexHeader(srv, false))
		srv.Play(aliceSpec(episodeItem(3, 3)))
		waitFor(t, frames, func(f sseFrame) bool { return f.Event == "playing" })
		return
	}
	_, msgs := openSocket(t, srv, socketPath(srv), embyHeader(srv))
	waitFor(t, msgs, isType(t, "ForceKeepAlive"))
}

func waitDone(t *testing.T, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		require.FailNow(t, "stream was not dropped")
	}
}

func TestRestart(t *testing.T) {
	for _, kind := range allKinds() {
		t.Run(string(kind), func(t *testing.T) {
			srv, _ := startServer(t, Config{Kind: kind})
			c := httpClient(t, srv)
			srv.Play(aliceSpec(movieItem()))
			srv.Play(aliceSpec(trackItem())).Pause()
			before, url := sessionKeys(t, c, srv), srv.URL()
			dropped := openStream(t, c, srv)

			require.NoError(t, srv.Restart(context.Background()))
			waitDone(t, dropped)
			assert.Equal(t, url, srv.URL())
			assert.Equal(t, before, sessionKeys(t, c, srv))
			streamWorks(t, c, srv)
		})
	}
}

func TestGoDownComeUp(t *testing.T) {
	for _, kind := range allKinds() {
		t.Run(string(kind), func(t *testing.T) {
			srv, _ := startServer(t, Config{Kind: kind})
			c := httpClient(t, srv)
			x := srv.Play(aliceSpec(movieItem()))
			url := srv.URL()
			dropped := openStream(t, c, srv)

			srv.GoDown()
			waitDone(t, dropped)
			assert.False(t, srv.Up())
			_, err := c.Get(url + "/identity")
			require.Error(t, err)
			assert.Contains(t, err.Error(), "refused")

			x.Pause()
			require.NoError(t, srv.ComeUp(context.Background()))
			assert.True(t, srv.Up())
			assert.Equal(t, url, srv.URL())
			keys := sessionKeys(t, c, srv)
			require.Len(t, keys, 1)
			assert.True(t, strings.HasSuffix(keys[0], "/paused"), keys[0])
			streamWorks(t, c, srv)
		})
	}
}

func TestCloseLeavesNoGoroutine(t *testing.T) {
	for _, kind := range allKinds() {
		t.Run(string(kind), func(t *testing.T) {
			ignore := goleak.IgnoreCurrent()
			t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
			srv, _ := startServer(t, Config{Kind: kind, TLS: true})
			c := httpClient(t, srv)
			srv.Play(aliceSpec(movieItem()))
			require.NotEmpty(t, sessionKeys(t, c, srv))
			dropped := openStream(t, c, srv)

			srv.SetFault(FaultHang)
			url, header := sessionsRequest(t, srv)
			hung := make(chan error, 1)
			go func() {
				req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
				req.Header = header
				resp, err := c.Do(req)
				if err == nil {
					_ = resp.Body.Close()
				}
				hung <- err
			}()
			time.Sleep(50 * time.Millisecond)

			require.NoError(t, srv.Close())
			require.NoError(t, srv.Close(), "Close is idempotent")
			waitDone(t, dropped)
			select {
			case err := <-hung:
				assert.Error(t, err)
			case <-time.After(5 * time.Second):
				require.FailNow(t, "hanging request survived Close")
			}
			assert.ErrorIs(t, srv.ComeUp(context.Background()), ErrClosed)
		})
	}
}

func TestTLS(t *testing.T) {
	srv, _ := startServer(t, Config{Kind: model.KindJellyfin, TLS: true})
	require.True(t, strings.HasPrefix(srv.URL(), "https://127.0.0.1:"))
	c := httpClient(t, srv)
	code, _, _ := call(t, c, http.MethodGet, srv.URL()+"/System/Info/Public", nil)
	assert.Equal(t, http.StatusOK, code)

	tr := &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
	defer tr.CloseIdleConnections()
	_, err := (&http.Client{Transport: tr}).Get(srv.URL() + "/System/Info/Public")
	require.Error(t, err, "the certificate is self-signed")
}

func TestConfigDefaults(t *testing.T) {
	tests := []struct {
		kind    model.ServerKind
		version string
		idLen   int
	}{
		{model.KindPlex, "1.", 40},
		{model.KindJellyfin, "10.11.", 32},
		{model.KindEmby, "4.8.", 32},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			srv, err := Start(context.Background(), Config{Kind: tt.kind})
			require.NoError(t, err)
			defer srv.Close()
			assert.True(t, strings.HasPrefix(srv.Version(), tt.version))
			assert.Len(t, srv.MachineID(), tt.idLen)
			assert.Len(t, srv.Token(), 32)
			assert.NotEmpty(t, srv.Name())
			assert.Equal(t, tt.kind, srv.Kind())
		})
	}
	_, err := Start(context.Background(), Config{Kind: "kodi"})
	assert.Error(t, err)
}
