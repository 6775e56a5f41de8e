package geo

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Kind is the role a database plays: where an address is, or who runs it.
type Kind string

const (
	KindCity Kind = "city"
	KindASN  Kind = "asn"
)

// kinds lists every Kind in the order Status reports them.
func kinds() []Kind { return []Kind{KindCity, KindASN} }

func (k Kind) fileName() string { return string(k) + ".mmdb" }

// DatabaseInfo describes one database file.
type DatabaseInfo struct {
	Kind Kind
	// DatabaseType is the type the file's metadata declares, e.g. "GeoLite2-City".
	DatabaseType string
	BuildTime    time.Time
	Size         int64
	Path         string
	// Loaded is true when lookups use this database.
	Loaded bool
	// Error says why a file that is present is not in use.
	Error string
}

// Databases holds the optional City and ASN databases of one directory.
// Lookups never block: each kind sits behind an atomic pointer to a
// reference-counted reader that Install swaps out.
type Databases struct {
	dir  string
	log  *slog.Logger
	city atomic.Pointer[handle]
	asn  atomic.Pointer[handle]
	gen  atomic.Uint64

	// mu serialises installs and Close; lookups never take it.
	mu       sync.Mutex
	closed   bool
	problems map[Kind]string // why a present file is not loaded
}

// OpenDatabases opens the databases present in dir, creating dir if needed.
// A missing file leaves that kind empty; a file that does not open is
// logged and ignored, so the app starts without it.
func OpenDatabases(dir string, log *slog.Logger) (*Databases, error) {
	if log == nil {
		log = slog.Default()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating GeoIP directory: %w", err)
	}
	d := &Databases{dir: dir, log: log, problems: map[Kind]string{}}
	d.removeStaleTemps()
	for _, k := range kinds() {
		path := filepath.Join(dir, k.fileName())
		h, err := openHandle(path, k, false)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			log.Warn("GeoIP database not loaded", slog.String("kind", string(k)),
				slog.String("path", path), slog.Any("error", err))
			d.problems[k] = err.Error()
			continue
		}
		d.slot(k).Store(h)
		log.Info("GeoIP database loaded", slog.String("kind", string(k)),
			slog.String("type", h.info.DatabaseType), slog.Time("built", h.info.BuildTime))
	}
	d.gen.Store(1)
	return d, nil
}

// Dir is the directory the databases live in.
func (d *Databases) Dir() string { return d.dir }

// Generation increases every time a database is swapped, so callers can
// tell when cached lookups are stale.
func (d *Databases) Generation() uint64 {
	if d == nil {
		return 0
	}
	return d.gen.Load()
}

// Status describes both kinds, loaded or not.
func (d *Databases) Status() []DatabaseInfo {
	out := make([]DatabaseInfo, 0, 2)
	for _, k := range kinds() {
		out = append(out, d.status(k))
	}
	return out
}

func (d *Databases) status(k Kind) DatabaseInfo {
	if h := d.slot(k).Load(); h != nil {
		return h.info
	}
	info := DatabaseInfo{Kind: k}
	path := filepath.Join(d.dir, k.fileName())
	if st, err := os.Stat(path); err == nil {
		info.Path, info.Size = path, st.Size()
		d.mu.Lock()
		info.Error = d.problems[k]
		d.mu.Unlock()
	}
	return info
}

// Close stops using both databases. Lookups after Close find nothing;
// readers still in use are closed when their last lookup returns.
func (d *Databases) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	for _, k := range kinds() {
		if d.slot(k).Load() != nil {
			d.swap(d.slot(k), nil)
		}
	}
	return nil
}

func (d *Databases) slot(k Kind) *atomic.Pointer[handle] {
	if k == KindASN {
		return &d.asn
	}
	return &d.city
}

// removeStaleTemps deletes temporary files an interrupted install left.
func (d *Databases) removeStaleTemps() {
	entries, err := os.ReadDir(d.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) && e.Type().IsRegular() {
			_ = os.Remove(filepath.Join(d.dir, e.Name()))
		}
	}
}
