package service

import (
	"context"
	"log/slog"
	"net/netip"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/geo"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/store"
)

// geoFixture wires Geo over real databases written for the test.
func geoFixture(t *testing.T) fixture {
	t.Helper()
	f := newFixture(t)
	dir := t.TempDir()
	require.NoError(t, geo.WriteDatabase(filepath.Join(dir, "city.mmdb"), geo.KindCity, []geo.Block{{
		Prefix:   netipPrefix(t, "81.2.69.0/24"),
		Location: model.Location{CountryCode: "GB", CountryName: "United Kingdom", City: "London", HasCoordinates: true, Latitude: 51.5, Longitude: -0.12},
	}}))
	dbs, err := geo.OpenDatabases(dir, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	t.Cleanup(func() { _ = dbs.Close() })
	resolver := geo.NewResolver(dbs, geo.ResolverOptions{})
	rt := GeoRuntime{
		Databases: dbs, Resolver: resolver,
		Updater: geo.NewUpdater(geo.UpdaterConfig{Databases: dbs, Credentials: f.set.MaxMindCredentials}),
		Relocator: NewRelocator(RelocatorConfig{Store: f.store, Locator: resolver, Generation: dbs.Generation,
			Bus: f.bus, Log: slog.New(slog.DiscardHandler)}),
	}
	*f.set.Geo = Geo{ctx: context.Background(), store: f.store, secrets: f.secrets, rt: rt, bus: f.bus, headless: true,
		log: slog.New(slog.DiscardHandler)}
	return f
}

func TestGeoLookupUsesNetworksThenDatabase(t *testing.T) {
	f := geoFixture(t)
	g := f.set.Geo
	loc, err := g.Lookup("81.2.69.142")
	require.NoError(t, err)
	assert.Equal(t, "London", loc.City)
	assert.True(t, loc.HasCoordinates)

	_, err = g.SaveNetwork(GeoNetworkView{CIDR: "81.2.69.142", Label: "Mum's house", HasLocation: true, CountryCode: "gb", City: "Leeds", Latitude: 53.8, Longitude: -1.55})
	require.NoError(t, err)
	loc, err = g.Lookup("81.2.69.142")
	require.NoError(t, err)
	assert.Equal(t, LocationView{Source: "override", Label: "Mum's house", CountryCode: "GB", CountryName: "United Kingdom",
		City: "Leeds", HasCoordinates: true, Latitude: 53.8, Longitude: -1.55}, loc)

	lan, err := g.SaveNetwork(GeoNetworkView{CIDR: "81.2.69.0/28", Label: "Office VPN", Local: true})
	require.NoError(t, err)
	assert.Equal(t, "81.2.69.0/28", lan.CIDR)
	loc, err = g.Lookup("81.2.69.1")
	require.NoError(t, err)
	assert.Equal(t, "local", loc.Source)
	require.NoError(t, g.DeleteNetwork(lan.ID))
	loc, err = g.Lookup("81.2.69.1")
	require.NoError(t, err)
	assert.Equal(t, "London", loc.City)

	_, err = g.Lookup("not an address")
	assert.Equal(t, KindInvalid, KindOf(err))
}

func TestGeoSaveNetworkRefusesBadInput(t *testing.T) {
	f := geoFixture(t)
	for field, n := range map[string]GeoNetworkView{
		"cidr":        {CIDR: "300.1.1.1"},
		"label":       {CIDR: "10.0.0.0/8", Label: string(make([]byte, 101))},
		"latitude":    {CIDR: "1.2.3.4", HasLocation: true, Latitude: 91},
		"longitude":   {CIDR: "1.2.3.4", HasLocation: true, Longitude: -181},
		"countryCode": {CIDR: "1.2.3.4", HasLocation: true, CountryCode: "XX1"},
		"hasLocation": {CIDR: "1.2.3.4", HasLocation: true, Local: true},
	} {
		_, err := f.set.Geo.SaveNetwork(n)
		var e *Error
		require.ErrorAs(t, err, &e, field)
		assert.Equal(t, field, e.Field)
	}
	_, err := f.set.Geo.SaveNetwork(GeoNetworkView{CIDR: "10.1.0.0/16"})
	require.NoError(t, err)
	_, err = f.set.Geo.SaveNetwork(GeoNetworkView{CIDR: "10.1.2.3/16"})
	assert.Equal(t, KindConflict, KindOf(err), "the same subnet written differently is the same network")
}

func TestGeoMaxMindKeyIsStoredNeverShown(t *testing.T) {
	f := geoFixture(t)
	g := f.set.Geo
	_, err := g.SaveMaxMind(MaxMindInput{AccountID: "12ab", LicenseKey: "k"})
	assert.Equal(t, KindInvalid, KindOf(err))
	_, err = g.SaveMaxMind(MaxMindInput{AccountID: "123456"})
	assert.Equal(t, KindInvalid, KindOf(err), "a first save needs the key")
	st, err := g.SaveMaxMind(MaxMindInput{AccountID: "123456", LicenseKey: "secret_licence", AutoUpdate: true})
	require.NoError(t, err)
	assert.Equal(t, "123456", st.MaxMind.AccountID)
	assert.True(t, st.MaxMind.HasLicenseKey)
	account, key, err := f.set.MaxMindCredentials(context.Background())
	require.NoError(t, err)
	assert.Equal(t, [2]string{"123456", "secret_licence"}, [2]string{account, key})

	st, err = g.SaveMaxMind(MaxMindInput{AccountID: "123456", AutoUpdate: false})
	require.NoError(t, err, "an empty key keeps the stored one")
	assert.True(t, st.MaxMind.HasLicenseKey)
	account, key, err = f.set.MaxMindCredentials(context.Background())
	require.NoError(t, err)
	assert.Empty(t, account+key, "automatic updates are off")

	st, err = g.SaveMaxMind(MaxMindInput{Clear: true})
	require.NoError(t, err)
	assert.False(t, st.MaxMind.HasLicenseKey)
	assert.Empty(t, st.MaxMind.AccountID)
}

func TestGeoTilesAreValidatedAndAllowedByOrigin(t *testing.T) {
	f := geoFixture(t)
	g := f.set.Geo
	assert.Empty(t, f.set.TileOrigin(), "off by default")
	for _, url := range []string{"http://tile.example.org/{z}/{x}/{y}.png", "https://tile.example.org/tiles.png", "javascript:alert(1)"} {
		_, err := g.SaveTiles(TileSettings{Enabled: true, URL: url})
		assert.Equal(t, KindInvalid, KindOf(err), url)
	}
	_, err := g.SaveTiles(TileSettings{Enabled: true, URL: "https://{s}.tile.example.org/{z}/{x}/{y}.png", Attribution: "© Example"})
	require.NoError(t, err)
	assert.Equal(t, "https://*.tile.example.org", f.set.TileOrigin())
	st, err := g.Status()
	require.NoError(t, err)
	assert.Equal(t, "© Example", st.Tiles.Attribution)
	assert.Equal(t, uploadPath, st.UploadPath)
}

func TestGeoMapFoldsPlaysIntoCountriesPlacesAndUsers(t *testing.T) {
	london := model.Location{Source: model.LocationDatabase, CountryCode: "GB", CountryName: "United Kingdom", City: "London", HasCoordinates: true, Latitude: 51.5, Longitude: -0.12}
	countryOnly := model.Location{Source: model.LocationDatabase, CountryCode: "GB", CountryName: "United Kingdom"}
	rows := []store.AddressUserPlays{
		{AddressID: 1, Location: london, ServerID: 1, UserID: "a", UserName: "alice", Plays: 5, WatchMs: 1000, LastStarted: time.UnixMilli(50)},
		{AddressID: 2, Location: london, ServerID: 1, UserID: "b", UserName: "bob", Plays: 2, WatchMs: 500, LastStarted: time.UnixMilli(90)},
		{AddressID: 3, Location: countryOnly, ServerID: 1, UserID: "a", UserName: "alice", Plays: 1},
		{AddressID: 4, Location: model.Location{Source: model.LocationLocal}, ServerID: 2, UserID: "a", UserName: "alice", Plays: 4},
		{AddressID: 5, Location: model.Location{Source: model.LocationUnknown}, ServerID: 1, UserID: "b", UserName: "bob", Plays: 3},
	}
	v := buildMap(rows)
	assert.EqualValues(t, 15, v.Plays)
	assert.EqualValues(t, 4, v.Local)
	assert.EqualValues(t, 4, v.Unknown, "a country without coordinates is not a place")
	assert.Equal(t, []CountryPlays{{CountryCode: "GB", CountryName: "United Kingdom", Plays: 8, WatchMs: 1500, Users: 2}}, v.Countries)
	require.Len(t, v.Places, 1)
	assert.Equal(t, MapPlace{Latitude: 51.5, Longitude: -0.12, City: "London", CountryCode: "GB", CountryName: "United Kingdom",
		Plays: 7, Users: 2, TopUsers: []string{"alice", "bob"}, LastPlayedAt: 90}, v.Places[0])
	assert.Len(t, v.Users, 3, "alice on two servers is two accounts")
}

func TestRelocatorFollowsDatabaseChangesWithProgress(t *testing.T) {
	f := geoFixture(t)
	ctx := context.Background()
	var plays []*model.Play
	for i := range 5 {
		p := model.Play{ServerID: 1, User: model.SessionUser{ID: "u"}, IP: []string{"81.2.69.142", "81.2.69.7", "8.8.8.8"}[i%3],
			StartedAt: time.Unix(int64(1000+i), 0), LastSeenAt: time.Unix(int64(2000+i), 0)}
		plays = append(plays, &p)
	}
	require.NoError(t, f.store.SavePlays(ctx, plays))
	rt := f.set.Geo.rt
	runCtx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); _ = rt.Relocator.Run(runCtx) }()
	t.Cleanup(func() { cancel(); wg.Wait() })

	require.Eventually(t, func() bool { return !rt.Relocator.View().Running && rt.Relocator.View().FinishedAt != 0 }, 5*time.Second, 10*time.Millisecond)
	got, err := f.store.Play(ctx, plays[0].ID)
	require.NoError(t, err)
	assert.Equal(t, "London", got.Location.City, "unlocated addresses are placed at start")
	view := rt.Relocator.View()
	assert.EqualValues(t, 3, view.Total)
	assert.EqualValues(t, 3, view.Done)

	// A new database moves the block: the history follows.
	moved := filepath.Join(t.TempDir(), "new.mmdb")
	require.NoError(t, geo.WriteDatabase(moved, geo.KindCity, []geo.Block{{
		Prefix:   netipPrefix(t, "81.2.69.0/24"),
		Location: model.Location{CountryCode: "FR", CountryName: "France", City: "Paris", HasCoordinates: true, Latitude: 48.85, Longitude: 2.35},
	}}))
	_, err = rt.Databases.Install(geo.KindCity, moved)
	require.NoError(t, err)
	rt.Relocator.Start(true)
	require.Eventually(t, func() bool {
		p, err := f.store.Play(ctx, plays[1].ID)
		return err == nil && p.Location.City == "Paris"
	}, 5*time.Second, 10*time.Millisecond)
	assert.Positive(t, f.bus.count(EventRelocation))
}

func netipPrefix(t *testing.T, s string) netip.Prefix {
	t.Helper()
	p, err := netip.ParsePrefix(s)
	require.NoError(t, err)
	return p
}
