//go:build headless

package app

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	// The image is FROM scratch: carry the CA roots and time zones along.
	_ "golang.org/x/crypto/x509roots/fallback"
	_ "time/tzdata"

	"golang.org/x/sync/errgroup"

	"github.com/streamwarden/streamwarden/backend/httpapi"
	"github.com/streamwarden/streamwarden/backend/service"
)

const shutdownTimeout = 10 * time.Second

// Run starts the headless server and returns the process exit code.
func Run(assets embed.FS, args []string) int {
	if len(args) > 0 && args[0] == "healthcheck" {
		return healthcheck(args[1:], os.Getenv, os.Stderr)
	}
	cfg, err := parseServerConfig(args, os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	log := newLogger(os.Stderr, cfg.logLevel, cfg.logFormat)
	dist, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		log.Error("opening the embedded frontend", slog.Any("error", err))
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		log.Error("listening", slog.String("addr", cfg.listen), slog.Any("error", err))
		return 1
	}
	if err := serve(ctx, cfg, dist, ln, log); err != nil {
		log.Error("server stopped", slog.Any("error", err))
		return 1
	}
	return 0
}

// serve runs the server on ln until ctx ends, then shuts down: it stops
// accepting, ends event streams, waits for requests, closes the database.
func serve(ctx context.Context, cfg serverConfig, dist fs.FS, ln net.Listener, log *slog.Logger) error {
	defer ln.Close()
	lifetime, cancel := context.WithCancel(context.Background())
	defer cancel()
	set := service.NewSet()
	b, err := openBackend(lifetime, set, backendOptions{
		dataDir: cfg.dataDir, mode: "server", log: log, demo: cfg.demo,
		secrets: sealedSecrets(cfg.getenv, cfg.dataDir, log),
	})
	if err != nil {
		return err
	}
	defer func() {
		if err := b.Close(); err != nil {
			log.Error("closing the database", slog.Any("error", err))
		}
	}()
	if !cfg.demo { // the demo declares its own servers
		if err := service.DeclareServers(lifetime, set.Servers, cfg.servers); err != nil {
			return err
		}
	}
	api, err := httpapi.New(httpapi.Config{
		Services: set.Bound(), Auth: b.store, Health: b.store, Bus: b.bus, Assets: dist,
		Log: log, Version: version, EnvAPIKey: cfg.apiKey,
		Uploads: set.Uploads(), ImageOrigin: set.TileOrigin,
	})
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           api,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	srv.RegisterOnShutdown(api.CloseStreams)

	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return b.Run(gctx) })
	g.Go(func() error {
		log.Info("listening", slog.String("addr", ln.Addr().String()), slog.String("version", version))
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serving HTTP: %w", err)
		}
		return nil
	})
	g.Go(func() error {
		<-gctx.Done()
		log.Info("shutting down")
		shutdownCtx, done := context.WithTimeout(context.Background(), shutdownTimeout)
		defer done()
		cancel()
		return srv.Shutdown(shutdownCtx)
	})
	return g.Wait()
}

// healthcheck asks the local server for /api/health; exit code 0 = healthy.
// The Docker image uses it, having no curl.
func healthcheck(args []string, getenv func(string) string, stderr *os.File) int {
	cfg, err := parseServerConfig(args, getenv)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	url, err := healthURL(cfg.listen)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	client := &http.Client{Timeout: 3 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		fmt.Fprintln(stderr, "unhealthy:", err)
		return 1
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintln(stderr, "unhealthy: HTTP", resp.StatusCode)
		return 1
	}
	return 0
}

func healthURL(listen string) (string, error) {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return "", fmt.Errorf("reading the listen address %q: %w", listen, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/api/health", nil
}
