package service

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/store"
)

// HistoryStore searches plays.
type HistoryStore interface {
	SearchPlays(ctx context.Context, q store.PlayQuery) (store.PlayPage, error)
	Servers(ctx context.Context) ([]model.Server, error)
}

const (
	defaultPageSize = 50
	maxPageSize     = 500
	// maxExportRows bounds one CSV export.
	maxExportRows = 100_000
	exportBatch   = 1000
)

// History is every play recorded.
type History struct {
	ctx   context.Context
	store HistoryStore
}

// Search returns one page of plays.
func (h *History) Search(q HistoryQuery) (HistoryPage, error) {
	sq, err := storeQuery(q)
	if err != nil {
		return HistoryPage{}, err
	}
	page, err := h.store.SearchPlays(h.ctx, sq)
	if err != nil {
		return HistoryPage{}, internal("Could not read the history.", err)
	}
	names, err := h.serverNames()
	if err != nil {
		return HistoryPage{}, err
	}
	out := HistoryPage{Plays: make([]PlayView, len(page.Plays)), Total: page.Total, TotalCapped: page.Capped,
		Page: sq.Offset/sq.Limit + 1, PageSize: sq.Limit}
	for i, p := range page.Plays {
		out.Plays[i] = playView(p, names[p.ServerID])
	}
	return out, nil
}

// ExportCSV returns the plays matching q (all pages, up to 100,000) as CSV.
func (h *History) ExportCSV(q HistoryQuery) (string, error) {
	sq, err := storeQuery(q)
	if err != nil {
		return "", err
	}
	names, err := h.serverNames()
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(csvHeader)
	sq.Limit = exportBatch
	for sq.Offset = 0; sq.Offset < maxExportRows; sq.Offset += exportBatch {
		page, err := h.store.SearchPlays(h.ctx, sq)
		if err != nil {
			return "", internal("Could not read the history.", err)
		}
		for _, p := range page.Plays {
			_ = w.Write(csvRecord(playView(p, names[p.ServerID])))
		}
		if len(page.Plays) < exportBatch {
			break
		}
	}
	w.Flush()
	return buf.String(), w.Error()
}

func (h *History) serverNames() (map[int64]string, error) {
	servers, err := h.store.Servers(h.ctx)
	if err != nil {
		return nil, internal("Could not read the server list.", err)
	}
	names := make(map[int64]string, len(servers))
	for _, s := range servers {
		names[s.ID] = s.Name
	}
	return names, nil
}

func storeQuery(q HistoryQuery) (store.PlayQuery, error) {
	size := q.PageSize
	switch {
	case size == 0:
		size = defaultPageSize
	case size < 1 || size > maxPageSize:
		return store.PlayQuery{}, invalid("pageSize", fmt.Sprintf("Page size must be between 1 and %d.", maxPageSize))
	}
	page := max(q.Page, 1)
	sort := store.PlaySort(q.Sort)
	if sort == "" {
		sort = store.SortStarted
	}
	switch sort {
	case store.SortStarted, store.SortUser, store.SortTitle, store.SortPlatform, store.SortIP, store.SortDuration:
	default:
		return store.PlayQuery{}, invalid("sort", "Unknown sort order "+strconv.Quote(q.Sort)+".")
	}
	if q.MediaType != "" && !validMediaType(model.MediaType(q.MediaType)) {
		return store.PlayQuery{}, invalid("mediaType", "Unknown media type "+strconv.Quote(q.MediaType)+".")
	}
	if q.From < 0 || q.To < 0 || (q.To != 0 && q.To < q.From) {
		return store.PlayQuery{}, invalid("to", "The date range is not valid.")
	}
	if len(q.Search) > 200 {
		return store.PlayQuery{}, invalid("search", "The search is longer than 200 characters.")
	}
	sq := store.PlayQuery{
		ServerID: q.ServerID, UserID: q.UserID, MediaType: model.MediaType(q.MediaType), IP: strings.TrimSpace(q.IP),
		Text: q.Search, Sort: sort, Ascend: q.Ascending, Offset: (page - 1) * size, Limit: size,
	}
	if q.From > 0 {
		sq.From = time.UnixMilli(q.From)
	}
	if q.To > 0 {
		sq.To = time.UnixMilli(q.To)
	}
	return sq, nil
}

func validMediaType(t model.MediaType) bool {
	switch t {
	case model.MediaMovie, model.MediaEpisode, model.MediaTrack, model.MediaClip, model.MediaPhoto, model.MediaLiveTV, model.MediaOther:
		return true
	}
	return false
}

func playView(p model.Play, serverName string) PlayView {
	return PlayView{
		ID: p.ID, ServerID: p.ServerID, ServerName: serverName, UserID: p.User.ID, UserName: p.User.Name,
		DeviceName: p.Device.Name, Product: p.Device.Product, Platform: p.Device.Platform,
		IP: p.IP, Location: location(p.IP, p.Local, true), Geo: locationView(p.Location),
		MediaType: string(p.Media.Type), Title: displayTitle(p.Media), Subtitle: displaySubtitle(p.Media), Year: p.Media.Year,
		StartedAt: unixMilli(p.StartedAt), StoppedAt: unixMilli(p.StoppedAt), WatchMs: p.WatchMs(),
		PausedMs: p.PausedMs, PositionMs: p.PositionMs, MediaDurationMs: p.Media.DurationMs, Watched: p.Watched,
		Source: qualityView(p.Source), Stream: qualityView(p.Stream), Decision: decisionView(p.Decision),
		BandwidthKbps: p.BandwidthKbps, State: string(p.State),
	}
}

var csvHeader = []string{"started", "stopped", "server", "user", "title", "subtitle", "type", "year", "platform", "player",
	"ip", "location", "country", "region", "city", "isp", "watch_seconds", "paused_seconds", "watched", "decision", "resolution", "bandwidth_kbps"}

func csvRecord(v PlayView) []string {
	ts := func(ms int64) string {
		if ms == 0 {
			return ""
		}
		return time.UnixMilli(ms).UTC().Format(time.RFC3339)
	}
	record := []string{ts(v.StartedAt), ts(v.StoppedAt), v.ServerName, v.UserName, v.Title, v.Subtitle,
		v.MediaType, strconv.Itoa(v.Year), v.Platform, v.DeviceName, v.IP, v.Location,
		v.Geo.CountryName, v.Geo.Region, v.Geo.City, v.Geo.ISP,
		strconv.FormatInt(v.WatchMs/1000, 10), strconv.FormatInt(v.PausedMs/1000, 10), strconv.FormatBool(v.Watched),
		v.Decision.Overall, v.Stream.Resolution, strconv.Itoa(v.BandwidthKbps)}
	for i := range record {
		record[i] = csvSafe(record[i])
	}
	return record
}

// csvSafe keeps a spreadsheet from reading text from a media server as a
// formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
