package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func seedHistory(t *testing.T, s *Store) time.Time {
	t.Helper()
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var batch []*model.Play
	titles := []string{"Pilot", "The Long Night", "Café Society", "Pilot Light"}
	for i := range 40 {
		p := fullPlay()
		p.ServerID = int64(1 + i%2)
		p.User = model.SessionUser{ID: fmt.Sprintf("u%d", i%4), Name: fmt.Sprintf("user%d", i%4)}
		p.Media.Title = titles[i%4]
		p.Media.Type = []model.MediaType{model.MediaEpisode, model.MediaMovie}[i%2]
		p.IP = fmt.Sprintf("198.51.100.%d", i%5)
		p.StartedAt = base.Add(time.Duration(i) * time.Hour)
		p.LastSeenAt = p.StartedAt.Add(time.Duration(i) * time.Minute)
		p.StoppedAt = p.LastSeenAt
		p.PausedMs = 0
		batch = append(batch, &p)
	}
	require.NoError(t, s.SavePlays(context.Background(), batch))
	return base
}

func TestSearchPlaysFilters(t *testing.T) {
	for _, selective := range []int{defaultSelectiveMatches, 3} {
		t.Run(fmt.Sprintf("selective up to %d", selective), func(t *testing.T) { testSearchPlaysFilters(t, selective) })
	}
}

func testSearchPlaysFilters(t *testing.T, selective int) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"), Options{SelectiveMatches: selective})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	base := seedHistory(t, s)
	tests := []struct {
		name string
		q    PlayQuery
		want int64
	}{
		{"all", PlayQuery{Limit: 5}, 40},
		{"server", PlayQuery{ServerID: 1, Limit: 5}, 20},
		{"user", PlayQuery{UserID: "u1", Limit: 5}, 10},
		{"type", PlayQuery{MediaType: model.MediaMovie, Limit: 5}, 20},
		{"ip", PlayQuery{IP: "198.51.100.3", Limit: 5}, 8},
		{"date range", PlayQuery{From: base.Add(10 * time.Hour), To: base.Add(20 * time.Hour), Limit: 5}, 10},
		{"word prefix", PlayQuery{Text: "pil", Limit: 5}, 20},
		{"two words", PlayQuery{Text: "pilot light", Limit: 5}, 10},
		{"accents folded", PlayQuery{Text: "cafe", Limit: 5}, 10},
		{"user name", PlayQuery{Text: "user2", Limit: 5}, 10},
		{"fts syntax is literal", PlayQuery{Text: `"NEAR( OR * -`, Limit: 5}, 0},
		{"combined", PlayQuery{ServerID: 2, Text: "night", Limit: 5}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.SearchPlays(ctx, tt.q)
			require.NoError(t, err)
			assert.Equal(t, tt.want, page.Total)
			assert.LessOrEqual(t, len(page.Plays), 5)
			assert.False(t, page.Capped)
		})
	}
}

func TestSearchPlaysOrderAndPages(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	seedHistory(t, s)
	first, err := s.SearchPlays(ctx, PlayQuery{Limit: 10})
	require.NoError(t, err)
	second, err := s.SearchPlays(ctx, PlayQuery{Limit: 10, Offset: 10})
	require.NoError(t, err)
	require.Len(t, first.Plays, 10)
	assert.True(t, first.Plays[0].StartedAt.After(first.Plays[9].StartedAt), "newest first by default")
	assert.True(t, first.Plays[9].StartedAt.After(second.Plays[0].StartedAt), "pages do not overlap")

	longest, err := s.SearchPlays(ctx, PlayQuery{Sort: SortDuration, Limit: 1})
	require.NoError(t, err)
	assert.EqualValues(t, 39*60_000, longest.Plays[0].WatchMs())
	asc, err := s.SearchPlays(ctx, PlayQuery{Sort: SortUser, Ascend: true, Limit: 1})
	require.NoError(t, err)
	assert.Equal(t, "user0", asc.Plays[0].User.Name)
}

func TestSearchIndexFollowsTitleChanges(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := fullPlay()
	require.NoError(t, s.SavePlays(ctx, []*model.Play{&p}))
	p.Media.Title = "Renamed Episode"
	require.NoError(t, s.SavePlays(ctx, []*model.Play{&p}))
	page, err := s.SearchPlays(ctx, PlayQuery{Text: "renamed", Limit: 10})
	require.NoError(t, err)
	assert.EqualValues(t, 1, page.Total)
	page, err = s.SearchPlays(ctx, PlayQuery{Text: "pilot", Limit: 10})
	require.NoError(t, err)
	assert.EqualValues(t, 0, page.Total)
}

func TestSearchPagesBothWays(t *testing.T) {
	ctx := context.Background()
	for _, selective := range []int{defaultSelectiveMatches, 3} {
		s, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"), Options{SelectiveMatches: selective})
		require.NoError(t, err)
		seedHistory(t, s)
		var seen []int64
		for offset := 0; offset < 30; offset += 4 {
			page, err := s.SearchPlays(ctx, PlayQuery{Text: "pilot", Offset: offset, Limit: 4})
			require.NoError(t, err)
			assert.EqualValues(t, 20, page.Total, "selective up to %d", selective)
			for i, p := range page.Plays {
				seen = append(seen, p.ID)
				if i > 0 {
					assert.True(t, p.StartedAt.Before(page.Plays[i-1].StartedAt), "newest first")
				}
			}
		}
		assert.Len(t, seen, 20, "every match once, across pages")
		past, err := s.SearchPlays(ctx, PlayQuery{Text: "pilot", Offset: 100, Limit: 4})
		require.NoError(t, err)
		assert.Empty(t, past.Plays)
		assert.EqualValues(t, 20, past.Total)
		require.NoError(t, s.Close())
	}
}
