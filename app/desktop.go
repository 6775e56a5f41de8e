//go:build !headless

package app

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/streamwarden/streamwarden/backend/secrets"
	"github.com/streamwarden/streamwarden/backend/service"
	"github.com/streamwarden/streamwarden/backend/store"
)

const keyringTimeout = 5 * time.Second

// Run starts the desktop app and returns the process exit code.
func Run(assets embed.FS, args []string) int {
	flags := flag.NewFlagSet("streamwarden", flag.ContinueOnError)
	dataDir := flags.String("data", "", "data directory (default: the OS user config directory)")
	logLevel := flags.String("log-level", os.Getenv("STREAMWARDEN_LOG_LEVEL"), "debug, info, warn or error")
	demoMode := flags.Bool("demo", false, "watch simulated servers (data in a demo folder of the data directory)")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	log := newLogger(os.Stderr, *logLevel, "text")
	dir, err := desktopDataDir(*dataDir)
	if err != nil {
		log.Error("finding the data directory", slog.Any("error", err))
		return 1
	}
	if *demoMode {
		dir = filepath.Join(dir, "demo")
	}
	dist, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		log.Error("opening the embedded frontend", slog.Any("error", err))
		return 1
	}
	d := &desktop{set: service.NewSet(), dataDir: dir, log: log, demo: *demoMode}
	err = wails.Run(&options.App{
		Title:            "Streamwarden",
		Width:            1280,
		Height:           820,
		MinWidth:         960,
		MinHeight:        600,
		BackgroundColour: &options.RGBA{R: 15, G: 17, B: 23, A: 255},
		AssetServer:      &assetserver.Options{Assets: dist},
		OnStartup:        d.startup,
		OnShutdown:       d.shutdown,
		Bind:             d.set.Bound(),
		Linux:            &linux.Options{ProgramName: "streamwarden"},
	})
	if err != nil {
		log.Error("running the desktop app", slog.Any("error", err))
		return 1
	}
	return d.exitCode
}

// desktop owns the backend for the life of the window. Wails binds the
// service structs before start-up; startup wires them once the database
// and keyring are open, before the page loads.
type desktop struct {
	set      *service.Set
	dataDir  string
	demo     bool
	log      *slog.Logger
	backend  *backend
	cancel   context.CancelFunc
	workers  sync.WaitGroup
	exitCode int
}

func (d *desktop) startup(wailsCtx context.Context) {
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	b, err := openBackend(ctx, d.set, backendOptions{
		dataDir: d.dataDir, mode: "desktop", log: d.log, demo: d.demo,
		secrets: desktopSecrets(d.dataDir, d.log), chooser: fileDialog{wailsCtx: wailsCtx},
	})
	if err != nil {
		d.log.Error("starting", slog.Any("error", err))
		d.exitCode = 1
		_, _ = runtime.MessageDialog(wailsCtx, runtime.MessageDialogOptions{
			Type: runtime.ErrorDialog, Title: "Streamwarden cannot start", Message: err.Error(),
		})
		runtime.Quit(wailsCtx)
		return
	}
	d.backend = b
	d.workers.Add(1)
	go func() {
		defer d.workers.Done()
		if err := b.Run(ctx); err != nil {
			d.log.Error("monitoring stopped", slog.Any("error", err))
		}
	}()
	events, unsubscribe := b.bus.Subscribe(256)
	d.workers.Add(1)
	go func() {
		defer d.workers.Done()
		for ev := range events {
			runtime.EventsEmit(wailsCtx, ev.Name, ev.Args...)
		}
	}()
	d.workers.Add(1)
	go func() {
		defer d.workers.Done()
		<-ctx.Done()
		unsubscribe()
	}()
	// SIGTERM/SIGINT close the window the normal way, so shutdown runs.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	d.workers.Add(1)
	go func() {
		defer d.workers.Done()
		defer signal.Stop(signals)
		select {
		case sig := <-signals:
			d.log.Info("quitting on signal", slog.String("signal", sig.String()))
			runtime.Quit(wailsCtx)
		case <-ctx.Done():
		}
	}()
}

// shutdown stops the workers, then closes the database, under a deadline.
func (d *desktop) shutdown(context.Context) {
	if d.cancel == nil {
		return
	}
	d.cancel()
	done := make(chan struct{})
	go func() { d.workers.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		d.log.Warn("workers did not stop within 10s")
	}
	if d.backend != nil {
		if err := d.backend.Close(); err != nil {
			d.log.Error("closing the database", slog.Any("error", err))
		}
	}
	d.log.Info("stopped")
}

func desktopDataDir(flagValue string) (string, error) {
	if flagValue != "" {
		return filepath.Abs(flagValue)
	}
	if env := os.Getenv("STREAMWARDEN_DATA"); env != "" {
		return filepath.Abs(env)
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the user config directory: %w", err)
	}
	return filepath.Join(base, "Streamwarden"), nil
}

// desktopSecrets uses the OS keyring; when it cannot be reached (no
// Secret Service, a locked keyring that does not answer) it falls back to
// the sealed store and says so in Settings.
func desktopSecrets(dataDir string, log *slog.Logger) openSecrets {
	return func(ctx context.Context, st *store.Store) (secrets.Store, string, error) {
		kr := secrets.NewKeyring(keyringService, keyringTimeout)
		err := kr.Check(ctx)
		if err == nil {
			return kr, "", nil
		}
		log.Warn("the OS keyring is unavailable; using encrypted storage in the database", slog.Any("error", err))
		sealed, _, serr := sealedSecrets(os.Getenv, dataDir, log)(ctx, st)
		if serr != nil {
			return nil, "", serr
		}
		return sealed, fmt.Sprintf("The OS keyring could not be used (%v). Tokens are encrypted in the database with a key file in %s instead.", err, dataDir), nil
	}
}

// fileDialog opens the platform's native file dialog.
type fileDialog struct{ wailsCtx context.Context }

func (f fileDialog) ChooseFile(_ context.Context, title, pattern string) (string, error) {
	return runtime.OpenFileDialog(f.wailsCtx, runtime.OpenDialogOptions{
		Title:   title,
		Filters: []runtime.FileFilter{{DisplayName: pattern, Pattern: pattern}},
	})
}
