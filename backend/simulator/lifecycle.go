package simulator

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"time"
)

// generation is one listening period of a server, between ComeUp and
// GoDown. Its context is the base of every request it serves, so going
// down ends hanging requests and realtime streams too.
type generation struct {
	ln     net.Listener
	hs     *http.Server
	ctx    context.Context
	cancel context.CancelFunc
	served chan struct{}

	mu      sync.Mutex
	active  int
	closing bool
	drained chan struct{}
}

type generationKey struct{}

func (s *Server) listen(ctx context.Context, addr string) (*generation, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w", addr, err)
	}
	if s.tlsConf != nil {
		ln = tls.NewListener(ln, s.tlsConf)
	}
	g := &generation{ln: ln, served: make(chan struct{})}
	g.ctx, g.cancel = context.WithCancel(context.WithValue(context.Background(), generationKey{}, g))
	g.hs = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return g.ctx },
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	go func() {
		defer close(g.served)
		_ = g.hs.Serve(ln)
	}()
	return g, nil
}

// enter counts a request in; false once the generation is going down.
func (g *generation) enter() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closing {
		return false
	}
	g.active++
	return true
}

func (g *generation) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.active--
	if g.closing && g.active == 0 && g.drained != nil {
		close(g.drained)
		g.drained = nil
	}
}

// shutdown ends every request of the generation and waits for them and
// for the accept loop.
func (g *generation) shutdown() {
	g.cancel()
	_ = g.hs.Close()
	g.mu.Lock()
	g.closing = true
	var wait chan struct{}
	if g.active > 0 {
		wait = make(chan struct{})
		g.drained = wait
	}
	g.mu.Unlock()
	if wait != nil {
		<-wait
	}
	<-g.served
}

// tracked counts every request in its generation so shutdown can wait
// for it.
func tracked(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g, _ := r.Context().Value(generationKey{}).(*generation)
		if g == nil || !g.enter() {
			http.Error(w, "server going down", http.StatusServiceUnavailable)
			return
		}
		defer g.leave()
		h.ServeHTTP(w, r)
	})
}
