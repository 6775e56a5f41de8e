package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gorm.io/gorm"

	"github.com/streamwarden/streamwarden/backend/model"
)

// openAtVersion builds a database file at an old schema version, the way
// an earlier release left it.
func openAtVersion(t *testing.T, path string, version int) {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(dsn(path)), &gorm.Config{})
	require.NoError(t, err)
	old := &Store{db: db, now: func() time.Time { return time.Unix(1700000000, 0) }}
	require.NoError(t, old.migrateTo(context.Background(), version))
	require.NoError(t, old.Close())
}

func TestUpgradeFromEveryVersionKeepsData(t *testing.T) {
	for _, m := range migrations()[:len(migrations())-1] {
		t.Run(m.name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "old.db")
			openAtVersion(t, path, m.version)

			db, err := gorm.Open(sqlite.Open(dsn(path)), &gorm.Config{})
			require.NoError(t, err)
			require.NoError(t, db.Exec(`INSERT INTO servers (kind, name, url, verify_tls, enabled, source, token_ref, created_at, updated_at)
				VALUES ('jellyfin', 'Old', 'http://old:8096', 0, 1, 'user', 'ref-old', 1, 2)`).Error)
			sqlDB, _ := db.DB()
			require.NoError(t, sqlDB.Close())

			s, err := Open(ctx, path, Options{})
			require.NoError(t, err)
			defer s.Close()
			v, err := s.schemaVersion(ctx)
			require.NoError(t, err)
			assert.Equal(t, SchemaVersion(), v)

			list, err := s.Servers(ctx)
			require.NoError(t, err)
			require.Len(t, list, 1)
			assert.Equal(t, model.Server{
				ID: list[0].ID, Kind: model.KindJellyfin, Name: "Old", URL: "http://old:8096", VerifyTLS: false,
				Enabled: true, Source: model.SourceUser, TokenRef: "ref-old",
				CreatedAt: list[0].CreatedAt, UpdatedAt: list[0].UpdatedAt,
			}, list[0])
			assert.EqualValues(t, 1, list[0].CreatedAt.UnixMilli())
		})
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	for range 3 {
		s, err := Open(ctx, path, Options{})
		require.NoError(t, err)
		var n int64
		require.NoError(t, s.db.Raw(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n).Error)
		assert.EqualValues(t, len(migrations()), n)
		require.NoError(t, s.Close())
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(ctx, path, Options{})
	require.NoError(t, err)
	require.NoError(t, s.db.Exec(`INSERT INTO schema_migrations VALUES (999, 'future', 0)`).Error)
	require.NoError(t, s.Close())

	_, err = Open(ctx, path, Options{})
	require.ErrorContains(t, err, "newer than this build supports")
}

func TestMigrationVersionsAreOrdered(t *testing.T) {
	for i, m := range migrations() {
		assert.Equal(t, i+1, m.version, "versions are consecutive from 1")
		assert.NotEmpty(t, m.sql)
	}
}

func TestUpgradeMovesWidePlaysToReferences(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v4.db")
	openAtVersion(t, path, 4)
	db, err := gorm.Open(sqlite.Open(dsn(path)), &gorm.Config{})
	require.NoError(t, err)
	insert := `INSERT INTO plays (server_id, started_at, stopped_at, last_seen_at, watch_ms, user_id, user_name, media_type,
		ip, state, device_id, device_name, product, platform, item_id, title, grandparent_title, source_resolution,
		stream_resolution, decision, transcode_reasons, external_ids)
		VALUES (?, ?, ?, ?, ?, ?, ?, 'episode', ?, 'stopped', 'dev-1', 'TV', 'Plex for LG', 'webOS', '77', 'Pilot', 'Show',
		'1080p', '720p', 'transcode', '["VideoCodecNotSupported"]', '{"tvdb":"12"}')`
	require.NoError(t, db.Exec(insert, 1, 1000, 5000, 5000, 4000, "u1", "old name", "81.2.69.142").Error)
	require.NoError(t, db.Exec(insert, 1, 9000, 12000, 12000, 3000, "u1", "new name", "81.2.69.142").Error)
	require.NoError(t, db.Exec(insert, 2, 20000, nil, 21000, 1000, "u1", "other server", "10.0.0.2").Error)
	sqlDB, _ := db.DB()
	require.NoError(t, sqlDB.Close())

	s, err := Open(ctx, path, Options{})
	require.NoError(t, err)
	defer s.Close()
	page, err := s.SearchPlays(ctx, PlayQuery{Sort: SortStarted, Ascend: true, Limit: 10})
	require.NoError(t, err)
	require.Len(t, page.Plays, 3)
	first := page.Plays[0]
	assert.Equal(t, model.SessionUser{ID: "u1", Name: "new name"}, first.User, "the newest name wins")
	assert.Equal(t, "81.2.69.142", first.IP)
	assert.Equal(t, model.LocationUnknown, first.Location.Source, "moved addresses wait to be located")
	assert.Equal(t, "Pilot", first.Media.Title)
	assert.Equal(t, map[string]string{"tvdb": "12"}, first.Media.ExternalIDs)
	assert.Equal(t, "720p", first.Stream.Resolution)
	assert.Equal(t, []string{"VideoCodecNotSupported"}, first.Decision.TranscodeReasons)
	assert.EqualValues(t, 4000, first.WatchMs())
	assert.Equal(t, "other server", page.Plays[2].User.Name)
	open, err := s.OpenPlays(ctx, 2)
	require.NoError(t, err)
	assert.Len(t, open, 1)

	found, err := s.SearchPlays(ctx, PlayQuery{Text: "pilot", Limit: 10})
	require.NoError(t, err)
	assert.EqualValues(t, 3, found.Total, "moved titles are searchable")
	found, err = s.SearchPlays(ctx, PlayQuery{Text: "new", Limit: 10})
	require.NoError(t, err)
	assert.EqualValues(t, 2, found.Total, "moved names are searchable")
}
