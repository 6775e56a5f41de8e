package store

import (
	"fmt"
	"strings"
	"sync"

	"gorm.io/gorm"

	"github.com/streamwarden/streamwarden/backend/model"
)

// The values plays share, as keys of the reference cache.
type (
	userKey struct {
		serverID   int64
		externalID string
		name       string
	}
	deviceKey struct {
		serverID int64
		device   model.Device
	}
	itemKey struct {
		serverID    int64
		itemID      string
		mediaType   model.MediaType
		title       string
		parent      string
		grandparent string
		parentIndex int
		index       int
		year        int
		durationMs  int64
		libraryID   string
		libraryName string
		externalIDs string
	}
	decisionKey struct {
		overall, video, audio, subtitle model.Decision
		hwDecode, hwEncode              bool
		reasons                         string
	}
	addressKey struct {
		ip string
		// location is only part of the key when the play brings one, so
		// a new location is written and an unlocated play reuses the row.
		location model.Location
	}
)

// refCacheLimit bounds the cache; past it the cache starts over.
const refCacheLimit = 200_000

// refCache maps shared values to their row ids. Entries are added only
// after the transaction that created the rows commits.
type refCache struct {
	mu  sync.Mutex
	ids map[any]int64
}

func newRefCache() *refCache { return &refCache{ids: make(map[any]int64)} }

func (c *refCache) get(key any) (int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id, ok := c.ids[key]
	return id, ok
}

func (c *refCache) merge(found map[any]int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.ids)+len(found) > refCacheLimit {
		clear(c.ids)
	}
	for k, id := range found {
		c.ids[k] = id
	}
}

// forget drops everything, e.g. after addresses are re-located.
func (c *refCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.ids)
}

// playRefs are the ids a play row refers to.
type playRefs struct {
	user, device, item, address, source, stream, decision int64
}

// refResolver finds or creates shared rows inside one transaction.
type refResolver struct {
	cache *refCache
	tx    *gorm.DB
	now   int64
	found map[any]int64
}

func (c *refCache) resolver(tx *gorm.DB, now int64) *refResolver {
	return &refResolver{cache: c, tx: tx, now: now, found: make(map[any]int64)}
}

// commit hands the rows found to the cache; call after the commit.
func (r *refResolver) commit() { r.cache.merge(r.found) }

func (r *refResolver) refs(p model.Play) (playRefs, error) {
	var out playRefs
	var err error
	if out.user, err = r.user(p.ServerID, p.User); err != nil {
		return out, err
	}
	dev := p.Device
	if out.device, err = r.ref(deviceKey{p.ServerID, dev}, "devices",
		[]string{"server_id", "external_id", "name", "product", "version", "platform", "platform_version"},
		p.ServerID, dev.ID, dev.Name, dev.Product, dev.Version, dev.Platform, dev.PlatformVersion); err != nil {
		return out, err
	}
	if out.item, err = r.item(p.ServerID, p.Media); err != nil {
		return out, err
	}
	return out, r.changing(p, &out)
}

// changing resolves the references that may change while a play goes on.
func (r *refResolver) changing(p model.Play, out *playRefs) error {
	var err error
	if out.address, err = r.address(p.IP, p.Location); err != nil {
		return err
	}
	if out.source, err = r.format(p.Source); err != nil {
		return err
	}
	if out.stream, err = r.format(p.Stream); err != nil {
		return err
	}
	d := p.Decision
	reasons := encodeJSON(d.TranscodeReasons)
	out.decision, err = r.ref(decisionKey{d.Overall, d.Video, d.Audio, d.Subtitle, d.HardwareDecode, d.HardwareEncode, reasons},
		"decisions", []string{"overall", "video", "audio", "subtitle", "hw_decode", "hw_encode", "transcode_reasons"},
		d.Overall, d.Video, d.Audio, d.Subtitle, d.HardwareDecode, d.HardwareEncode, reasons)
	return err
}

func (r *refResolver) user(serverID int64, u model.SessionUser) (int64, error) {
	key := userKey{serverID, u.ID, u.Name}
	if id, ok := r.lookup(key); ok {
		return id, nil
	}
	// A renamed account keeps its row and takes the new name.
	return r.upsert(key, `INSERT INTO media_users (server_id, external_id, name) VALUES (?, ?, ?)
		ON CONFLICT (server_id, external_id) DO UPDATE SET name = excluded.name RETURNING id`, serverID, u.ID, u.Name)
}

func (r *refResolver) item(serverID int64, m model.Media) (int64, error) {
	ext := encodeJSON(m.ExternalIDs)
	key := itemKey{serverID, m.ItemID, m.Type, m.Title, m.ParentTitle, m.GrandparentTitle, m.ParentIndex, m.Index,
		m.Year, m.DurationMs, m.LibraryID, m.LibraryName, ext}
	return r.ref(key, "items", []string{"server_id", "item_id", "media_type", "title", "parent_title", "grandparent_title",
		"parent_index", "item_index", "year", "duration_ms", "library_id", "library_name", "external_ids"},
		serverID, m.ItemID, m.Type, m.Title, m.ParentTitle, m.GrandparentTitle, m.ParentIndex, m.Index, m.Year,
		m.DurationMs, m.LibraryID, m.LibraryName, ext)
}

func (r *refResolver) format(q model.Quality) (int64, error) {
	return r.ref(q, "formats", []string{"resolution", "bitrate_kbps", "container", "video_codec", "audio_codec",
		"audio_channels", "dynamic_range"},
		q.Resolution, q.BitrateKbps, q.Container, q.VideoCodec, q.AudioCodec, q.AudioChannels, q.DynamicRange)
}

func (r *refResolver) address(ip string, loc model.Location) (int64, error) {
	if loc.Source == "" {
		key := addressKey{ip: ip}
		if id, ok := r.lookup(key); ok {
			return id, nil
		}
		return r.upsert(key, `INSERT INTO addresses (ip) VALUES (?) ON CONFLICT (ip) DO UPDATE SET ip = excluded.ip RETURNING id`, ip)
	}
	key := addressKey{ip: ip, location: loc}
	if id, ok := r.lookup(key); ok {
		return id, nil
	}
	cols := append([]string{"ip"}, locationColumns...)
	args := append([]any{ip}, locationValues(loc, r.now)...)
	id, err := r.upsert(key, upsertSQL("addresses", cols, "ip", locationColumns), args...)
	if err == nil {
		r.found[addressKey{ip: ip}] = id
	}
	return id, err
}

func (r *refResolver) lookup(key any) (int64, bool) {
	if id, ok := r.found[key]; ok {
		return id, true
	}
	return r.cache.get(key)
}

// ref finds or creates the row of table whose cols hold args, all of
// which form the table's unique key.
func (r *refResolver) ref(key any, table string, cols []string, args ...any) (int64, error) {
	if id, ok := r.lookup(key); ok {
		return id, nil
	}
	return r.upsert(key, upsertSQL(table, cols, strings.Join(cols, ", "), cols[:1]), args...)
}

func (r *refResolver) upsert(key any, sql string, args ...any) (int64, error) {
	var id int64
	if err := r.tx.Raw(sql, args...).Scan(&id).Error; err != nil {
		return 0, fmt.Errorf("recording %T: %w", key, err)
	}
	if id == 0 {
		return 0, fmt.Errorf("recording %T: no id returned", key)
	}
	r.found[key] = id
	return id, nil
}

// upsertSQL inserts a row or, when conflict's columns already hold it,
// sets the update columns from it; either way it returns the row's id.
func upsertSQL(table string, cols []string, conflict string, update []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "INSERT INTO %s (%s) VALUES (?%s) ON CONFLICT (%s) DO UPDATE SET ",
		table, strings.Join(cols, ", "), strings.Repeat(", ?", len(cols)-1), conflict)
	for i, col := range update {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s = excluded.%s", col, col)
	}
	b.WriteString(" RETURNING id")
	return b.String()
}

var locationColumns = []string{"geo_source", "label", "country_code", "country_name", "region", "city",
	"has_coordinates", "latitude", "longitude", "accuracy_km", "asn", "isp", "located_at"}

func locationValues(l model.Location, locatedAt int64) []any {
	return []any{string(l.Source), l.Label, l.CountryCode, l.CountryName, l.Region, l.City, l.HasCoordinates,
		l.Latitude, l.Longitude, l.AccuracyKm, l.ASN, l.ISP, locatedAt}
}
