package geo

import (
	"fmt"
	"io"
	"net"
	"net/netip"

	"github.com/maxmind/mmdbwriter"
	"github.com/maxmind/mmdbwriter/mmdbtype"

	"github.com/streamwarden/streamwarden/backend/model"
)

// Block is one network of a database WriteDatabase writes.
type Block struct {
	Prefix   netip.Prefix
	Location model.Location
}

// WriteDatabase writes a database shaped like GeoLite2-City (for KindCity)
// or GeoLite2-ASN (for KindASN), so readers treat it as the real thing. The
// demo mode places its simulated clients with it, and tests use it instead
// of vendored files. Later blocks win where they overlap. Reserved ranges
// (documentation, private) are allowed so demos and tests can use them.
func WriteDatabase(path string, kind Kind, blocks []Block) error {
	dbType := map[Kind]string{KindCity: "GeoLite2-City", KindASN: "GeoLite2-ASN"}[kind]
	if dbType == "" {
		return fmt.Errorf("writing database: unknown kind %q", kind)
	}
	tree, err := mmdbwriter.New(mmdbwriter.Options{
		DatabaseType:            dbType,
		Description:             map[string]string{"en": "Streamwarden " + dbType + " database"},
		Languages:               []string{"en"},
		IPVersion:               6,
		RecordSize:              28,
		IncludeReservedNetworks: true,
	})
	if err != nil {
		return fmt.Errorf("writing database: %w", err)
	}
	for _, b := range blocks {
		p, ok := normalizePrefix(b.Prefix)
		if !ok {
			return fmt.Errorf("writing database: invalid prefix %v", b.Prefix)
		}
		record := cityMap(b.Location)
		if kind == KindASN {
			record = asnMap(b.Location)
		}
		network := &net.IPNet{IP: p.Addr().AsSlice(), Mask: net.CIDRMask(p.Bits(), p.Addr().BitLen())}
		if err := tree.Insert(network, record); err != nil {
			return fmt.Errorf("writing database: inserting %v: %w", p, err)
		}
	}
	err = writeFileAtomic(path, func(w io.Writer) error {
		_, err := tree.WriteTo(w)
		return err
	})
	if err != nil {
		return fmt.Errorf("writing database: %w", err)
	}
	return nil
}

// named is a record with an English name, as GeoLite2 writes places.
func named(en string) mmdbtype.Map {
	m := mmdbtype.Map{}
	if en != "" {
		m["names"] = mmdbtype.Map{"en": mmdbtype.String(en)}
	}
	return m
}

func cityMap(l model.Location) mmdbtype.Map {
	m := mmdbtype.Map{}
	if l.City != "" {
		m["city"] = named(l.City)
	}
	if l.CountryCode != "" || l.CountryName != "" {
		country := named(l.CountryName)
		if l.CountryCode != "" {
			country["iso_code"] = mmdbtype.String(l.CountryCode)
		}
		m["country"] = country
	}
	if l.Region != "" {
		m["subdivisions"] = mmdbtype.Slice{named(l.Region)}
	}
	if l.HasCoordinates {
		location := mmdbtype.Map{
			"latitude":  mmdbtype.Float64(l.Latitude),
			"longitude": mmdbtype.Float64(l.Longitude),
		}
		if l.AccuracyKm > 0 {
			location["accuracy_radius"] = mmdbtype.Uint16(min(l.AccuracyKm, 1<<16-1))
		}
		m["location"] = location
	}
	return m
}

func asnMap(l model.Location) mmdbtype.Map {
	m := mmdbtype.Map{}
	if l.ASN != 0 {
		m["autonomous_system_number"] = mmdbtype.Uint32(l.ASN)
	}
	if l.ISP != "" {
		m["autonomous_system_organization"] = mmdbtype.String(l.ISP)
	}
	return m
}
