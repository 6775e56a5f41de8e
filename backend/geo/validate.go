package geo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"strings"

	"github.com/oschwald/geoip2-golang/v2"
	"github.com/oschwald/maxminddb-golang/v2"
)

// Reasons a file is refused; the returned errors wrap one of these and add
// the details.
var (
	ErrNotDatabase = errors.New("not a GeoIP database")
	ErrCorrupt     = errors.New("the database file is truncated or corrupt")
	ErrWrongKind   = errors.New("wrong kind of database")
	ErrUnsupported = errors.New("unsupported database")
	ErrTooLarge    = errors.New("file is too large")
)

// metadataMarker opens the metadata section at the end of every MaxMind DB
// file; the specification caps that section at 128 KiB.
func metadataMarker() []byte { return []byte("\xab\xcd\xefMaxMind.com") }

const metadataMaxSize = 128 << 10

// openHandle opens path as a database of kind want ("" = whatever it is).
// With verify it walks the whole file, which catches corruption that a few
// probe lookups would miss; files we installed were verified then.
func openHandle(path string, want Kind, verify bool) (*handle, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("reading database: %w", err)
	}
	if err := checkMarker(path, st.Size()); err != nil {
		return nil, err
	}
	info, err := classify(path, want)
	if err != nil {
		return nil, err
	}
	r, err := maxminddb.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	// The verifier is a little stricter than the format (it wants a
	// non-empty description, for instance); MaxMind checks its own files
	// with it before release.
	if verify {
		if err := r.Verify(); err != nil {
			_ = r.Close()
			return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
	}
	info.Path, info.Size, info.Loaded = path, st.Size(), true
	return newHandle(r, info), nil
}

// classify reads the metadata through geoip2, whose list of database types
// decides what is accepted, and probes a few lookups with its models so the
// records are known to have the GeoIP2 shape. Lookups later decode only the
// fields a Location needs, straight from maxminddb: decoding every name in
// eight languages, as geoip2's City does, costs half of an uncached lookup.
func classify(path string, want Kind) (DatabaseInfo, error) {
	r, err := geoip2.Open(path)
	if r != nil {
		defer r.Close()
	}
	if err != nil {
		if typeErr, ok := errors.AsType[geoip2.UnknownDatabaseTypeError](err); ok {
			return DatabaseInfo{}, fmt.Errorf("%w: database type %q is not one of the GeoIP2, GeoLite2 or DB-IP City or ASN types",
				ErrUnsupported, typeErr.DatabaseType)
		}
		return DatabaseInfo{}, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return describe(r, want)
}

func checkMarker(path string, size int64) error {
	if size == 0 {
		return fmt.Errorf("%w: the file is empty", ErrNotDatabase)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading database: %w", err)
	}
	defer f.Close()
	tail := min(size, metadataMaxSize)
	buf := make([]byte, tail)
	if _, err := f.ReadAt(buf, size-tail); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("reading database: %w", err)
	}
	if !bytes.Contains(buf, metadataMarker()) {
		return fmt.Errorf("%w: no MaxMind DB metadata at the end of the file (or the file is truncated)", ErrNotDatabase)
	}
	return nil
}

func describe(r *geoip2.Reader, want Kind) (DatabaseInfo, error) {
	meta := r.Metadata()
	kind, err := kindOf(meta.DatabaseType)
	if err != nil {
		return DatabaseInfo{}, err
	}
	if want != "" && kind != want {
		return DatabaseInfo{}, fmt.Errorf("%w: this is %s database (%s), expected %s database",
			ErrWrongKind, article(kind), meta.DatabaseType, article(want))
	}
	if err := probe(r, kind, meta.IPVersion); err != nil {
		return DatabaseInfo{}, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return DatabaseInfo{
		Kind:         kind,
		DatabaseType: meta.DatabaseType,
		BuildTime:    meta.BuildTime().UTC(),
	}, nil
}

func article(k Kind) string {
	if k == KindASN {
		return "an ASN"
	}
	return "a City"
}

// kindOf maps metadata database types to a Kind. geoip2 has already refused
// types it does not know, so this only sorts the known ones: GeoIP2 and
// GeoLite2 City, Enterprise, DB-IP "DBIP-City-Lite" and "DBIP-Location
// (compat=City)" are City; GeoLite2-ASN, "DBIP-ASN-Lite (compat=GeoLite2-ASN)"
// and GeoIP2-ISP (a superset of ASN) are ASN.
func kindOf(dbType string) (Kind, error) {
	t := strings.ToLower(dbType)
	switch {
	case strings.Contains(t, "city") || strings.Contains(t, "enterprise"):
		return KindCity, nil
	case strings.Contains(t, "asn") || strings.HasSuffix(t, "-isp"):
		return KindASN, nil
	case strings.Contains(t, "country"):
		return "", fmt.Errorf("%w: %q is a country database; a City database is needed", ErrUnsupported, dbType)
	default:
		return "", fmt.Errorf("%w: %q is not a City or ASN database", ErrUnsupported, dbType)
	}
}

// probe decodes a few records so a file whose metadata is intact but whose
// data is not fails now rather than on every lookup.
func probe(r *geoip2.Reader, kind Kind, ipVersion uint) error {
	addrs := []netip.Addr{netip.AddrFrom4([4]byte{1, 1, 1, 1}), netip.AddrFrom4([4]byte{8, 8, 8, 8})}
	if ipVersion == 6 {
		addrs = append(addrs, netip.MustParseAddr("2001:4860:4860::8888"))
	}
	for _, a := range addrs {
		var err error
		if kind == KindCity {
			_, err = r.City(a)
		} else {
			_, err = r.ASN(a)
		}
		if err != nil {
			return fmt.Errorf("looking up %s: %w", a, err)
		}
	}
	return nil
}
