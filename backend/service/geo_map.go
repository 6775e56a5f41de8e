package service

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/store"
)

const maxTopUsers = 3

// Map returns the historical layer of the map for the chosen plays.
func (g *Geo) Map(q MapQuery) (MapView, error) {
	if q.To != 0 && q.From > q.To {
		return MapView{}, invalid("to", "The date range is not valid.")
	}
	f := store.PlayFilter{ServerID: q.ServerID, UserID: q.UserID}
	if q.From > 0 {
		f.From = time.UnixMilli(q.From)
	}
	if q.To > 0 {
		f.To = time.UnixMilli(q.To)
	}
	rows, err := g.store.PlaysByAddressAndUser(g.ctx, f)
	if err != nil {
		return MapView{}, internal("Could not read the plays for the map.", err)
	}
	view := buildMap(rows)
	for _, d := range g.rt.Databases.Status() {
		view.DatabaseLoaded = view.DatabaseLoaded || (d.Loaded && d.Kind == "city")
	}
	return view, nil
}

type countryAcc struct {
	CountryPlays
	users map[string]bool
}

type placeAcc struct {
	MapPlace
	users map[string]int64
}

// buildMap folds per-address, per-account sums into countries, places
// and accounts.
func buildMap(rows []store.AddressUserPlays) MapView {
	view := MapView{Countries: []CountryPlays{}, Places: []MapPlace{}, Users: []MapUser{}}
	countries := map[string]*countryAcc{}
	places := map[string]*placeAcc{}
	users := map[string]*MapUser{}
	for _, r := range rows {
		view.Plays += r.Plays
		userKey := fmt.Sprint(r.ServerID, "\x00", r.UserID)
		u := users[userKey]
		if u == nil {
			u = &MapUser{ServerID: r.ServerID, UserID: r.UserID, UserName: r.UserName}
			users[userKey] = u
		}
		u.Plays += r.Plays
		loc := r.Location
		switch {
		case loc.Source == model.LocationLocal:
			view.Local += r.Plays
			continue
		case !loc.Placed():
			view.Unknown += r.Plays
		}
		if loc.CountryCode != "" {
			c := countries[loc.CountryCode]
			if c == nil {
				c = &countryAcc{CountryPlays: CountryPlays{CountryCode: loc.CountryCode, CountryName: loc.CountryName}, users: map[string]bool{}}
				countries[loc.CountryCode] = c
			}
			c.Plays += r.Plays
			c.WatchMs += r.WatchMs
			c.users[userKey] = true
		}
		if !loc.Placed() {
			continue
		}
		key := fmt.Sprintf("%.3f,%.3f,%s,%s", loc.Latitude, loc.Longitude, loc.City, loc.Label)
		p := places[key]
		if p == nil {
			p = &placeAcc{MapPlace: MapPlace{Latitude: round3(loc.Latitude), Longitude: round3(loc.Longitude), Label: loc.Label,
				City: loc.City, Region: loc.Region, CountryCode: loc.CountryCode, CountryName: loc.CountryName}, users: map[string]int64{}}
			places[key] = p
		}
		p.Plays += r.Plays
		p.users[r.UserName] += r.Plays
		p.LastPlayedAt = max(p.LastPlayedAt, unixMilli(r.LastStarted))
	}
	for _, c := range countries {
		c.Users = int64(len(c.users))
		view.Countries = append(view.Countries, c.CountryPlays)
	}
	slices.SortFunc(view.Countries, func(a, b CountryPlays) int {
		return cmp.Or(cmp.Compare(b.Plays, a.Plays), cmp.Compare(a.CountryCode, b.CountryCode))
	})
	for _, p := range places {
		p.Users = int64(len(p.users))
		p.TopUsers = topUsers(p.users)
		view.Places = append(view.Places, p.MapPlace)
	}
	slices.SortFunc(view.Places, func(a, b MapPlace) int {
		return cmp.Or(cmp.Compare(b.Plays, a.Plays), cmp.Compare(a.Latitude, b.Latitude), cmp.Compare(a.Longitude, b.Longitude))
	})
	for _, u := range users {
		view.Users = append(view.Users, *u)
	}
	slices.SortFunc(view.Users, func(a, b MapUser) int {
		return cmp.Or(cmp.Compare(a.UserName, b.UserName), cmp.Compare(a.ServerID, b.ServerID))
	})
	return view
}

func topUsers(plays map[string]int64) []string {
	names := make([]string, 0, len(plays))
	for n := range plays {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(plays[b], plays[a]), cmp.Compare(a, b)) })
	return names[:min(len(names), maxTopUsers)]
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }
