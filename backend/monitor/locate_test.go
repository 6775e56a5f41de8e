package monitor

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/streamwarden/streamwarden/backend/model"
)

// mapLocator places addresses from a table and counts its lookups.
type mapLocator struct {
	places  map[string]model.Location
	lookups int
}

func (l *mapLocator) Locate(ip string) model.Location {
	l.lookups++
	if loc, ok := l.places[ip]; ok {
		return loc
	}
	return model.Location{Source: model.LocationUnknown}
}

func TestPlaysAreLocatedWhenTheirAddressChanges(t *testing.T) {
	london := model.Location{Source: model.LocationDatabase, City: "London", CountryCode: "GB", HasCoordinates: true, Latitude: 51.5, Longitude: -0.1}
	home := model.Location{Source: model.LocationLocal, Label: "Home"}
	loc := &mapLocator{places: map[string]model.Location{"203.0.113.7": london, "192.168.1.20": home}}
	cfg := DefaultTrackerConfig()
	cfg.Locator = loc
	tr := NewTracker(1, cfg)

	s := session("1", "u", "d", "ep1", model.StatePlaying, 0)
	started := only(t, tr.Observe(at(0), []model.LiveSession{s}), PlayStarted)
	assert.Equal(t, london, started.Location)
	assert.False(t, started.Local)

	s.PositionMs = 10_000
	tr.Observe(at(10), []model.LiveSession{s})
	assert.Equal(t, 1, loc.lookups, "an unchanged address is not looked up again")

	s.IP = "192.168.1.20"
	changes := tr.Observe(at(20), []model.LiveSession{s})
	assert.Equal(t, home, changes[0].Play.Location)
	assert.True(t, changes[0].Play.Local, "with no flag from the server, a local location makes the play local")
	assert.True(t, changes[0].Material)

	s.IP, s.Local, s.LocalKnown = "203.0.113.7", true, true
	changes = tr.Observe(at(30), []model.LiveSession{s})
	assert.True(t, changes[0].Play.Local, "the server's own flag wins")
	assert.Equal(t, london, changes[0].Play.Location)
}
