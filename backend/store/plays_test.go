package store

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

func fullPlay() model.Play {
	start := time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC)
	return model.Play{
		ServerID: 3, SessionKey: "41",
		User:   model.SessionUser{ID: "u1", Name: "alice"},
		Device: model.Device{ID: "dev", Name: "Living room", Product: "Plex for Android (TV)", Version: "8.9", Platform: "Android", PlatformVersion: "9"},
		IP:     "2001:db8::7", Local: false,
		Location: model.Location{Source: model.LocationDatabase, CountryCode: "GB", CountryName: "United Kingdom",
			Region: "England", City: "London", HasCoordinates: true, Latitude: 51.5142, Longitude: -0.0931,
			AccuracyKm: 10, ASN: 64500, ISP: "Example Broadband"},
		Media: model.Media{Type: model.MediaEpisode, ItemID: "991", Title: "Pilot", ParentTitle: "Season 1", GrandparentTitle: "Show",
			ParentIndex: 1, Index: 1, Year: 2020, DurationMs: 3_000_000, LibraryID: "2", LibraryName: "TV",
			ExternalIDs: map[string]string{"imdb": "tt0000001", "tvdb": "12"}},
		Source:        model.Quality{Resolution: "4K", BitrateKbps: 40000, Container: "mkv", VideoCodec: "hevc", AudioCodec: "truehd", AudioChannels: 8, DynamicRange: "Dolby Vision"},
		Stream:        model.Quality{Resolution: "1080p", BitrateKbps: 8000, Container: "mpegts", VideoCodec: "h264", AudioCodec: "aac", AudioChannels: 2, DynamicRange: "SDR"},
		Decision:      model.StreamDecision{Overall: model.DecisionTranscode, Video: model.DecisionTranscode, Audio: model.DecisionTranscode, Subtitle: model.DecisionDirectPlay, HardwareDecode: true, HardwareEncode: true, TranscodeReasons: []string{"VideoCodecNotSupported"}},
		BandwidthKbps: 9000, LiveTV: false, State: model.StatePlaying,
		StartedAt: start, LastSeenAt: start.Add(time.Minute), PausedMs: 5000, PositionMs: 60000,
	}
}

func TestSavePlaysRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := fullPlay()
	other := fullPlay()
	other.ServerID = 4
	require.NoError(t, s.SavePlays(ctx, []*model.Play{&p, &other}))
	require.NotZero(t, p.ID)

	open, err := s.OpenPlays(ctx, 3)
	require.NoError(t, err)
	require.Len(t, open, 1)
	assert.Equal(t, p, open[0], "every field survives the database")

	p.StoppedAt = p.LastSeenAt
	p.State = model.StateStopped
	p.Watched = true
	require.NoError(t, s.SavePlays(ctx, []*model.Play{&p}))
	open, err = s.OpenPlays(ctx, 3)
	require.NoError(t, err)
	assert.Empty(t, open)
	got, err := s.Play(ctx, p.ID)
	require.NoError(t, err)
	assert.Equal(t, p, got)
}

func TestUpdatePlaysWritesWhatChangesInAPlay(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var plays []*model.Play
	for range 135 {
		p := fullPlay()
		plays = append(plays, &p)
	}
	require.NoError(t, s.SavePlays(ctx, plays))

	var moved []model.Play
	for i, p := range plays {
		m := *p
		m.SessionKey = "new-session"
		m.IP, m.Local = "192.168.1.9", true
		m.Location = model.Location{Source: model.LocationLocal, Label: "Home"}
		m.State = model.StatePaused
		m.PositionMs = int64(i)
		m.PausedMs = 9000
		m.LastSeenAt = p.LastSeenAt.Add(time.Minute)
		if i%2 == 0 {
			m.StoppedAt = m.LastSeenAt
		}
		m.Watched = true
		m.BandwidthKbps = 12000
		m.Decision = model.StreamDecision{Overall: model.DecisionDirectPlay, Video: model.DecisionDirectPlay}
		m.Stream = model.Quality{Resolution: "4K", BitrateKbps: 40000}
		m.Media.Title = "not written: an item never changes within a play"
		moved = append(moved, m)
	}
	require.NoError(t, s.UpdatePlays(ctx, moved))
	for _, i := range []int{0, 1, 64, len(moved) - 1} {
		got, err := s.Play(ctx, moved[i].ID)
		require.NoError(t, err)
		want := moved[i]
		want.Media.Title = plays[i].Media.Title
		assert.Equal(t, want, got, "play %d", i)
	}
	open, err := s.OpenPlays(ctx, 3)
	require.NoError(t, err)
	assert.Len(t, open, len(moved)/2)
}

func TestWritePlaysProgressIsNarrow(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	p := fullPlay()
	require.NoError(t, s.SavePlays(ctx, []*model.Play{&p}))
	m := p
	m.State, m.PositionMs, m.PausedMs, m.Watched = model.StatePaused, 2_900_000, 9000, true
	m.LastSeenAt = p.LastSeenAt.Add(time.Minute)
	m.IP = "192.0.2.1" // not progress: left alone
	require.NoError(t, s.WritePlays(ctx, nil, []model.Play{m}))
	got, err := s.Play(ctx, p.ID)
	require.NoError(t, err)
	want := m
	want.IP = p.IP
	assert.Equal(t, want, got)
	var watch int64
	require.NoError(t, s.db.Raw("SELECT watch_ms FROM plays WHERE id = ?", p.ID).Scan(&watch).Error)
	assert.Equal(t, p.WatchMs(), watch, "watch time is written with changes, not progress")
	assert.Len(t, progressValues(playRowFrom(m, playRefs{})), len(progressColumns)+1)
	assert.Len(t, changeValues(playRowFrom(m, playRefs{})), len(changeColumns)+1)
}

func TestPlaysShareTheirReferencedRows(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var plays []*model.Play
	for i := range 30 {
		p := fullPlay()
		if i >= 20 {
			p.User.Name = "alice (renamed)"
		}
		plays = append(plays, &p)
	}
	require.NoError(t, s.SavePlays(ctx, plays))
	for table, want := range map[string]int64{"media_users": 1, "devices": 1, "items": 1, "formats": 2, "decisions": 1, "addresses": 1} {
		var n int64
		require.NoError(t, s.db.Raw("SELECT count(*) FROM "+table).Scan(&n).Error)
		assert.Equal(t, want, n, table)
	}
	got, err := s.Play(ctx, plays[0].ID)
	require.NoError(t, err)
	assert.Equal(t, "alice (renamed)", got.User.Name, "an account's latest name is shown on all its plays")
}

func TestUnlocatedAddressReadsUnknownAndKeepsALaterLocation(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	first := fullPlay()
	first.Location = model.Location{}
	require.NoError(t, s.SavePlays(ctx, []*model.Play{&first}))
	got, err := s.Play(ctx, first.ID)
	require.NoError(t, err)
	assert.Equal(t, model.Location{Source: model.LocationUnknown}, got.Location)

	second := fullPlay()
	require.NoError(t, s.SavePlays(ctx, []*model.Play{&second}))
	third := fullPlay()
	third.Location = model.Location{}
	require.NoError(t, s.SavePlays(ctx, []*model.Play{&third}))
	for _, id := range []int64{first.ID, second.ID, third.ID} {
		got, err := s.Play(ctx, id)
		require.NoError(t, err)
		assert.Equal(t, fullPlay().Location, got.Location, "one address, one location: play %d", id)
	}
}

func TestFailedSaveDoesNotCacheRowsItRolledBack(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	good := fullPlay()
	bad := fullPlay()
	bad.ID = 999 // an update of a play that does not exist…
	bad.Media.Title = "Only in the failed save"
	require.NoError(t, s.db.Exec(`CREATE TRIGGER refuse BEFORE UPDATE ON plays BEGIN SELECT RAISE(ABORT, 'refused'); END`).Error)
	require.NoError(t, s.SavePlays(ctx, []*model.Play{&good}))
	require.Error(t, s.SavePlays(ctx, []*model.Play{&good, &bad}))
	require.NoError(t, s.db.Exec(`DROP TRIGGER refuse`).Error)

	again := fullPlay()
	again.Media.Title = "Only in the failed save"
	require.NoError(t, s.SavePlays(ctx, []*model.Play{&again}), "the rolled-back item row is created again, not reused")
	got, err := s.Play(ctx, again.ID)
	require.NoError(t, err)
	assert.Equal(t, "Only in the failed save", got.Media.Title)
}
