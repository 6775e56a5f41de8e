package service

import (
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func seedPlays(t *testing.T, f fixture, n int) time.Time {
	t.Helper()
	base := time.Date(2026, 5, 1, 18, 0, 0, 0, time.UTC)
	srv, err := f.set.Servers.Add(ServerInput{Kind: "plex", Name: "Main", URL: "http://p:32400", Token: "t", Enabled: true})
	require.NoError(t, err)
	var plays []*model.Play
	for i := range n {
		p := model.Play{
			ServerID: srv.ID, SessionKey: fmt.Sprint(i),
			User:   model.SessionUser{ID: fmt.Sprintf("u%d", i%3), Name: fmt.Sprintf("viewer%d", i%3)},
			Device: model.Device{Name: "=HYPERLINK(\"x\")", Platform: "Android"},
			IP:     []string{"192.168.1.5", "203.0.113.9"}[i%2], Local: i%2 == 0,
			Media: model.Media{Type: model.MediaEpisode, ItemID: fmt.Sprint(i), Title: fmt.Sprintf("Episode %d", i),
				GrandparentTitle: "The Show", ParentIndex: 2, Index: i + 1, DurationMs: 3_600_000},
			Decision:  model.StreamDecision{Overall: model.DecisionTranscode},
			StartedAt: base.Add(time.Duration(i) * time.Hour), State: model.StateStopped,
		}
		p.LastSeenAt = p.StartedAt.Add(30 * time.Minute)
		p.StoppedAt = p.LastSeenAt
		p.PausedMs = 5 * 60_000
		plays = append(plays, &p)
	}
	require.NoError(t, f.store.SavePlays(context.Background(), plays))
	return base
}

func TestHistorySearch(t *testing.T) {
	f := newFixture(t)
	base := seedPlays(t, f, 12)

	page, err := f.set.History.Search(HistoryQuery{PageSize: 5, Page: 2})
	require.NoError(t, err)
	assert.EqualValues(t, 12, page.Total)
	assert.Equal(t, 2, page.Page)
	require.Len(t, page.Plays, 5)
	v := page.Plays[0]
	assert.Equal(t, "Episode 6", strings.TrimPrefix(v.Subtitle, "S2 · E7 · "), "newest first: the 7th play of 12")
	assert.Equal(t, "The Show", v.Title)
	assert.Equal(t, "Main", v.ServerName)
	assert.EqualValues(t, 25*60_000, v.WatchMs, "30 min minus 5 min paused")
	assert.Equal(t, "transcode", v.Decision.Overall)

	page, err = f.set.History.Search(HistoryQuery{UserID: "u1", From: base.UnixMilli(), To: base.Add(6 * time.Hour).UnixMilli()})
	require.NoError(t, err)
	assert.EqualValues(t, 2, page.Total, "plays 1 and 4")
	page, err = f.set.History.Search(HistoryQuery{Search: "viewer2"})
	require.NoError(t, err)
	assert.EqualValues(t, 4, page.Total)
	page, err = f.set.History.Search(HistoryQuery{IP: "192.168.1.5"})
	require.NoError(t, err)
	assert.EqualValues(t, 6, page.Total)
	assert.Equal(t, "lan", page.Plays[0].Location)
}

func TestHistoryRejectsBadQueries(t *testing.T) {
	f := newFixture(t)
	for _, q := range []HistoryQuery{
		{PageSize: 501}, {PageSize: -1}, {Sort: "password"}, {MediaType: "book"},
		{From: 10, To: 5}, {Search: strings.Repeat("x", 201)},
	} {
		_, err := f.set.History.Search(q)
		kind, _ := kindOf(t, err)
		assert.Equal(t, KindInvalid, kind, "%+v", q)
	}
}

func TestHistoryExportCSV(t *testing.T) {
	f := newFixture(t)
	seedPlays(t, f, 3)
	out, err := f.set.History.ExportCSV(HistoryQuery{})
	require.NoError(t, err)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Len(t, records, 4)
	assert.Equal(t, csvHeader, records[0])
	assert.Equal(t, "2026-05-01T20:00:00Z", records[1][0])
	assert.Equal(t, "viewer2", records[1][3])
	assert.Equal(t, `'=HYPERLINK("x")`, records[1][9], "formulas from media servers are neutralised")
	assert.Equal(t, "1500", records[1][slices.Index(csvHeader, "watch_seconds")])
}
