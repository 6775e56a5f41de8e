package simulator

import (
	"bufio"
	"context"
	"crypto/tls"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"
)

type sseFrame struct {
	Event string
	Data  string
}

// openSSE connects to an event stream and delivers its frames until the
// test ends or the server closes the stream (then the channel closes).
func openSSE(t *testing.T, c *http.Client, url string, header http.Header) <-chan sseFrame {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	require.NoError(t, err)
	req.Header = header.Clone()
	resp, err := c.Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	frames := make(chan sseFrame, 256)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(frames)
		rd := bufio.NewReader(resp.Body)
		var f sseFrame
		for {
			line, err := rd.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				f.Event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				f.Data = strings.TrimPrefix(line, "data: ")
			case line == "":
				select {
				case frames <- f:
				case <-ctx.Done():
					return
				}
				f = sseFrame{}
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		_ = resp.Body.Close()
		<-done
	})
	return frames
}

// waitFor reads from ch until keep accepts a value; it fails after 5 s or
// when ch closes.
func waitFor[T any](t *testing.T, ch <-chan T, keep func(T) bool) T {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case v, ok := <-ch:
			require.True(t, ok, "stream closed")
			if keep(v) {
				return v
			}
		case <-timeout:
			require.FailNow(t, "timed out waiting")
		}
	}
}

// waitClosed drains ch until it closes; it fails after 5 s.
func waitClosed[T any](t *testing.T, ch <-chan T) {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-timeout:
			require.FailNow(t, "stream still open")
		}
	}
}

func wsURL(srv *Server, path string) string {
	return "ws" + strings.TrimPrefix(srv.URL(), "http") + path
}

func dialer(srv *Server) *websocket.Dialer {
	d := &websocket.Dialer{HandshakeTimeout: 5 * time.Second}
	if roots := srv.RootCAs(); roots != nil {
		d.TLSClientConfig = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
	}
	return d
}

// openSocket dials a websocket and delivers its text messages until the
// test ends or the server closes it (then the channel closes).
func openSocket(t *testing.T, srv *Server, path string, header http.Header) (*websocket.Conn, <-chan []byte) {
	t.Helper()
	conn, resp, err := dialer(srv).Dial(wsURL(srv, path), header)
	require.NoError(t, err)
	_ = resp.Body.Close()
	msgs := make(chan []byte, 256)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(msgs)
		for {
			_, m, err := conn.ReadMessage()
			if err != nil {
				return
			}
			msgs <- m
		}
	}()
	t.Cleanup(func() {
		_ = conn.Close()
		<-done
	})
	return conn, msgs
}

// dialStatus is the HTTP status of a failed websocket handshake.
func dialStatus(t *testing.T, srv *Server, path string, header http.Header) int {
	t.Helper()
	conn, resp, err := dialer(srv).Dial(wsURL(srv, path), header)
	if err == nil {
		_ = conn.Close()
		return http.StatusSwitchingProtocols
	}
	require.NotNil(t, resp, err)
	_ = resp.Body.Close()
	return resp.StatusCode
}
