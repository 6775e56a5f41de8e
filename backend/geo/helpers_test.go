package geo

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"log/slog"
	"net/netip"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func quietLog() *slog.Logger { return slog.New(slog.DiscardHandler) }

func london() model.Location {
	return model.Location{
		CountryCode: "GB", CountryName: "United Kingdom", Region: "England", City: "London",
		HasCoordinates: true, Latitude: 51.5142, Longitude: -0.0931, AccuracyKm: 10,
	}
}

func paris() model.Location {
	return model.Location{
		CountryCode: "FR", CountryName: "France", Region: "Île-de-France", City: "Paris",
		HasCoordinates: true, Latitude: 48.8566, Longitude: 2.3522, AccuracyKm: 20,
	}
}

// cityBlocks is the test City database; the addresses follow MaxMind's
// test data where it has them.
func cityBlocks(where81 model.Location) []Block {
	return []Block{
		{netip.MustParsePrefix("81.2.69.142/31"), where81},
		{netip.MustParsePrefix("89.160.20.112/28"), model.Location{
			CountryCode: "SE", CountryName: "Sweden", Region: "Östergötland County", City: "Linköping",
			HasCoordinates: true, Latitude: 58.4167, Longitude: 15.6167, AccuracyKm: 76,
		}},
		// Country only: no city, no coordinates.
		{netip.MustParsePrefix("67.43.156.0/24"), model.Location{CountryCode: "BT", CountryName: "Bhutan"}},
		{netip.MustParsePrefix("2001:480::/43"), model.Location{
			CountryCode: "US", CountryName: "United States", Region: "California", City: "San Diego",
			HasCoordinates: true, Latitude: 32.7203, Longitude: -117.1552, AccuracyKm: 100,
		}},
		// A documentation range, normally reserved.
		{netip.MustParsePrefix("203.0.113.0/24"), model.Location{
			CountryCode: "NZ", CountryName: "New Zealand", City: "Testville",
			HasCoordinates: true, Latitude: -41.28, Longitude: 174.77, AccuracyKm: 5,
		}},
	}
}

func asnBlocks() []Block {
	return []Block{
		{netip.MustParsePrefix("89.160.20.112/28"), model.Location{ASN: 29518, ISP: "Bredband2 AB"}},
		{netip.MustParsePrefix("1.128.0.0/11"), model.Location{ASN: 1221, ISP: "Telstra Pty Ltd"}},
		{netip.MustParsePrefix("81.2.69.0/24"), model.Location{ASN: 20712, ISP: "Andrews & Arnold Ltd"}},
	}
}

// writeDB writes a database into a fresh temporary directory.
func writeDB(t testing.TB, kind Kind, blocks []Block) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), string(kind)+"-src.mmdb")
	require.NoError(t, WriteDatabase(path, kind, blocks))
	return path
}

// openTestDatabases opens a directory holding the test City and ASN databases.
func openTestDatabases(t testing.TB) *Databases {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, WriteDatabase(filepath.Join(dir, "city.mmdb"), KindCity, cityBlocks(london())))
	require.NoError(t, WriteDatabase(filepath.Join(dir, "asn.mmdb"), KindASN, asnBlocks()))
	dbs, err := OpenDatabases(dir, quietLog())
	require.NoError(t, err)
	t.Cleanup(func() { _ = dbs.Close() })
	return dbs
}

type tarEntry struct {
	name string
	body []byte
	typ  byte
}

func tarGz(t testing.TB, entries ...tarEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		hdr := &tar.Header{Name: e.name, Mode: 0o644, Size: int64(len(e.body)), Typeflag: e.typ}
		if e.typ == 0 {
			hdr.Typeflag = tar.TypeReg
		}
		if hdr.Typeflag == tar.TypeSymlink {
			hdr.Linkname, hdr.Size = "/etc/passwd", 0
		}
		require.NoError(t, tw.WriteHeader(hdr))
		if hdr.Size > 0 {
			_, err := tw.Write(e.body)
			require.NoError(t, err)
		}
	}
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	return buf.Bytes()
}

func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	_, err := gz.Write(b)
	require.NoError(t, err)
	require.NoError(t, gz.Close())
	return buf.Bytes()
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

func writeFile(t testing.TB, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	return path
}

// dbLocation is what the resolver should return for an address found in
// the test databases.
func dbLocation(l model.Location, asn uint, isp string) model.Location {
	l.Source = model.LocationDatabase
	l.ASN, l.ISP = asn, isp
	return l
}
