package geo

import (
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func TestOpenDatabasesWithoutFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "geoip")
	dbs, err := OpenDatabases(dir, quietLog())
	require.NoError(t, err)
	assert.DirExists(t, dir)
	assert.Equal(t, []DatabaseInfo{{Kind: KindCity}, {Kind: KindASN}}, dbs.Status())

	r := NewResolver(dbs, ResolverOptions{})
	assert.Equal(t, model.Location{Source: model.LocationUnknown}, r.Locate("81.2.69.142"))
	assert.Equal(t, model.LocationLocal, r.Locate("192.168.1.2").Source)
}

func TestOpenDatabasesIgnoresBadFiles(t *testing.T) {
	tests := []struct {
		name    string
		city    func(t *testing.T) []byte
		wantErr string
	}{
		{"garbage", func(*testing.T) []byte { return []byte("hello, world") }, "not a GeoIP database"},
		{"empty", func(*testing.T) []byte { return nil }, "the file is empty"},
		{"asn in the city slot", func(t *testing.T) []byte {
			return readFile(t, writeDB(t, KindASN, asnBlocks()))
		}, "expected a City database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "city.mmdb"), tt.city(t), 0o644))
			require.NoError(t, WriteDatabase(filepath.Join(dir, "asn.mmdb"), KindASN, asnBlocks()))
			dbs, err := OpenDatabases(dir, quietLog())
			require.NoError(t, err)

			st := dbs.Status()
			assert.False(t, st[0].Loaded)
			assert.Contains(t, st[0].Error, tt.wantErr)
			assert.Equal(t, filepath.Join(dir, "city.mmdb"), st[0].Path)
			assert.True(t, st[1].Loaded)

			loc := NewResolver(dbs, ResolverOptions{}).Locate("89.160.20.115")
			assert.Equal(t, model.Location{Source: model.LocationDatabase, ASN: 29518, ISP: "Bredband2 AB"}, loc)
		})
	}
}

func TestOpenDatabasesRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, tempPrefix+"123")
	require.NoError(t, os.WriteFile(stale, []byte("x"), 0o644))
	_, err := OpenDatabases(dir, quietLog())
	require.NoError(t, err)
	assert.NoFileExists(t, stale)
}

func TestStatus(t *testing.T) {
	before := time.Now().Add(-time.Second).UTC()
	dbs := openTestDatabases(t)
	st := dbs.Status()
	require.Len(t, st, 2)
	for i, want := range []struct {
		kind   Kind
		dbType string
	}{{KindCity, "GeoLite2-City"}, {KindASN, "GeoLite2-ASN"}} {
		got := st[i]
		assert.Equal(t, want.kind, got.Kind)
		assert.Equal(t, want.dbType, got.DatabaseType)
		assert.True(t, got.Loaded)
		assert.Empty(t, got.Error)
		assert.Equal(t, filepath.Join(dbs.Dir(), string(want.kind)+".mmdb"), got.Path)
		fi, err := os.Stat(got.Path)
		require.NoError(t, err)
		assert.Equal(t, fi.Size(), got.Size)
		assert.WithinRange(t, got.BuildTime, before.Truncate(time.Second), time.Now().UTC())
		assert.Equal(t, time.UTC, got.BuildTime.Location())
	}
}

func TestInstallSwapsDatabase(t *testing.T) {
	dbs := openTestDatabases(t)
	r := NewResolver(dbs, ResolverOptions{})
	gen := dbs.Generation()
	assert.Equal(t, "London", r.Locate("81.2.69.142").City)

	info, err := dbs.Install(KindCity, writeDB(t, KindCity, cityBlocks(paris())))
	require.NoError(t, err)
	assert.Equal(t, KindCity, info.Kind)
	assert.True(t, info.Loaded)
	assert.Equal(t, filepath.Join(dbs.Dir(), "city.mmdb"), info.Path)
	assert.Greater(t, dbs.Generation(), gen)
	assert.Equal(t, "Paris", r.Locate("81.2.69.142").City)

	entries, err := os.ReadDir(dbs.Dir())
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"city.mmdb", "asn.mmdb"}, names, "no temporary files left")
}

func TestInstallRefusesBadFiles(t *testing.T) {
	valid := func(t *testing.T) []byte { return readFile(t, writeDB(t, KindCity, cityBlocks(paris()))) }
	tests := []struct {
		name    string
		kind    Kind
		file    func(t *testing.T) []byte
		wantIs  error
		wantMsg string
	}{
		{"text file", KindCity, func(*testing.T) []byte { return []byte("GeoLite2-City.mmdb\n") }, ErrNotDatabase, "not a GeoIP database"},
		{"empty file", KindCity, func(*testing.T) []byte { return []byte{} }, ErrNotDatabase, "empty"},
		{"truncated", KindCity, func(t *testing.T) []byte { b := valid(t); return b[:len(b)/2] }, ErrNotDatabase, "truncated"},
		{"corrupt tree", KindCity, func(t *testing.T) []byte {
			b := valid(t)
			for i := range 96 {
				b[i] = 0xff
			}
			return b
		}, ErrCorrupt, "truncated or corrupt"},
		{"asn given as city", KindCity, func(t *testing.T) []byte { return readFile(t, writeDB(t, KindASN, asnBlocks())) },
			ErrWrongKind, "this is an ASN database (GeoLite2-ASN), expected a City database"},
		{"city given as asn", KindASN, valid, ErrWrongKind, "this is a City database (GeoLite2-City), expected an ASN database"},
		{"gzip of text", KindCity, func(t *testing.T) []byte { return gzipped(t, []byte("nope")) }, ErrNotDatabase, "not a GeoIP database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbs := openTestDatabases(t)
			r := NewResolver(dbs, ResolverOptions{CacheSize: -1})
			cityBefore := readFile(t, filepath.Join(dbs.Dir(), "city.mmdb"))
			asnBefore := readFile(t, filepath.Join(dbs.Dir(), "asn.mmdb"))
			gen := dbs.Generation()

			_, err := dbs.Install(tt.kind, writeFile(t, tt.file(t)))
			require.ErrorIs(t, err, tt.wantIs)
			assert.Contains(t, err.Error(), tt.wantMsg)

			assert.Equal(t, gen, dbs.Generation())
			assert.Equal(t, cityBefore, readFile(t, filepath.Join(dbs.Dir(), "city.mmdb")))
			assert.Equal(t, asnBefore, readFile(t, filepath.Join(dbs.Dir(), "asn.mmdb")))
			assert.Equal(t, dbLocation(london(), 20712, "Andrews & Arnold Ltd"), r.Locate("81.2.69.142"))
			entries, err := os.ReadDir(dbs.Dir())
			require.NoError(t, err)
			assert.Len(t, entries, 2, "no temporary files left")
		})
	}
}

func TestInstallUnknownKind(t *testing.T) {
	dbs := openTestDatabases(t)
	_, err := dbs.Install("country", writeDB(t, KindCity, cityBlocks(london())))
	require.Error(t, err)
}

func TestInstallAfterClose(t *testing.T) {
	dbs := openTestDatabases(t)
	require.NoError(t, dbs.Close())
	assert.Equal(t, model.LocationUnknown, NewResolver(dbs, ResolverOptions{}).Locate("81.2.69.142").Source)
	_, err := dbs.Install(KindCity, writeDB(t, KindCity, cityBlocks(london())))
	require.Error(t, err)
}

// TestHotSwapUnderLoad swaps the City database over and over while
// lookups run; run it with -race. A reader closed too early would crash.
func TestHotSwapUnderLoad(t *testing.T) {
	dbs := openTestDatabases(t)
	r := NewResolver(dbs, ResolverOptions{CacheSize: -1})
	sources := []string{
		writeDB(t, KindCity, cityBlocks(paris())),
		writeDB(t, KindCity, cityBlocks(london())),
	}
	var stop atomic.Bool
	var lookups atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for !stop.Load() {
				loc := r.Locate("81.2.69.142")
				if loc.City != "London" && loc.City != "Paris" {
					t.Errorf("unexpected location %+v", loc)
					return
				}
				assert.Equal(t, uint(20712), loc.ASN)
				lookups.Add(1)
			}
		})
	}
	for i := range 40 {
		_, err := dbs.Install(KindCity, sources[i%2])
		require.NoError(t, err)
	}
	stop.Store(true)
	wg.Wait()
	assert.Positive(t, lookups.Load())
	assert.Equal(t, "London", r.Locate("81.2.69.142").City)
}
