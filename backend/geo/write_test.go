package geo

import (
	"net/netip"
	"path/filepath"
	"testing"

	"github.com/oschwald/geoip2-golang/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

// TestWriteDatabaseShape reads written files with geoip2 directly: they
// must look like GeoLite2 to any reader, not just to ours.
func TestWriteDatabaseShape(t *testing.T) {
	city, err := geoip2.Open(writeDB(t, KindCity, cityBlocks(london())))
	require.NoError(t, err)
	defer city.Close()
	assert.Equal(t, "GeoLite2-City", city.Metadata().DatabaseType)
	assert.Equal(t, uint(6), city.Metadata().IPVersion)
	assert.Equal(t, uint(28), city.Metadata().RecordSize)

	rec, err := city.City(netip.MustParseAddr("81.2.69.142"))
	require.NoError(t, err)
	assert.Equal(t, "London", rec.City.Names.English)
	assert.Equal(t, "GB", rec.Country.ISOCode)
	assert.Equal(t, "United Kingdom", rec.Country.Names.English)
	require.Len(t, rec.Subdivisions, 1)
	assert.Equal(t, "England", rec.Subdivisions[0].Names.English)
	require.True(t, rec.Location.HasCoordinates())
	assert.InDelta(t, 51.5142, *rec.Location.Latitude, 1e-9)
	assert.InDelta(t, -0.0931, *rec.Location.Longitude, 1e-9)
	assert.Equal(t, uint16(10), rec.Location.AccuracyRadius)
	assert.Equal(t, netip.MustParsePrefix("81.2.69.142/31"), rec.Traits.Network)

	rec, err = city.City(netip.MustParseAddr("67.43.156.1"))
	require.NoError(t, err)
	assert.False(t, rec.Location.HasCoordinates())
	assert.Empty(t, rec.City.Names.English)

	// IPv4 is also reachable through the IPv4-mapped alias.
	rec, err = city.City(netip.MustParseAddr("::ffff:81.2.69.142"))
	require.NoError(t, err)
	assert.Equal(t, "London", rec.City.Names.English)

	asn, err := geoip2.Open(writeDB(t, KindASN, asnBlocks()))
	require.NoError(t, err)
	defer asn.Close()
	assert.Equal(t, "GeoLite2-ASN", asn.Metadata().DatabaseType)
	a, err := asn.ASN(netip.MustParseAddr("1.130.0.1"))
	require.NoError(t, err)
	assert.Equal(t, uint(1221), a.AutonomousSystemNumber)
	assert.Equal(t, "Telstra Pty Ltd", a.AutonomousSystemOrganization)
}

func TestWriteDatabaseErrors(t *testing.T) {
	dir := t.TempDir()
	require.Error(t, WriteDatabase(filepath.Join(dir, "x.mmdb"), "country", nil))
	require.Error(t, WriteDatabase(filepath.Join(dir, "x.mmdb"), KindCity, []Block{{Location: model.Location{City: "Nowhere"}}}))
	require.Error(t, WriteDatabase(filepath.Join(dir, "missing", "x.mmdb"), KindCity, nil))
	assert.NoFileExists(t, filepath.Join(dir, "x.mmdb"))
}
