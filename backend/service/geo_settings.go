package service

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"

	"github.com/streamwarden/streamwarden/backend/secrets"
	"github.com/streamwarden/streamwarden/backend/store"
)

const (
	maxAccountIDLen   = 20
	maxLicenseKeyLen  = 200
	maxTileURLLen     = 500
	maxAttributionLen = 300
)

func (g *Geo) maxMind() (MaxMindView, error) {
	var v MaxMindView
	var err error
	if v.AccountID, err = g.setting(settingMaxMindAccount); err != nil {
		return v, err
	}
	auto, err := g.setting(settingMaxMindAuto)
	if err != nil {
		return v, err
	}
	v.AutoUpdate = auto != "false"
	if _, err := g.secrets.Get(g.ctx, secretMaxMindKey); err == nil {
		v.HasLicenseKey = true
	} else if !errors.Is(err, secrets.ErrNotFound) {
		return v, internal("Could not read the MaxMind licence key.", err)
	}
	st := g.rt.Updater.State()
	v.LastCheck, v.LastSuccess, v.NextCheck = unixMilli(st.LastCheck), unixMilli(st.LastSuccess), unixMilli(st.NextCheck)
	v.LastError = st.LastError
	if !v.HasLicenseKey || v.AccountID == "" || !v.AutoUpdate {
		v.NextCheck = 0
	}
	return v, nil
}

// SaveMaxMind stores the MaxMind account for automatic downloads.
func (g *Geo) SaveMaxMind(in MaxMindInput) (GeoStatus, error) {
	if in.Clear {
		if err := g.secrets.Delete(g.ctx, secretMaxMindKey); err != nil && !errors.Is(err, secrets.ErrNotFound) {
			return GeoStatus{}, internal("Could not remove the licence key.", err)
		}
		if err := g.store.SetSetting(g.ctx, settingMaxMindAccount, ""); err != nil {
			return GeoStatus{}, internal("Could not save the MaxMind settings.", err)
		}
		return g.Status()
	}
	account := strings.TrimSpace(in.AccountID)
	key := strings.TrimSpace(in.LicenseKey)
	if account == "" || len(account) > maxAccountIDLen || strings.Trim(account, "0123456789") != "" {
		return GeoStatus{}, invalid("accountId", "The account ID is the number shown on your MaxMind account page.")
	}
	if len(key) > maxLicenseKeyLen || strings.ContainsAny(key, " \t\r\n") {
		return GeoStatus{}, invalid("licenseKey", "The licence key is not valid.")
	}
	if key == "" {
		if _, err := g.secrets.Get(g.ctx, secretMaxMindKey); err != nil {
			return GeoStatus{}, invalid("licenseKey", "Enter the licence key you generated on the MaxMind site.")
		}
	} else if err := g.secrets.Set(g.ctx, secretMaxMindKey, key); err != nil {
		return GeoStatus{}, internal("Could not store the licence key.", err)
	}
	if err := g.store.SetSetting(g.ctx, settingMaxMindAccount, account); err != nil {
		return GeoStatus{}, internal("Could not save the MaxMind settings.", err)
	}
	if err := g.store.SetSetting(g.ctx, settingMaxMindAuto, boolText(in.AutoUpdate)); err != nil {
		return GeoStatus{}, internal("Could not save the MaxMind settings.", err)
	}
	g.bus.Publish(EventGeoChanged)
	return g.Status()
}

// UpdateNow downloads the MaxMind databases if they changed.
func (g *Geo) UpdateNow() (GeoStatus, error) {
	if _, err := g.rt.Updater.CheckNow(g.ctx); err != nil {
		g.bus.Publish(EventGeoChanged)
		return GeoStatus{}, &Error{Kind: KindInvalid, Message: "The update failed: " + err.Error(), Err: err}
	}
	g.bus.Publish(EventGeoChanged)
	return g.Status()
}

// maxMindCredentials gives the updater the stored account, or two empty
// strings when automatic updates are off or not set up.
func (g *Geo) maxMindCredentials(ctx context.Context) (string, string, error) {
	mm, err := g.maxMind()
	if err != nil || !mm.AutoUpdate || mm.AccountID == "" || !mm.HasLicenseKey {
		return "", "", err
	}
	key, err := g.secrets.Get(ctx, secretMaxMindKey)
	if err != nil {
		return "", "", err
	}
	return mm.AccountID, key, nil
}

func (g *Geo) tiles() (TileSettings, error) {
	text, err := g.setting(settingTiles)
	if err != nil || text == "" {
		return TileSettings{}, err
	}
	var t TileSettings
	if err := json.Unmarshal([]byte(text), &t); err != nil {
		g.log.Warn("ignoring unreadable map tile settings")
		return TileSettings{}, nil
	}
	return t, nil
}

// tileOrigin is the origin map tiles are fetched from, "" when the
// online layer is off; the headless server allows it in its CSP.
func (g *Geo) tileOrigin() string {
	t, err := g.tiles()
	if err != nil || !t.Enabled {
		return ""
	}
	u, err := parseTileURL(t.URL)
	if err != nil || u.Host == "" {
		return ""
	}
	host := u.Host
	if strings.Contains(t.URL, "{s}.") {
		host = "*." + strings.SplitN(u.Host, ".", 2)[1]
	}
	return u.Scheme + "://" + host
}

// SaveTiles sets the optional online map layer.
func (g *Geo) SaveTiles(t TileSettings) (TileSettings, error) {
	t.URL, t.Attribution = strings.TrimSpace(t.URL), strings.TrimSpace(t.Attribution)
	if t.Enabled || t.URL != "" {
		u, err := parseTileURL(t.URL)
		if err != nil || u.Scheme != "https" || u.Host == "" || len(t.URL) > maxTileURLLen ||
			!strings.Contains(t.URL, "{z}") || !strings.Contains(t.URL, "{x}") || !strings.Contains(t.URL, "{y}") {
			return TileSettings{}, invalid("url", "Enter an https tile URL with {z}, {x} and {y}, e.g. https://tile.example.org/{z}/{x}/{y}.png.")
		}
	}
	if len(t.Attribution) > maxAttributionLen {
		return TileSettings{}, invalid("attribution", "The attribution is too long.")
	}
	data, err := json.Marshal(t)
	if err != nil {
		return TileSettings{}, internal("Could not save the map settings.", err)
	}
	if err := g.store.SetSetting(g.ctx, settingTiles, string(data)); err != nil {
		return TileSettings{}, internal("Could not save the map settings.", err)
	}
	g.bus.Publish(EventGeoChanged)
	return t, nil
}

func (g *Geo) setting(key string) (string, error) {
	v, err := g.store.Setting(g.ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", internal("Could not read the settings.", err)
	}
	return v, nil
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// parseTileURL reads a tile URL template ({s}, {z}, {x}, {y}, {r}) as a URL.
func parseTileURL(template string) (*url.URL, error) {
	return url.Parse(strings.NewReplacer("{s}", "a", "{z}", "0", "{x}", "0", "{y}", "0", "{r}", "").Replace(template))
}
