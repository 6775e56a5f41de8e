package fake

import (
	"bytes"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
)

// Hold listens on a local port, accepts every connection and never answers.
// It returns the address; everything is closed when the test ends.
func Hold(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening: %v", err)
	}
	var (
		mu    sync.Mutex
		conns []net.Conn
		done  = make(chan struct{})
	)
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		<-done
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			_ = c.Close()
		}
	})
	return ln.Addr().String()
}

// ClosedPort returns a local address nothing listens on.
func ClosedPort(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening: %v", err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatalf("closing listener: %v", err)
	}
	return addr
}

// Oversized streams size bytes of a JSON-looking body to every request,
// declaring the length only when declare is set. Written counts the bytes
// the client accepted, to show it stopped reading early.
type Oversized struct {
	Size    int64
	Declare bool
	Written *atomic.Int64
}

func (o Oversized) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if o.Declare {
		w.Header().Set("Content-Length", strconv.FormatInt(o.Size, 10))
	}
	chunk := bytes.Repeat([]byte(" "), 64<<10)
	chunk[0] = '{'
	for sent := int64(0); sent < o.Size; {
		n := min(int64(len(chunk)), o.Size-sent)
		written, err := w.Write(chunk[:n])
		sent += int64(written)
		if o.Written != nil {
			o.Written.Add(int64(written))
		}
		if err != nil || r.Context().Err() != nil {
			return
		}
		chunk[0] = ' '
	}
}
