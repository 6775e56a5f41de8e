package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// migration is one recorded, ordered schema step. Steps are plain SQL so
// that their meaning never changes when Go structs evolve.
type migration struct {
	version int
	name    string
	sql     []string
}

// migrations is append-only: never edit a released step, add a new one.
func migrations() []migration {
	return []migration{
		{1, "servers and settings", []string{
			`CREATE TABLE servers (
				id          INTEGER PRIMARY KEY AUTOINCREMENT,
				kind        TEXT    NOT NULL,
				name        TEXT    NOT NULL,
				url         TEXT    NOT NULL,
				verify_tls  INTEGER NOT NULL DEFAULT 1,
				enabled     INTEGER NOT NULL DEFAULT 1,
				source      TEXT    NOT NULL DEFAULT 'user',
				token_ref   TEXT    NOT NULL DEFAULT '',
				created_at  INTEGER NOT NULL,
				updated_at  INTEGER NOT NULL
			)`,
			`CREATE UNIQUE INDEX idx_servers_name ON servers(name COLLATE NOCASE)`,
			`CREATE TABLE settings (
				key   TEXT PRIMARY KEY,
				value TEXT NOT NULL
			)`,
		}},
		{2, "admin accounts, login sessions and API keys", []string{
			`CREATE TABLE admins (
				id            INTEGER PRIMARY KEY AUTOINCREMENT,
				username      TEXT    NOT NULL,
				password_hash TEXT    NOT NULL,
				created_at    INTEGER NOT NULL
			)`,
			`CREATE UNIQUE INDEX idx_admins_username ON admins(username COLLATE NOCASE)`,
			`CREATE TABLE login_sessions (
				token_hash   TEXT PRIMARY KEY,
				admin_id     INTEGER NOT NULL REFERENCES admins(id) ON DELETE CASCADE,
				created_at   INTEGER NOT NULL,
				expires_at   INTEGER NOT NULL
			)`,
			`CREATE INDEX idx_login_sessions_expires ON login_sessions(expires_at)`,
			`CREATE TABLE api_keys (
				id           INTEGER PRIMARY KEY AUTOINCREMENT,
				name         TEXT    NOT NULL,
				prefix       TEXT    NOT NULL,
				key_hash     TEXT    NOT NULL,
				created_at   INTEGER NOT NULL,
				last_used_at INTEGER NOT NULL DEFAULT 0
			)`,
			`CREATE UNIQUE INDEX idx_api_keys_hash ON api_keys(key_hash)`,
		}},
		{3, "sealed secrets", []string{
			`CREATE TABLE sealed_secrets (
				name       TEXT PRIMARY KEY,
				ciphertext BLOB    NOT NULL,
				updated_at INTEGER NOT NULL
			)`,
		}},
	}
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int {
	all := migrations()
	return all[len(all)-1].version
}

func (s *Store) migrate(ctx context.Context) error {
	return s.migrateTo(ctx, SchemaVersion())
}

// migrateTo applies every step up to and including target. Each step and
// its bookkeeping row commit together, so a crash leaves a clean version.
func (s *Store) migrateTo(ctx context.Context, target int) error {
	db := s.db.WithContext(ctx)
	if err := db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT    NOT NULL,
		applied_at INTEGER NOT NULL
	)`).Error; err != nil {
		return fmt.Errorf("creating migrations table: %w", err)
	}
	current, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	if current > SchemaVersion() {
		return fmt.Errorf("database schema version %d is newer than this build supports (%d): upgrade Streamwarden", current, SchemaVersion())
	}
	for _, m := range migrations() {
		if m.version <= current || m.version > target {
			continue
		}
		err := db.Transaction(func(tx *gorm.DB) error {
			for _, stmt := range m.sql {
				if err := tx.Exec(stmt).Error; err != nil {
					return err
				}
			}
			return tx.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, s.stamp()).Error
		})
		if err != nil {
			return fmt.Errorf("applying migration %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

func (s *Store) schemaVersion(ctx context.Context) (int, error) {
	var version int
	err := s.db.WithContext(ctx).Raw(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&version).Error
	if err != nil {
		return 0, fmt.Errorf("reading schema version: %w", err)
	}
	return version, nil
}
