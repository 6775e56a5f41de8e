package geo

import (
	"log/slog"
	"net/netip"

	"github.com/streamwarden/streamwarden/backend/model"
)

// cityRecord and asnRecord are the parts of GeoIP2 City and ASN records a
// Location uses; the decoder skips everything else.
type cityRecord struct {
	City struct {
		Names englishName `maxminddb:"names"`
	} `maxminddb:"city"`
	Country struct {
		ISOCode string      `maxminddb:"iso_code"`
		Names   englishName `maxminddb:"names"`
	} `maxminddb:"country"`
	Subdivisions []struct {
		Names englishName `maxminddb:"names"`
	} `maxminddb:"subdivisions"`
	Location struct {
		Latitude       *float64 `maxminddb:"latitude"`
		Longitude      *float64 `maxminddb:"longitude"`
		AccuracyRadius uint16   `maxminddb:"accuracy_radius"`
	} `maxminddb:"location"`
}

type englishName struct {
	English string `maxminddb:"en"`
}

type asnRecord struct {
	Number       uint   `maxminddb:"autonomous_system_number"`
	Organization string `maxminddb:"autonomous_system_organization"`
}

// lookup fills a location from the City and ASN databases. Source is
// database when either knows anything about addr, unknown otherwise.
func (d *Databases) lookup(addr netip.Addr) model.Location {
	var loc model.Location
	if d != nil {
		d.lookupCity(addr, &loc)
		d.lookupASN(addr, &loc)
	}
	if loc.CountryCode != "" || loc.City != "" || loc.HasCoordinates || loc.ASN != 0 || loc.ISP != "" {
		loc.Source = model.LocationDatabase
	} else {
		loc = model.Location{Source: model.LocationUnknown}
	}
	return loc
}

// decode looks addr up in the slot's database, holding a reference so the
// reader cannot be closed underneath.
func (d *Databases) decode(k Kind, addr netip.Addr, rec any) bool {
	h := acquireSlot(d.slot(k))
	if h == nil {
		return false
	}
	err := h.reader.Lookup(addr).Decode(rec)
	h.release()
	if err != nil {
		d.log.Debug("GeoIP lookup failed", slog.String("kind", string(k)), slog.String("ip", addr.String()), slog.Any("error", err))
		return false
	}
	return true
}

func (d *Databases) lookupCity(addr netip.Addr, loc *model.Location) {
	var rec cityRecord
	if !d.decode(KindCity, addr, &rec) {
		return
	}
	loc.CountryCode = rec.Country.ISOCode
	loc.CountryName = rec.Country.Names.English
	if len(rec.Subdivisions) > 0 {
		loc.Region = rec.Subdivisions[0].Names.English
	}
	loc.City = rec.City.Names.English
	if rec.Location.Latitude != nil && rec.Location.Longitude != nil {
		loc.HasCoordinates = true
		loc.Latitude, loc.Longitude = *rec.Location.Latitude, *rec.Location.Longitude
		loc.AccuracyKm = int(rec.Location.AccuracyRadius)
	}
}

func (d *Databases) lookupASN(addr netip.Addr, loc *model.Location) {
	var rec asnRecord
	if d.decode(KindASN, addr, &rec) {
		loc.ASN, loc.ISP = rec.Number, rec.Organization
	}
}
