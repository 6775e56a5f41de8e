package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// Address is a client address and where it was placed.
type Address struct {
	ID        int64
	IP        string
	Location  model.Location
	LocatedAt time.Time
}

type addressRow struct {
	ID             int64
	IP             string `gorm:"column:ip"`
	GeoSource      string
	Label          string
	CountryCode    string
	CountryName    string
	Region         string
	City           string
	HasCoordinates bool
	Latitude       float64
	Longitude      float64
	AccuracyKm     int
	ASN            uint   `gorm:"column:asn"`
	ISP            string `gorm:"column:isp"`
	LocatedAt      int64
}

func (r addressRow) location() model.Location {
	return model.Location{Source: model.LocationSource(r.GeoSource), Label: r.Label, CountryCode: r.CountryCode,
		CountryName: r.CountryName, Region: r.Region, City: r.City, HasCoordinates: r.HasCoordinates,
		Latitude: r.Latitude, Longitude: r.Longitude, AccuracyKm: r.AccuracyKm, ASN: r.ASN, ISP: r.ISP}
}

// AddressCount counts the distinct client addresses in the history.
func (s *Store) AddressCount(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM addresses`).Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("counting addresses: %w", err)
	}
	return n, nil
}

// Addresses returns up to limit addresses whose id is above after, in id
// order, for walking them all in batches.
func (s *Store) Addresses(ctx context.Context, after int64, limit int) ([]Address, error) {
	var rows []addressRow
	err := s.db.WithContext(ctx).Table("addresses").Where("id > ?", after).Order("id").Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("reading addresses: %w", err)
	}
	out := make([]Address, len(rows))
	for i, r := range rows {
		out[i] = Address{ID: r.ID, IP: r.IP, Location: r.location(), LocatedAt: fromMillis(r.LocatedAt)}
	}
	return out, nil
}

// SetLocations records where addresses are now placed, in one statement:
// every play from those addresses shows the new location at once.
func (s *Store) SetLocations(ctx context.Context, addresses []Address) error {
	if len(addresses) == 0 {
		return nil
	}
	now := s.stamp()
	table := make([][]any, len(addresses))
	for i, a := range addresses {
		table[i] = append([]any{a.ID}, locationValues(a.Location, now)...)
	}
	data, err := json.Marshal(table)
	if err != nil {
		return fmt.Errorf("encoding locations: %w", err)
	}
	var b strings.Builder
	b.WriteString("UPDATE addresses SET ")
	for i, col := range locationColumns {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s = v.value ->> %d", col, i+1)
	}
	b.WriteString(" FROM json_each(?) AS v WHERE addresses.id = v.value ->> 0")
	if err := s.db.WithContext(ctx).Exec(b.String(), string(data)).Error; err != nil {
		return fmt.Errorf("writing %d locations: %w", len(addresses), err)
	}
	s.refs.forget()
	return nil
}

// PlayFilter selects plays for aggregate views. Zero fields do not filter.
type PlayFilter struct {
	ServerID int64
	UserID   string
	From, To time.Time
}

func (f PlayFilter) where() (string, []any) {
	clauses := []string{"1"}
	var args []any
	if f.ServerID != 0 {
		clauses, args = append(clauses, "p.server_id = ?"), append(args, f.ServerID)
	}
	if f.UserID != "" {
		clauses, args = append(clauses, "p.user_ref IN (SELECT id FROM media_users WHERE external_id = ?)"), append(args, f.UserID)
	}
	if !f.From.IsZero() {
		clauses, args = append(clauses, "p.started_at >= ?"), append(args, millis(f.From))
	}
	if !f.To.IsZero() {
		clauses, args = append(clauses, "p.started_at < ?"), append(args, millis(f.To))
	}
	return strings.Join(clauses, " AND "), args
}

// AddressUserPlays sums the plays of one account from one address.
type AddressUserPlays struct {
	AddressID    int64
	Location     model.Location
	ServerID     int64
	UserID       string
	UserName     string
	Plays        int64
	WatchMs      int64
	FirstStarted time.Time
	LastStarted  time.Time
}

// PlaysByAddressAndUser sums the matching plays per address and account:
// few rows, from which maps and location panels are built.
func (s *Store) PlaysByAddressAndUser(ctx context.Context, f PlayFilter) ([]AddressUserPlays, error) {
	where, args := f.where()
	var rows []addressUserRow
	err := s.db.WithContext(ctx).Raw(`SELECT a.geo_source, a.label, a.country_code, a.country_name, a.region, a.city, a.has_coordinates,
			a.latitude, a.longitude, a.accuracy_km, a.asn, a.isp, g.address_ref, u.server_id, u.external_id, u.name, g.plays, g.watch_ms,
			g.first_start, g.last_start
		FROM (SELECT p.address_ref, p.user_ref, count(*) AS plays, sum(p.watch_ms) AS watch_ms,
				min(p.started_at) AS first_start, max(p.started_at) AS last_start
			FROM plays p WHERE `+where+` GROUP BY p.address_ref, p.user_ref) g
		JOIN addresses a ON a.id = g.address_ref
		JOIN media_users u ON u.id = g.user_ref`, args...).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("summing plays by address: %w", err)
	}
	out := make([]AddressUserPlays, len(rows))
	for i, r := range rows {
		loc := addressRow{GeoSource: r.GeoSource, Label: r.Label, CountryCode: r.CountryCode, CountryName: r.CountryName,
			Region: r.Region, City: r.City, HasCoordinates: r.HasCoordinates, Latitude: r.Latitude, Longitude: r.Longitude,
			AccuracyKm: r.AccuracyKm, ASN: r.ASN, ISP: r.ISP}.location()
		out[i] = AddressUserPlays{AddressID: r.AddressRef, Location: loc, ServerID: r.ServerID,
			UserID: r.ExternalID, UserName: r.Name, Plays: r.Plays, WatchMs: r.WatchMs,
			FirstStarted: fromMillis(r.FirstStart), LastStarted: fromMillis(r.LastStart)}
	}
	return out, nil
}

type addressUserRow struct {
	GeoSource      string
	Label          string
	CountryCode    string
	CountryName    string
	Region         string
	City           string
	HasCoordinates bool
	Latitude       float64
	Longitude      float64
	AccuracyKm     int
	ASN            uint   `gorm:"column:asn"`
	ISP            string `gorm:"column:isp"`
	AddressRef     int64
	ServerID       int64
	ExternalID     string
	Name           string
	Plays          int64
	WatchMs        int64
	FirstStart     int64
	LastStart      int64
}
