package app

import (
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/streamwarden/streamwarden/backend/geo"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/simulator"
)

// demoASNBase numbers the demo's made-up providers from the private ASN
// range, so none is mistaken for a real network.
const demoASNBase = 64512

// writeDemoDatabases writes a City and an ASN database covering the
// simulator's public address blocks, unless the directory already has
// databases (the demo keeps whatever the user installed).
func writeDemoDatabases(dir string) error {
	city := filepath.Join(dir, "city.mmdb")
	if _, err := os.Stat(city); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	var cities, asns []geo.Block
	for i, n := range simulator.Networks() {
		if n.Kind != simulator.NetworkPublic {
			continue
		}
		loc := model.Location{
			Source: model.LocationDatabase, CountryCode: n.Country, CountryName: englishCountry(n.Country), City: n.City,
			HasCoordinates: true, Latitude: n.Latitude, Longitude: n.Longitude, AccuracyKm: 20,
		}
		cities = append(cities, geo.Block{Prefix: n.Prefix, Location: loc})
		asns = append(asns, geo.Block{Prefix: n.Prefix, Location: model.Location{
			ASN: uint(demoASNBase + i), ISP: fmt.Sprintf("%s Demo Broadband", n.City),
		}})
	}
	if err := geo.WriteDatabase(filepath.Join(dir, "asn.mmdb"), geo.KindASN, asns); err != nil {
		return err
	}
	return geo.WriteDatabase(city, geo.KindCity, cities)
}

func englishCountry(code string) string {
	region, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	return display.English.Regions().Name(region)
}
