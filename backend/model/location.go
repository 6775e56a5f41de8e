package model

// LocationSource says where a location came from.
type LocationSource string

const (
	// LocationUnknown: no database, or the database has no data for the
	// address. Unknown is never a point on the map.
	LocationUnknown LocationSource = "unknown"
	// LocationLocal: loopback, private, link-local, CGNAT or a
	// user-defined LAN subnet without a location of its own.
	LocationLocal LocationSource = "local"
	// LocationDatabase: a GeoIP database lookup.
	LocationDatabase LocationSource = "database"
	// LocationOverride: a user-defined subnet or address with a location.
	LocationOverride LocationSource = "override"
)

// Location is where an address is, as far as anyone can tell.
type Location struct {
	Source LocationSource
	// Label is the name the user gave a subnet or address ("Mum's house").
	Label       string
	CountryCode string // ISO 3166-1 alpha-2
	CountryName string
	Region      string
	City        string
	// HasCoordinates is false when the latitude and longitude mean nothing;
	// 0,0 is never used for "unknown".
	HasCoordinates bool
	Latitude       float64
	Longitude      float64
	AccuracyKm     int
	ASN            uint
	ISP            string
}

// Placed reports whether the location can be drawn on a map and used by
// geographic rules.
func (l Location) Placed() bool {
	return l.HasCoordinates && (l.Source == LocationDatabase || l.Source == LocationOverride)
}

// Network is a subnet or single address the user described: a LAN
// (Local, never located) or a named place whose own location takes
// precedence over any database.
type Network struct {
	ID          int64
	CIDR        string
	Label       string
	Local       bool
	HasLocation bool
	CountryCode string
	City        string
	Latitude    float64
	Longitude   float64
}
