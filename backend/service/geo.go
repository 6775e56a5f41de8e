package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"strings"

	"github.com/streamwarden/streamwarden/backend/geo"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/secrets"
	"github.com/streamwarden/streamwarden/backend/store"
)

// GeoStore is what Geo keeps in the database.
type GeoStore interface {
	Networks(ctx context.Context) ([]model.Network, error)
	SaveNetwork(ctx context.Context, n model.Network) (model.Network, error)
	DeleteNetwork(ctx context.Context, id int64) error
	PlaysByAddressAndUser(ctx context.Context, f store.PlayFilter) ([]store.AddressUserPlays, error)
	Setting(ctx context.Context, key string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
}

// FileChooser asks the user for a file (the desktop's native dialog).
type FileChooser interface {
	ChooseFile(ctx context.Context, title, pattern string) (string, error)
}

// GeoRuntime is the geolocation machinery the shell opens at start.
type GeoRuntime struct {
	Databases *geo.Databases
	Resolver  *geo.Resolver
	Updater   *geo.Updater
	Relocator *Relocator
	// Chooser is nil headless, where files are uploaded instead.
	Chooser FileChooser
}

const (
	// Upload size cap: GeoLite2-City is about 60 MB, commercial City
	// databases a few hundred.
	maxDatabaseUpload = 1 << 30
	uploadPath        = "/api/upload/geo-database"

	settingMaxMindAccount = "geo.maxmind.account"
	settingMaxMindAuto    = "geo.maxmind.auto"
	settingTiles          = "map.tiles"
	secretMaxMindKey      = "geo.maxmind.license"
)

// Geo is where streams come from: the map, the GeoIP databases and the
// user's own networks.
type Geo struct {
	ctx      context.Context
	store    GeoStore
	secrets  secrets.Store
	rt       GeoRuntime
	bus      Publisher
	headless bool
	log      *slog.Logger
}

// Lookup locates one address as the monitor would.
func (g *Geo) Lookup(ip string) (LocationView, error) {
	if _, ok := geo.ParseIP(ip); !ok {
		return LocationView{}, invalid("ip", "Enter an IPv4 or IPv6 address.")
	}
	return locationView(g.rt.Resolver.Locate(ip)), nil
}

// Status describes the databases, the automatic download and any
// re-geolocation running.
func (g *Geo) Status() (GeoStatus, error) {
	st := GeoStatus{Databases: []GeoDatabaseView{}, Relocation: g.rt.Relocator.View()}
	for _, d := range g.rt.Databases.Status() {
		st.Databases = append(st.Databases, databaseView(d))
	}
	mm, err := g.maxMind()
	if err != nil {
		return GeoStatus{}, err
	}
	st.MaxMind = mm
	if st.Tiles, err = g.tiles(); err != nil {
		return GeoStatus{}, err
	}
	if g.headless {
		st.UploadPath = uploadPath
	}
	return st, nil
}

// ImportDatabase asks for a .mmdb file with the desktop's file dialog and
// installs it. It returns a zero view when the dialog is cancelled.
func (g *Geo) ImportDatabase() (GeoDatabaseView, error) {
	if g.rt.Chooser == nil {
		return GeoDatabaseView{}, invalid("", "Upload the file from the Locations settings page.")
	}
	path, err := g.rt.Chooser.ChooseFile(g.ctx, "Choose a GeoIP database", "*.mmdb")
	if err != nil {
		return GeoDatabaseView{}, internal("The file dialog could not be opened.", err)
	}
	if path == "" {
		return GeoDatabaseView{}, nil
	}
	info, err := g.rt.Databases.ImportFile(path)
	return g.installed(info, err)
}

// importUpload installs a database sent by the browser.
func (g *Geo) importUpload(ctx context.Context, body io.Reader) (any, error) {
	info, err := g.rt.Databases.ImportReader(ctx, body, maxDatabaseUpload)
	return g.installed(info, err)
}

func (g *Geo) installed(info geo.DatabaseInfo, err error) (GeoDatabaseView, error) {
	if err != nil {
		return GeoDatabaseView{}, &Error{Kind: KindInvalid, Message: "The database was not installed: " + err.Error(), Err: err}
	}
	g.log.Info("GeoIP database installed", slog.String("type", info.DatabaseType))
	g.bus.Publish(EventGeoChanged)
	return databaseView(info), nil
}

// Networks lists the user's subnets and named addresses.
func (g *Geo) Networks() ([]GeoNetworkView, error) {
	list, err := g.store.Networks(g.ctx)
	if err != nil {
		return nil, internal("Could not read your networks.", err)
	}
	out := make([]GeoNetworkView, len(list))
	for i, n := range list {
		out[i] = networkView(n)
	}
	return out, nil
}

// SaveNetwork adds (ID 0) or changes a subnet or named address.
func (g *Geo) SaveNetwork(n GeoNetworkView) (GeoNetworkView, error) {
	m, err := networkFrom(n)
	if err != nil {
		return GeoNetworkView{}, err
	}
	saved, err := g.store.SaveNetwork(g.ctx, m)
	switch {
	case errors.Is(err, store.ErrConflict):
		return GeoNetworkView{}, conflict("That network is already in the list.", err)
	case errors.Is(err, store.ErrNotFound):
		return GeoNetworkView{}, notFound("That network no longer exists.", err)
	case err != nil:
		return GeoNetworkView{}, internal("Could not save the network.", err)
	}
	if err := g.applyNetworks(); err != nil {
		return GeoNetworkView{}, err
	}
	return networkView(saved), nil
}

// DeleteNetwork removes a subnet or named address.
func (g *Geo) DeleteNetwork(id int64) error {
	err := g.store.DeleteNetwork(g.ctx, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return notFound("That network no longer exists.", err)
	case err != nil:
		return internal("Could not delete the network.", err)
	}
	return g.applyNetworks()
}

// applyNetworks hands the stored networks to the resolver; the history
// is then re-located.
func (g *Geo) applyNetworks() error {
	list, err := g.store.Networks(g.ctx)
	if err != nil {
		return internal("Could not read your networks.", err)
	}
	nets := make([]geo.Network, 0, len(list))
	for _, n := range list {
		prefix, err := parseNetwork(n.CIDR)
		if err != nil {
			g.log.Warn("skipping a stored network", slog.String("cidr", n.CIDR), slog.Any("error", err))
			continue
		}
		gn := geo.Network{Prefix: prefix, Label: n.Label, Local: n.Local}
		if n.HasLocation {
			gn.Location = &model.Location{Source: model.LocationOverride, Label: n.Label, CountryCode: n.CountryCode,
				CountryName: countryName(n.CountryCode), City: n.City, HasCoordinates: true, Latitude: n.Latitude, Longitude: n.Longitude}
		}
		nets = append(nets, gn)
	}
	g.rt.Resolver.SetNetworks(nets)
	g.rt.Relocator.NetworksChanged()
	g.bus.Publish(EventGeoChanged)
	return nil
}

// Relocate re-geolocates the whole history with the current database.
func (g *Geo) Relocate() (RelocationView, error) {
	return g.rt.Relocator.Start(true), nil
}

func parseNetwork(text string) (netip.Prefix, error) {
	text = strings.TrimSpace(text)
	if prefix, err := netip.ParsePrefix(text); err == nil {
		return prefix.Masked(), nil
	}
	addr, ok := geo.ParseIP(text)
	if !ok {
		return netip.Prefix{}, fmt.Errorf("%q is neither an address nor a subnet", text)
	}
	return netip.PrefixFrom(addr, addr.BitLen()), nil
}

// EventGeoChanged fires when the databases, the networks or the download
// set-up change; EventRelocation carries a RelocationView as it runs.
const (
	EventGeoChanged = "geo:changed"
	EventRelocation = "geo:relocation"
)
