package geo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
)

// Install validates the database at srcPath as kind, copies it into the
// directory and puts it in service. On any error the previous database
// stays in service and on disk. srcPath may also be a .gz or .tar.gz.
func (d *Databases) Install(kind Kind, srcPath string) (DatabaseInfo, error) {
	if kind != KindCity && kind != KindASN {
		return DatabaseInfo{}, fmt.Errorf("installing database: unknown kind %q", kind)
	}
	info, err := d.installPath(kind, srcPath)
	if err != nil {
		return DatabaseInfo{}, fmt.Errorf("installing %s database: %w", kind, err)
	}
	return info, nil
}

// ImportFile installs any GeoIP2-format City or ASN database (GeoLite2,
// GeoIP2, DB-IP Lite) as whichever kind its metadata says it is.
func (d *Databases) ImportFile(path string) (DatabaseInfo, error) {
	info, err := d.installPath("", path)
	if err != nil {
		return DatabaseInfo{}, fmt.Errorf("importing database: %w", err)
	}
	return info, nil
}

// ImportReader streams an upload of at most maxBytes into the directory and
// installs it as ImportFile does.
func (d *Databases) ImportReader(ctx context.Context, r io.Reader, maxBytes int64) (DatabaseInfo, error) {
	src := capReader(ctxReader{ctx: ctx, r: r}, maxBytes)
	tmp, err := stageDatabase(d.dir, src, maxDatabaseBytes)
	if err != nil {
		return DatabaseInfo{}, fmt.Errorf("importing database: %w", err)
	}
	info, err := d.installStaged("", tmp)
	if err != nil {
		return DatabaseInfo{}, fmt.Errorf("importing database: %w", err)
	}
	return info, nil
}

// Detect reports what database the file at path is without installing it.
func (d *Databases) Detect(path string) (DatabaseInfo, error) {
	tmp, err := stageFile(d.dir, path)
	if err != nil {
		return DatabaseInfo{}, fmt.Errorf("inspecting database: %w", err)
	}
	defer removeTemp(tmp)
	h, err := openHandle(tmp, "", true)
	if err != nil {
		return DatabaseInfo{}, fmt.Errorf("inspecting database: %w", err)
	}
	info := h.info
	h.release()
	info.Path, info.Loaded = path, false
	return info, nil
}

func (d *Databases) installPath(kind Kind, path string) (DatabaseInfo, error) {
	tmp, err := stageFile(d.dir, path)
	if err != nil {
		return DatabaseInfo{}, err
	}
	return d.installStaged(kind, tmp)
}

func stageFile(dir, path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("opening %s: %w", filepath.Base(path), err)
	}
	defer f.Close()
	return stageDatabase(dir, f, maxDatabaseBytes)
}

// installStaged validates tmp, a temporary file in the directory that the
// caller hands over, and swaps it in for kind ("" = what the file is).
//
// The order matters on Windows, which cannot replace a file that is still
// mapped: the new reader (mapping tmp) goes into service first, the old
// reader is closed once its lookups return, and only then is tmp renamed
// over the old file. If the rename fails the old file is reopened.
func (d *Databases) installStaged(want Kind, tmp string) (DatabaseInfo, error) {
	h, err := openHandle(tmp, want, true)
	if err != nil {
		removeTemp(tmp)
		return DatabaseInfo{}, err
	}
	kind := h.info.Kind
	final := filepath.Join(d.dir, kind.fileName())
	h.info.Path = final

	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		h.release()
		removeTemp(tmp)
		return DatabaseInfo{}, errors.New("the databases are closed")
	}
	slot := d.slot(kind)
	old := d.swap(slot, h)
	if err := os.Rename(tmp, final); err != nil {
		d.rollback(slot, kind, final, old != nil)
		removeTemp(tmp)
		return DatabaseInfo{}, fmt.Errorf("replacing %s: %w", kind.fileName(), err)
	}
	syncDir(d.dir)
	delete(d.problems, kind)
	d.log.Info("GeoIP database installed", slog.String("kind", string(kind)),
		slog.String("type", h.info.DatabaseType), slog.Time("built", h.info.BuildTime))
	return h.info, nil
}

// swap puts h in service and retires what it replaces. Callers hold d.mu.
func (d *Databases) swap(slot *atomic.Pointer[handle], h *handle) *handle {
	old := slot.Swap(h)
	d.gen.Add(1)
	if old != nil && !old.retire(retireWait) {
		d.log.Warn("GeoIP lookups still running on a replaced database")
	}
	return old
}

// rollback reopens the file that was in service before a failed install.
func (d *Databases) rollback(slot *atomic.Pointer[handle], kind Kind, final string, hadOld bool) {
	var back *handle
	if hadOld {
		var err error
		if back, err = openHandle(final, kind, false); err != nil {
			d.log.Error("GeoIP database could not be restored", slog.String("kind", string(kind)), slog.Any("error", err))
			back = nil
		}
	}
	d.swap(slot, back)
}
