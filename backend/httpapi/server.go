// Package httpapi is the headless transport: it serves the single-page
// app, the service methods over HTTP, live events over SSE, and guards
// all of it behind a login.
package httpapi

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/streamwarden/streamwarden/backend/service"
)

// Pinger reports whether the database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Config is what the HTTP API is built from.
type Config struct {
	// Services are the bound service structs (service.Set.Bound()).
	Services []any
	Auth     AuthStore
	Health   Pinger
	Bus      Subscriber
	// Assets is the built frontend (index.html at its root).
	Assets fs.FS
	Log    *slog.Logger
	// Version is reported by /api/health.
	Version string
	// EnvAPIKey, when set, is accepted as an API key (STREAMWARDEN_API_KEY).
	EnvAPIKey string
	Now       func() time.Time
	// Uploads are file upload endpoints by path (service.Set.Uploads()).
	Uploads map[string]service.Upload
	// ImageOrigin, when it returns an origin, lets the UI load images
	// from it (the optional online map layer).
	ImageOrigin func() string
}

// Server is the HTTP handler of the headless shell.
type Server struct {
	methods    methodTable
	auth       AuthStore
	health     Pinger
	bus        Subscriber
	log        *slog.Logger
	version    string
	envKeyHash string
	now        func() time.Time
	hasher     *hasher
	dummyHash  string
	limiter    *loginLimiter
	handler    http.Handler
	uploads    map[string]service.Upload
	imgOrigin  func() string

	closeOnce sync.Once
	closing   chan struct{}
}

// New builds the handler.
func New(cfg Config) (*Server, error) {
	methods, err := newMethodTable(cfg.Services)
	if err != nil {
		return nil, err
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	s := &Server{
		methods: methods, auth: cfg.Auth, health: cfg.Health, bus: cfg.Bus,
		log: cfg.Log.With(slog.String("component", "httpapi")), version: cfg.Version, now: now,
		hasher:  newHasher(defaultArgon),
		limiter: newLoginLimiter(loginFailureLimit, loginWindow, now),
		closing: make(chan struct{}), uploads: cfg.Uploads, imgOrigin: cfg.ImageOrigin,
	}
	if cfg.EnvAPIKey != "" {
		s.envKeyHash = service.HashAPIKey(cfg.EnvAPIKey)
	}
	s.dummyHash = s.hasher.Hash("streamwarden-timing-equaliser")
	s.handler = s.routes(cfg.Assets)
	return s, nil
}

// Methods lists the API methods served, as "Service.Method".
func (s *Server) Methods() []string { return s.methods.Names() }

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// CloseStreams ends every open event stream; call it when shutdown begins
// (http.Server.RegisterOnShutdown), since streams never go idle.
func (s *Server) CloseStreams() { s.closeOnce.Do(func() { close(s.closing) }) }

func (s *Server) routes(assets fs.FS) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/health", s.handleHealth)
	mux.HandleFunc("GET /api/auth/state", s.handleAuthState)
	mux.HandleFunc("POST /api/auth/setup", s.handleSetup)
	mux.HandleFunc("POST /api/auth/login", s.handleLogin)
	mux.HandleFunc("POST /api/auth/logout", s.handleLogout)
	mux.Handle("GET /api/events", s.requireAuth(http.HandlerFunc(s.handleEvents)))
	mux.Handle("POST /api/{service}/{method}", s.requireAuth(http.HandlerFunc(s.handleCall)))
	for path, upload := range s.uploads {
		mux.Handle("POST "+path, s.requireAuth(s.handleUpload(path, upload)))
	}
	mux.Handle("/api/", s.requireAuth(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "There is no such API endpoint.")
	})))
	mux.Handle("/", newSPA(assets))
	return securityHeaders(mux, s.imgOrigin)
}

type healthBody struct {
	Status  string `json:"status"`
	Version string `json:"version"`
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.health.Ping(ctx); err != nil {
		s.log.Error("health check failed", slog.Any("error", err))
		writeJSON(w, http.StatusServiceUnavailable, healthBody{Status: "database unavailable", Version: s.version})
		return
	}
	writeJSON(w, http.StatusOK, healthBody{Status: "ok", Version: s.version})
}

func (s *Server) internalError(w http.ResponseWriter, doing string, err error) {
	s.log.Error(doing, slog.Any("error", err))
	writeError(w, http.StatusInternalServerError, "Something went wrong while "+doing+".")
}

func securityHeaders(next http.Handler, imgOrigin func() string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		img := "'self' data: blob:"
		if imgOrigin != nil {
			if origin := imgOrigin(); origin != "" {
				img += " " + origin
			}
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src "+img+"; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
		next.ServeHTTP(w, r)
	})
}
