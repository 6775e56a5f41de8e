package geo

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func TestLocateDatabase(t *testing.T) {
	r := NewResolver(openTestDatabases(t), ResolverOptions{Log: quietLog()})
	unknown := model.Location{Source: model.LocationUnknown}
	local := model.Location{Source: model.LocationLocal}
	tests := []struct {
		ip   string
		want model.Location
	}{
		{"81.2.69.142", dbLocation(london(), 20712, "Andrews & Arnold Ltd")},
		{"81.2.69.143:32400", dbLocation(london(), 20712, "Andrews & Arnold Ltd")},
		{"::ffff:81.2.69.142", dbLocation(london(), 20712, "Andrews & Arnold Ltd")},
		// In the ASN database only.
		{"81.2.69.1", model.Location{Source: model.LocationDatabase, ASN: 20712, ISP: "Andrews & Arnold Ltd"}},
		{"1.128.0.1", model.Location{Source: model.LocationDatabase, ASN: 1221, ISP: "Telstra Pty Ltd"}},
		// A country without coordinates stays off the map.
		{"67.43.156.7", model.Location{Source: model.LocationDatabase, CountryCode: "BT", CountryName: "Bhutan"}},
		{"[2001:480:10::1]:8096", dbLocation(model.Location{
			CountryCode: "US", CountryName: "United States", Region: "California", City: "San Diego",
			HasCoordinates: true, Latitude: 32.7203, Longitude: -117.1552, AccuracyKm: 100,
		}, 0, "")},
		{"203.0.113.50", dbLocation(model.Location{
			CountryCode: "NZ", CountryName: "New Zealand", City: "Testville",
			HasCoordinates: true, Latitude: -41.28, Longitude: 174.77, AccuracyKm: 5,
		}, 0, "")},
		// Not in either database: unknown, never 0,0.
		{"8.8.8.8", unknown},
		{"2a00:1450::1", unknown},
		// Local classes are never looked up.
		{"192.168.1.10", local},
		{"100.64.0.1", local},
		{"fe80::1%eth0", local},
		{"::1", local},
		{"", unknown},
		{"garbage", unknown},
		{"1.2.3.4.5", unknown},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			got := r.Locate(tt.ip)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.want, r.Locate(tt.ip), "cached")
			if tt.want.Source == model.LocationUnknown || tt.want.Source == model.LocationLocal {
				assert.False(t, got.Placed())
			}
		})
	}
}

func TestLocateAddrInvalid(t *testing.T) {
	r := NewResolver(nil, ResolverOptions{})
	assert.Equal(t, model.Location{Source: model.LocationUnknown}, r.LocateAddr(netip.Addr{}))
	assert.Equal(t, model.Location{Source: model.LocationUnknown}, r.Locate("81.2.69.142"))
	assert.Equal(t, model.LocationLocal, r.LocateAddr(netip.MustParseAddr("::ffff:10.1.2.3")).Source)
}

func TestNetworks(t *testing.T) {
	home := model.Location{City: "Mum's town", CountryCode: "GB", HasCoordinates: true, Latitude: 52, Longitude: -1}
	office := model.Location{City: "Office", CountryCode: "SE", HasCoordinates: true, Latitude: 59, Longitude: 18, ASN: 64512, ISP: "Office ISP"}
	nets := []Network{
		{Prefix: netip.MustParsePrefix("10.0.0.0/8"), Label: "Big LAN", Local: true},
		{Prefix: netip.MustParsePrefix("10.1.0.0/16"), Label: "Lodge", Location: &home},
		{Prefix: netip.MustParsePrefix("10.1.2.3/32"), Label: "Lodge TV", Local: true},
		{Prefix: netip.MustParsePrefix("81.2.69.142/32"), Label: "Mum's house", Location: &home},
		{Prefix: netip.MustParsePrefix("89.160.20.0/24"), Label: "Office", Location: &office},
		{Prefix: netip.MustParsePrefix("198.51.100.0/24"), Label: "Tailscale exit", Local: true},
		{Prefix: netip.MustParsePrefix("2001:480:10::/48"), Label: "Friend"},
		{Prefix: netip.MustParsePrefix("2001:db8::7/128"), Label: "Laptop", Local: true},
		{Prefix: netip.MustParsePrefix("::ffff:192.0.2.0/120"), Label: "Mapped", Local: true},
		{Label: "invalid"},
	}
	r := NewResolver(openTestDatabases(t), ResolverOptions{Log: quietLog()})
	r.SetNetworks(nets)

	override := func(l model.Location, label string, asn uint, isp string) model.Location {
		l.Source, l.Label = model.LocationOverride, label
		if asn != 0 {
			l.ASN, l.ISP = asn, isp
		}
		return l
	}
	tests := []struct {
		ip   string
		want model.Location
	}{
		{"10.9.9.9", model.Location{Source: model.LocationLocal, Label: "Big LAN"}},
		{"10.1.9.9", override(home, "Lodge", 0, "")},
		{"10.1.2.3", model.Location{Source: model.LocationLocal, Label: "Lodge TV"}},
		// An override beats the database; the ASN still comes from it.
		{"81.2.69.142", override(home, "Mum's house", 20712, "Andrews & Arnold Ltd")},
		{"81.2.69.143", dbLocation(london(), 20712, "Andrews & Arnold Ltd")},
		// An override with its own ISP keeps it.
		{"89.160.20.115", override(office, "Office", 64512, "Office ISP")},
		{"198.51.100.4", model.Location{Source: model.LocationLocal, Label: "Tailscale exit"}},
		// A label alone names whatever the database says.
		{"2001:480:10::1", model.Location{
			Source: model.LocationDatabase, Label: "Friend",
			CountryCode: "US", CountryName: "United States", Region: "California", City: "San Diego",
			HasCoordinates: true, Latitude: 32.7203, Longitude: -117.1552, AccuracyKm: 100,
		}},
		{"[2001:db8::7]:8096", model.Location{Source: model.LocationLocal, Label: "Laptop"}},
		{"2001:db8::8", model.Location{Source: model.LocationUnknown}},
		{"192.0.2.9", model.Location{Source: model.LocationLocal, Label: "Mapped"}},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			assert.Equal(t, tt.want, r.Locate(tt.ip))
		})
	}
}

func TestCacheInvalidation(t *testing.T) {
	dbs := openTestDatabases(t)
	r := NewResolver(dbs, ResolverOptions{})
	require.Equal(t, "London", r.Locate("81.2.69.142").City)

	_, err := dbs.Install(KindCity, writeDB(t, KindCity, cityBlocks(paris())))
	require.NoError(t, err)
	assert.Equal(t, "Paris", r.Locate("81.2.69.142").City, "a swap invalidates the cache")

	home := model.Location{City: "Home", HasCoordinates: true, Latitude: 1, Longitude: 2}
	r.SetNetworks([]Network{{Prefix: netip.MustParsePrefix("81.2.69.142/32"), Label: "Home", Location: &home}})
	assert.Equal(t, "Home", r.Locate("81.2.69.142").City, "new networks invalidate the cache")

	r.SetNetworks(nil)
	assert.Equal(t, "Paris", r.Locate("81.2.69.142").City)

	require.NoError(t, dbs.Close())
	assert.Equal(t, model.LocationUnknown, r.Locate("81.2.69.142").Source, "closing invalidates the cache")
}

func TestCacheBounded(t *testing.T) {
	c := newCache(64)
	e := epoch{db: 1}
	for i := range 10_000 {
		addr := netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)})
		c.put(addr, e, model.Location{City: addr.String()})
		got, ok := c.get(addr, e)
		require.True(t, ok)
		require.Equal(t, addr.String(), got.City)
	}
	total := 0
	for i := range c.shards {
		assert.LessOrEqual(t, len(c.shards[i].m), c.perShard)
		total += len(c.shards[i].m)
	}
	assert.LessOrEqual(t, total, 64)
	assert.Greater(t, total, 32, "the hash spreads addresses over the shards")

	_, ok := c.get(netip.MustParseAddr("10.0.39.15"), epoch{db: 2})
	assert.False(t, ok, "another epoch never hits")
}
