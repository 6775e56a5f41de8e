package simulator

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"

	"github.com/streamwarden/streamwarden/backend/model"
)

// ErrClosed is returned when a closed Server is asked to come up again.
var ErrClosed = errors.New("simulator: server closed")

// Server is one fake media server listening on loopback.
type Server struct {
	cfg     Config
	tlsConf *tls.Config
	roots   *x509.CertPool
	handler http.Handler
	hub     *hub
	idle    []idleSession

	mu       sync.Mutex
	rng      *rand.Rand
	fault    Fault
	sessions []*liveSession
	users    []User
	nextKey  int
	nextSeq  uint64

	life   sync.Mutex
	addr   string
	gen    *generation
	closed bool
}

// Start builds a server for cfg and starts listening. ctx bounds only the
// start; the server runs until Close.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	seed := hash64("server", cfg.MachineID)
	s := &Server{
		cfg:  cfg,
		hub:  newHub(),
		rng:  rand.New(rand.NewPCG(seed, seed>>7|1)), //nolint:gosec // ids, not secrets
		addr: cfg.Addr,
	}
	s.idle = s.idleSessions()
	if cfg.TLS {
		conf, roots, err := selfSigned()
		if err != nil {
			return nil, fmt.Errorf("starting %s simulator: %w", cfg.Kind, err)
		}
		s.tlsConf, s.roots = conf, roots
	}
	s.handler = s.routes()
	if err := s.ComeUp(ctx); err != nil {
		return nil, fmt.Errorf("starting %s simulator: %w", cfg.Kind, err)
	}
	return s, nil
}

// URL is the server's base URL, e.g. http://127.0.0.1:40123. It stays the
// same across Restart and GoDown/ComeUp.
func (s *Server) URL() string {
	s.life.Lock()
	defer s.life.Unlock()
	scheme := "http"
	if s.cfg.TLS {
		scheme = "https"
	}
	return scheme + "://" + s.addr
}

// Token is the credential the server accepts.
func (s *Server) Token() string { return s.cfg.Token }

// Kind is the kind of server simulated.
func (s *Server) Kind() model.ServerKind { return s.cfg.Kind }

// MachineID is the server's identifier.
func (s *Server) MachineID() string { return s.cfg.MachineID }

// Name is the server's friendly name.
func (s *Server) Name() string { return s.cfg.Name }

// Version is the version the server reports.
func (s *Server) Version() string { return s.cfg.Version }

// RootCAs trusts the server's self-signed certificate; nil without TLS.
func (s *Server) RootCAs() *x509.CertPool { return s.roots }

// SetFault makes every following request misbehave as f says.
func (s *Server) SetFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = f
}

func (s *Server) currentFault() Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fault
}

// Close stops listening, ends every open request and stream and waits
// for them. It is idempotent.
func (s *Server) Close() error {
	s.life.Lock()
	defer s.life.Unlock()
	s.closed = true
	s.downLocked()
	return nil
}

// GoDown closes the listener and every connection, as a server that went
// away; sessions are kept. ComeUp reopens it on the same port.
func (s *Server) GoDown() {
	s.life.Lock()
	defer s.life.Unlock()
	s.downLocked()
}

// ComeUp listens again on the server's address after GoDown. It does
// nothing when the server is up.
func (s *Server) ComeUp(ctx context.Context) error {
	s.life.Lock()
	defer s.life.Unlock()
	if s.closed {
		return ErrClosed
	}
	if s.gen != nil {
		return nil
	}
	g, err := s.listen(ctx, s.addr)
	if err != nil {
		return err
	}
	s.gen = g
	s.addr = g.ln.Addr().String()
	return nil
}

// Restart drops every connection and realtime stream and listens again
// on the same port. Sessions survive with their ids.
func (s *Server) Restart(ctx context.Context) error {
	s.GoDown()
	return s.ComeUp(ctx)
}

// Up reports whether the server is listening.
func (s *Server) Up() bool {
	s.life.Lock()
	defer s.life.Unlock()
	return s.gen != nil
}

func (s *Server) downLocked() {
	if s.gen == nil {
		return
	}
	s.gen.shutdown()
	s.gen = nil
}
