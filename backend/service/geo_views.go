package service

import (
	"math"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/streamwarden/streamwarden/backend/geo"
	"github.com/streamwarden/streamwarden/backend/model"
)

const maxLabelLen = 100

func locationView(l model.Location) LocationView {
	source := string(l.Source)
	if source == "" {
		source = string(model.LocationUnknown)
	}
	return LocationView{
		Source: source, Label: l.Label, CountryCode: l.CountryCode, CountryName: l.CountryName, Region: l.Region,
		City: l.City, HasCoordinates: l.Placed(), Latitude: l.Latitude, Longitude: l.Longitude,
		AccuracyKm: l.AccuracyKm, ASN: l.ASN, ISP: l.ISP,
	}
}

func databaseView(d geo.DatabaseInfo) GeoDatabaseView {
	return GeoDatabaseView{Kind: string(d.Kind), DatabaseType: d.DatabaseType, BuildTime: unixMilli(d.BuildTime),
		Size: d.Size, Loaded: d.Loaded}
}

func networkView(n model.Network) GeoNetworkView {
	return GeoNetworkView{ID: n.ID, CIDR: n.CIDR, Label: n.Label, Local: n.Local, HasLocation: n.HasLocation,
		CountryCode: n.CountryCode, City: n.City, Latitude: n.Latitude, Longitude: n.Longitude}
}

// networkFrom checks what the user entered for a network.
func networkFrom(v GeoNetworkView) (model.Network, error) {
	prefix, err := parseNetwork(v.CIDR)
	if err != nil {
		return model.Network{}, invalid("cidr", "Enter an address (203.0.113.7) or a subnet (192.168.1.0/24, 2001:db8::/64).")
	}
	n := model.Network{ID: v.ID, CIDR: prefix.String(), Label: strings.TrimSpace(v.Label), Local: v.Local}
	if prefix.IsSingleIP() {
		n.CIDR = prefix.Addr().String()
	}
	if len(n.Label) > maxLabelLen {
		return model.Network{}, invalid("label", "The name is longer than 100 characters.")
	}
	if v.HasLocation {
		if v.Local {
			return model.Network{}, invalid("hasLocation", "A local network stays off the map: give it a location or mark it local, not both.")
		}
		if math.IsNaN(v.Latitude) || v.Latitude < -90 || v.Latitude > 90 {
			return model.Network{}, invalid("latitude", "Latitude is between -90 and 90.")
		}
		if math.IsNaN(v.Longitude) || v.Longitude < -180 || v.Longitude > 180 {
			return model.Network{}, invalid("longitude", "Longitude is between -180 and 180.")
		}
		code := strings.ToUpper(strings.TrimSpace(v.CountryCode))
		if code != "" && countryName(code) == "" {
			return model.Network{}, invalid("countryCode", "Use a two-letter country code such as GB or US.")
		}
		city := strings.TrimSpace(v.City)
		if len(city) > maxLabelLen {
			return model.Network{}, invalid("city", "The city is longer than 100 characters.")
		}
		n.HasLocation, n.CountryCode, n.City, n.Latitude, n.Longitude = true, code, city, v.Latitude, v.Longitude
	}
	return n, nil
}

// countryName is the English name of an ISO 3166-1 alpha-2 code, "" for
// anything else.
func countryName(code string) string {
	if len(code) != 2 {
		return ""
	}
	region, err := language.ParseRegion(code)
	if err != nil || !region.IsCountry() {
		return ""
	}
	return display.English.Regions().Name(region)
}
