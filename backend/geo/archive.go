package geo

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

const (
	// maxDatabaseBytes caps any database we accept; GeoIP2 Enterprise,
	// the largest, is a few hundred MB.
	maxDatabaseBytes = 1 << 30
	// maxArchiveEntries bounds the work a hostile archive can cause;
	// MaxMind's hold a database, a licence, a copyright and a readme.
	maxArchiveEntries = 64
	// archiveOverhead is what the other entries may add on top of the
	// database when decompressing.
	archiveOverhead = 16 << 20
)

// stageDatabase copies a database from r into a temporary file in dir. r
// may hold the .mmdb itself, a gzip of it (as DB-IP ships them) or a
// .tar.gz with one .mmdb inside (as MaxMind ships them). The database may
// be at most limit bytes.
func stageDatabase(dir string, r io.Reader, limit int64) (string, error) {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); !bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		return writeTemp(dir, copyFrom(capReader(br, limit)))
	}
	gz, err := gzip.NewReader(br)
	if err != nil {
		return "", fmt.Errorf("%w: reading gzip: %w", ErrNotDatabase, err)
	}
	defer gz.Close()
	inner := bufio.NewReaderSize(capReader(gz, limit+archiveOverhead), 1024)
	if head, _ := inner.Peek(512); isTar(head) {
		return extractDatabase(dir, tar.NewReader(inner), limit)
	}
	return writeTemp(dir, copyFrom(capReader(inner, limit)))
}

// isTar recognises a POSIX (ustar) or GNU tar header.
func isTar(head []byte) bool {
	return len(head) >= 262 && bytes.Equal(head[257:262], []byte("ustar"))
}

// extractDatabase copies the single .mmdb of a tar stream into a temporary
// file. The entry name is never used as a path; names that would escape an
// extraction directory are still refused, as a sign of a tampered archive.
func extractDatabase(dir string, tr *tar.Reader, limit int64) (string, error) {
	var staged string
	fail := func(err error) (string, error) {
		removeTemp(staged)
		return "", err
	}
	for i := 0; ; i++ {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fail(fmt.Errorf("%w: reading archive: %w", ErrNotDatabase, err))
		}
		if i >= maxArchiveEntries {
			return fail(fmt.Errorf("%w: archive has more than %d entries", ErrUnsupported, maxArchiveEntries))
		}
		if unsafeName(hdr.Name) {
			return fail(fmt.Errorf("%w: archive entry %q points outside the archive", ErrUnsupported, hdr.Name))
		}
		if !strings.EqualFold(path.Ext(hdr.Name), ".mmdb") {
			continue
		}
		if hdr.Typeflag != tar.TypeReg {
			return fail(fmt.Errorf("%w: archive entry %q is not a regular file", ErrUnsupported, hdr.Name))
		}
		if staged != "" {
			return fail(fmt.Errorf("%w: archive holds more than one database", ErrUnsupported))
		}
		if hdr.Size > limit {
			return fail(fmt.Errorf("%w: %s is %d bytes", ErrTooLarge, hdr.Name, hdr.Size))
		}
		if staged, err = writeTemp(dir, copyFrom(capReader(tr, limit))); err != nil {
			return "", err
		}
	}
	if staged == "" {
		return "", fmt.Errorf("%w: the archive holds no .mmdb file", ErrNotDatabase)
	}
	return staged, nil
}

func unsafeName(name string) bool {
	name = strings.ReplaceAll(name, `\`, "/")
	if path.IsAbs(name) || (len(name) >= 2 && name[1] == ':') {
		return true
	}
	for part := range strings.SplitSeq(name, "/") {
		if part == ".." {
			return true
		}
	}
	return false
}
