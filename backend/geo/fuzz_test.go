package geo

import (
	"bytes"
	"context"
	"net/netip"
	"os"
	"testing"

	"github.com/streamwarden/streamwarden/backend/model"
)

func FuzzLocate(f *testing.F) {
	for _, s := range []string{
		"81.2.69.142", "[2001:480:10::1]:8096", "::ffff:10.0.0.1", "fe80::1%eth0",
		"100.64.0.1", "1.2.3.4:32400", "", "[::1", "10.1.2.3",
	} {
		f.Add(s)
	}
	home := model.Location{City: "Home", HasCoordinates: true, Latitude: 1, Longitude: 2}
	r := NewResolver(openTestDatabases(f), ResolverOptions{CacheSize: 256, Log: quietLog()})
	r.SetNetworks([]Network{
		{Prefix: netip.MustParsePrefix("10.1.0.0/16"), Label: "Lodge", Location: &home},
		{Prefix: netip.MustParsePrefix("8.8.8.0/24"), Label: "Label only"},
		{Prefix: netip.MustParsePrefix("2001:db8::/32"), Label: "VPN", Local: true},
	})
	f.Fuzz(func(t *testing.T, s string) {
		loc := r.Locate(s)
		switch loc.Source {
		case model.LocationUnknown, model.LocationLocal:
			if loc.HasCoordinates || loc.Latitude != 0 || loc.Longitude != 0 || loc.Placed() {
				t.Fatalf("%q: %+v has coordinates", s, loc)
			}
		case model.LocationDatabase, model.LocationOverride:
		default:
			t.Fatalf("%q: unknown source %q", s, loc.Source)
		}
		if addr, ok := ParseIP(s); ok {
			if again := r.LocateAddr(addr); again != loc {
				t.Fatalf("%q: Locate %+v, LocateAddr %+v", s, loc, again)
			}
		} else if loc != (model.Location{Source: model.LocationUnknown}) {
			t.Fatalf("%q does not parse but located as %+v", s, loc)
		}
	})
}

// FuzzImport feeds arbitrary bytes to an import: it must fail cleanly, or
// install a database that then answers lookups.
func FuzzImport(f *testing.F) {
	city := readFile(f, writeDB(f, KindCity, cityBlocks(london())))
	f.Add(city)
	f.Add(readFile(f, writeDB(f, KindASN, asnBlocks())))
	f.Add(gzipped(f, city))
	f.Add(tarGz(f, tarEntry{name: "GeoLite2-City_1/GeoLite2-City.mmdb", body: city}))
	f.Add(city[:len(city)-10])
	f.Add([]byte("not a database"))
	f.Fuzz(func(t *testing.T, b []byte) {
		dbs, err := OpenDatabases(t.TempDir(), quietLog())
		if err != nil {
			t.Fatal(err)
		}
		defer dbs.Close()
		info, err := dbs.ImportReader(context.Background(), bytes.NewReader(b), 1<<20)
		entries, _ := os.ReadDir(dbs.Dir())
		if err != nil {
			if len(entries) != 0 {
				t.Fatalf("failed import left %d files", len(entries))
			}
			for _, st := range dbs.Status() {
				if st.Loaded {
					t.Fatalf("failed import loaded %+v", st)
				}
			}
			return
		}
		if !info.Loaded || (info.Kind != KindCity && info.Kind != KindASN) || len(entries) != 1 {
			t.Fatalf("import succeeded with %+v and %d files", info, len(entries))
		}
		r := NewResolver(dbs, ResolverOptions{CacheSize: -1, Log: quietLog()})
		for _, ip := range []string{"81.2.69.142", "1.1.1.1", "2001:480:10::1", "::ffff:1.2.3.4"} {
			loc := r.Locate(ip)
			if loc.Source != model.LocationDatabase && loc.Source != model.LocationUnknown {
				t.Fatalf("%s: source %q", ip, loc.Source)
			}
		}
	})
}
