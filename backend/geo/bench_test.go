package geo

import (
	"fmt"
	"math/rand/v2"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"testing"

	"github.com/maxmind/mmdbwriter"
	"github.com/maxmind/mmdbwriter/mmdbtype"
	"github.com/stretchr/testify/require"
)

const (
	benchNetworks = 40_000
	benchCities   = 2_000
)

// benchDatabases writes City and ASN databases shaped like the real
// GeoLite2 ones: tens of thousands of networks, and city records with
// names in eight languages, continent, registered country, postal code and
// time zone, so decoding costs what it does in production.
func benchDatabases(b *testing.B) (*Databases, []string) {
	b.Helper()
	dir := b.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	city := newBenchTree(b, "GeoLite2-City")
	asn := newBenchTree(b, "GeoLite2-ASN")
	records := make([]mmdbtype.Map, benchCities)
	for i := range records {
		records[i] = realisticCity(i)
	}
	var addrs []string
	seen := map[[3]byte]bool{}
	for len(addrs) < benchNetworks {
		n := [3]byte{byte(1 + rng.IntN(222)), byte(rng.IntN(256)), byte(rng.IntN(256))}
		if seen[n] || IsLocal(netip.AddrFrom4([4]byte{n[0], n[1], n[2], 1})) {
			continue
		}
		seen[n] = true
		network := &net.IPNet{IP: net.IPv4(n[0], n[1], n[2], 0).To4(), Mask: net.CIDRMask(24, 32)}
		require.NoError(b, city.Insert(network, records[rng.IntN(benchCities)]))
		require.NoError(b, asn.Insert(network, mmdbtype.Map{
			"autonomous_system_number":       mmdbtype.Uint32(1000 + rng.IntN(5000)),
			"autonomous_system_organization": mmdbtype.String(fmt.Sprintf("Provider %d Ltd", rng.IntN(5000))),
		}))
		addrs = append(addrs, fmt.Sprintf("%d.%d.%d.%d", n[0], n[1], n[2], 1+rng.IntN(254)))
	}
	writeBenchTree(b, city, filepath.Join(dir, "city.mmdb"))
	writeBenchTree(b, asn, filepath.Join(dir, "asn.mmdb"))
	dbs, err := OpenDatabases(dir, quietLog())
	require.NoError(b, err)
	b.Cleanup(func() { _ = dbs.Close() })
	return dbs, addrs
}

func newBenchTree(b *testing.B, dbType string) *mmdbwriter.Tree {
	tree, err := mmdbwriter.New(mmdbwriter.Options{DatabaseType: dbType, RecordSize: 28, IPVersion: 6, IncludeReservedNetworks: true})
	require.NoError(b, err)
	return tree
}

func writeBenchTree(b *testing.B, tree *mmdbwriter.Tree, path string) {
	f, err := os.Create(path)
	require.NoError(b, err)
	_, err = tree.WriteTo(f)
	require.NoError(b, err)
	require.NoError(b, f.Close())
}

func realisticCity(i int) mmdbtype.Map {
	names := func(s string) mmdbtype.Map {
		m := mmdbtype.Map{}
		for _, lang := range []string{"de", "en", "es", "fr", "ja", "pt-BR", "ru", "zh-CN"} {
			m[mmdbtype.String(lang)] = mmdbtype.String(fmt.Sprintf("%s %s", s, lang))
		}
		return m
	}
	country := mmdbtype.Map{
		"geoname_id": mmdbtype.Uint32(2635167 + i%200), "iso_code": mmdbtype.String(fmt.Sprintf("C%c", 'A'+i%26)),
		"names": names(fmt.Sprintf("Country %d", i%200)),
	}
	return mmdbtype.Map{
		"city":               mmdbtype.Map{"geoname_id": mmdbtype.Uint32(i), "names": names(fmt.Sprintf("City %d", i))},
		"continent":          mmdbtype.Map{"code": mmdbtype.String("EU"), "geoname_id": mmdbtype.Uint32(6255148), "names": names("Europe")},
		"country":            country,
		"registered_country": country,
		"location": mmdbtype.Map{
			"accuracy_radius": mmdbtype.Uint16(20 + i%500),
			"latitude":        mmdbtype.Float64(float64(i%180) - 90 + 0.5),
			"longitude":       mmdbtype.Float64(float64(i%360) - 180 + 0.5),
			"time_zone":       mmdbtype.String("Europe/London"),
		},
		"postal": mmdbtype.Map{"code": mmdbtype.String(fmt.Sprintf("P%d", i))},
		"subdivisions": mmdbtype.Slice{mmdbtype.Map{
			"geoname_id": mmdbtype.Uint32(6269131 + i%100), "iso_code": mmdbtype.String("ENG"),
			"names": names(fmt.Sprintf("Region %d", i%100)),
		}},
	}
}

func BenchmarkLocateCached(b *testing.B) {
	dbs, addrs := benchDatabases(b)
	r := NewResolver(dbs, ResolverOptions{})
	addrs = addrs[:1024]
	for _, a := range addrs {
		r.Locate(a)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		r.Locate(addrs[i%len(addrs)])
	}
}

func BenchmarkLocateUncached(b *testing.B) {
	dbs, addrs := benchDatabases(b)
	r := NewResolver(dbs, ResolverOptions{CacheSize: -1})
	if loc := r.Locate(addrs[0]); loc.City == "" || loc.ASN == 0 {
		b.Fatalf("benchmark address not in both databases: %+v", loc)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		r.Locate(addrs[i%len(addrs)])
	}
}

func BenchmarkLocateParallel(b *testing.B) {
	for _, bc := range []struct {
		name  string
		cache int
	}{{"cached", 0}, {"uncached", -1}} {
		b.Run(bc.name, func(b *testing.B) {
			dbs, addrs := benchDatabases(b)
			r := NewResolver(dbs, ResolverOptions{CacheSize: bc.cache})
			addrs = addrs[:4096]
			for _, a := range addrs {
				r.Locate(a)
			}
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				i := rand.IntN(len(addrs))
				for pb.Next() {
					r.Locate(addrs[i%len(addrs)])
					i++
				}
			})
		})
	}
}
