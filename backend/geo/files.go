package geo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// tempPrefix starts the name of every temporary file this package writes,
// so OpenDatabases can sweep up after an interrupted install.
const tempPrefix = ".geo-tmp-"

// writeTemp creates a temporary file in dir, fills it with write and
// flushes it to disk. The file is removed again on any error.
func writeTemp(dir string, write func(io.Writer) error) (path string, err error) {
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return "", fmt.Errorf("creating temporary file: %w", err)
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return "", err
	}
	if err = f.Chmod(0o644); err != nil {
		return "", fmt.Errorf("setting file mode: %w", err)
	}
	if err = f.Sync(); err != nil {
		return "", fmt.Errorf("flushing temporary file: %w", err)
	}
	if err = f.Close(); err != nil {
		return "", fmt.Errorf("closing temporary file: %w", err)
	}
	return f.Name(), nil
}

// copyFrom adapts a reader to writeTemp.
func copyFrom(r io.Reader) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := io.Copy(w, r); err != nil {
			return fmt.Errorf("copying: %w", err)
		}
		return nil
	}
}

// writeFileAtomic replaces path with what write produces: readers see the
// old file or the new one, never a partial one, even after a crash.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := writeTemp(dir, write)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("replacing %s: %w", filepath.Base(path), err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable. Some platforms (Windows) cannot
// sync a directory; the rename is still atomic there, so errors are ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}

// cappedReader fails with ErrTooLarge once more than max bytes are read.
type cappedReader struct {
	r   io.Reader
	max int64
	n   int64
}

func capReader(r io.Reader, max int64) *cappedReader { return &cappedReader{r: r, max: max} }

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.n > c.max {
		return 0, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, c.max)
	}
	if room := c.max - c.n + 1; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.max {
		return n, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, c.max)
	}
	return n, err
}

// ctxReader stops reading once ctx is done, so a stalled upload or download
// does not outlive its caller.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) && c.ctx.Err() != nil {
		return n, c.ctx.Err()
	}
	return n, err
}

// removeTemp deletes a temporary file, if there is one.
func removeTemp(path string) {
	if path != "" {
		_ = os.Remove(path)
	}
}
