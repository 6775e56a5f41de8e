package geo

import (
	"archive/tar"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestImportDetectsKind(t *testing.T) {
	city := readFile(t, writeDB(t, KindCity, cityBlocks(paris())))
	asn := readFile(t, writeDB(t, KindASN, asnBlocks()))
	tests := []struct {
		name     string
		file     []byte
		wantKind Kind
		wantType string
	}{
		{"city mmdb", city, KindCity, "GeoLite2-City"},
		{"asn mmdb", asn, KindASN, "GeoLite2-ASN"},
		{"gzipped mmdb (DB-IP style)", gzipped(t, city), KindCity, "GeoLite2-City"},
		{"MaxMind tar.gz", tarGz(t,
			tarEntry{name: "GeoLite2-ASN_20240102/", typ: tar.TypeDir},
			tarEntry{name: "GeoLite2-ASN_20240102/COPYRIGHT.txt", body: []byte("(c) MaxMind")},
			tarEntry{name: "GeoLite2-ASN_20240102/GeoLite2-ASN.mmdb", body: asn},
		), KindASN, "GeoLite2-ASN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbs, err := OpenDatabases(t.TempDir(), quietLog())
			require.NoError(t, err)
			src := writeFile(t, tt.file)

			detected, err := dbs.Detect(src)
			require.NoError(t, err)
			assert.Equal(t, tt.wantKind, detected.Kind)
			assert.Equal(t, tt.wantType, detected.DatabaseType)
			assert.Equal(t, src, detected.Path)
			assert.False(t, detected.Loaded)

			info, err := dbs.ImportFile(src)
			require.NoError(t, err)
			assert.Equal(t, tt.wantKind, info.Kind)
			assert.True(t, info.Loaded)
			assert.Equal(t, filepath.Join(dbs.Dir(), string(tt.wantKind)+".mmdb"), info.Path)
			assert.FileExists(t, info.Path)
		})
	}
}

func TestImportReader(t *testing.T) {
	city := readFile(t, writeDB(t, KindCity, cityBlocks(paris())))
	tests := []struct {
		name    string
		body    []byte
		max     int64
		wantErr error
	}{
		{"fits", city, int64(len(city)), nil},
		{"one byte over", city, int64(len(city)) - 1, ErrTooLarge},
		{"gzip over the cap", gzipped(t, city), 100, ErrTooLarge},
		{"not a database", []byte("<html>"), 1 << 20, ErrNotDatabase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbs := openTestDatabases(t)
			info, err := dbs.ImportReader(context.Background(), bytes.NewReader(tt.body), tt.max)
			entries, _ := os.ReadDir(dbs.Dir())
			assert.Len(t, entries, 2, "no temporary files left")
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.Equal(t, "London", NewResolver(dbs, ResolverOptions{}).Locate("81.2.69.142").City)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, KindCity, info.Kind)
			assert.Equal(t, "Paris", NewResolver(dbs, ResolverOptions{}).Locate("81.2.69.142").City)
		})
	}
}

func TestImportReaderCancelled(t *testing.T) {
	dbs := openTestDatabases(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := dbs.ImportReader(ctx, strings.NewReader("data"), 1<<20)
	require.ErrorIs(t, err, context.Canceled)
}

func TestImportRefusesHostileArchives(t *testing.T) {
	asn := readFile(t, writeDB(t, KindASN, asnBlocks()))
	tests := []struct {
		name    string
		archive []byte
		wantErr error
		wantMsg string
	}{
		{"parent directory", tarGz(t, tarEntry{name: "../GeoLite2-ASN.mmdb", body: asn}), ErrUnsupported, "outside the archive"},
		{"absolute path", tarGz(t, tarEntry{name: "/tmp/GeoLite2-ASN.mmdb", body: asn}), ErrUnsupported, "outside the archive"},
		{"nested parent", tarGz(t, tarEntry{name: "a/../../x/GeoLite2-ASN.mmdb", body: asn}), ErrUnsupported, "outside the archive"},
		{"symlink", tarGz(t, tarEntry{name: "GeoLite2-ASN.mmdb", typ: tar.TypeSymlink}), ErrUnsupported, "not a regular file"},
		{"two databases", tarGz(t,
			tarEntry{name: "a/GeoLite2-ASN.mmdb", body: asn},
			tarEntry{name: "b/GeoLite2-ASN.mmdb", body: asn},
		), ErrUnsupported, "more than one database"},
		{"no database", tarGz(t, tarEntry{name: "README.txt", body: []byte("hi")}), ErrNotDatabase, "no .mmdb"},
		{"too many entries", tarGz(t, manyEntries(maxArchiveEntries+1)...), ErrUnsupported, "entries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbs := openTestDatabases(t)
			_, err := dbs.ImportFile(writeFile(t, tt.archive))
			require.ErrorIs(t, err, tt.wantErr)
			assert.Contains(t, err.Error(), tt.wantMsg)
			entries, _ := os.ReadDir(dbs.Dir())
			assert.Len(t, entries, 2, "no temporary files left")
		})
	}
}

func manyEntries(n int) []tarEntry {
	out := make([]tarEntry, n)
	for i := range out {
		out[i] = tarEntry{name: "f" + strings.Repeat("x", i%10) + string(rune('a'+i%26)), body: []byte("x")}
	}
	return out
}

func TestCappedReader(t *testing.T) {
	b, err := io.ReadAll(capReader(strings.NewReader("12345"), 5))
	require.NoError(t, err)
	assert.Equal(t, "12345", string(b))
	_, err = io.ReadAll(capReader(strings.NewReader("123456"), 5))
	require.ErrorIs(t, err, ErrTooLarge)
}
