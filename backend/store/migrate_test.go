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
