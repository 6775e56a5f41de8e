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
		{4, "plays", []string{
			// No foreign key to servers: removing a server keeps its history.
			// Columns that filters and sorts read come first: SQLite decodes
			// a row's columns in order, and plays are wide.
			`CREATE TABLE plays (
				id                    INTEGER PRIMARY KEY AUTOINCREMENT,
				server_id             INTEGER NOT NULL,
				started_at            INTEGER NOT NULL,
				stopped_at            INTEGER,
				last_seen_at          INTEGER NOT NULL,
				watch_ms              INTEGER NOT NULL DEFAULT 0,
				user_id               TEXT    NOT NULL DEFAULT '',
				media_type            TEXT    NOT NULL DEFAULT '',
				ip                    TEXT    NOT NULL DEFAULT '',
				state                 TEXT    NOT NULL DEFAULT '',
				paused_ms             INTEGER NOT NULL DEFAULT 0,
				position_ms           INTEGER NOT NULL DEFAULT 0,
				watched               INTEGER NOT NULL DEFAULT 0,
				session_key           TEXT    NOT NULL DEFAULT '',
				user_name             TEXT    NOT NULL DEFAULT '',
				device_id             TEXT    NOT NULL DEFAULT '',
				device_name           TEXT    NOT NULL DEFAULT '',
				product               TEXT    NOT NULL DEFAULT '',
				product_version       TEXT    NOT NULL DEFAULT '',
				platform              TEXT    NOT NULL DEFAULT '',
				platform_version      TEXT    NOT NULL DEFAULT '',
				local                 INTEGER NOT NULL DEFAULT 0,
				item_id               TEXT    NOT NULL DEFAULT '',
				title                 TEXT    NOT NULL DEFAULT '',
				parent_title          TEXT    NOT NULL DEFAULT '',
				grandparent_title     TEXT    NOT NULL DEFAULT '',
				parent_index          INTEGER NOT NULL DEFAULT 0,
				item_index            INTEGER NOT NULL DEFAULT 0,
				year                  INTEGER NOT NULL DEFAULT 0,
				duration_ms           INTEGER NOT NULL DEFAULT 0,
				library_id            TEXT    NOT NULL DEFAULT '',
				library_name          TEXT    NOT NULL DEFAULT '',
				external_ids          TEXT    NOT NULL DEFAULT '',
				source_resolution     TEXT    NOT NULL DEFAULT '',
				source_bitrate_kbps   INTEGER NOT NULL DEFAULT 0,
				source_container      TEXT    NOT NULL DEFAULT '',
				source_video_codec    TEXT    NOT NULL DEFAULT '',
				source_audio_codec    TEXT    NOT NULL DEFAULT '',
				source_audio_channels INTEGER NOT NULL DEFAULT 0,
				source_dynamic_range  TEXT    NOT NULL DEFAULT '',
				stream_resolution     TEXT    NOT NULL DEFAULT '',
				stream_bitrate_kbps   INTEGER NOT NULL DEFAULT 0,
				stream_container      TEXT    NOT NULL DEFAULT '',
				stream_video_codec    TEXT    NOT NULL DEFAULT '',
				stream_audio_codec    TEXT    NOT NULL DEFAULT '',
				stream_audio_channels INTEGER NOT NULL DEFAULT 0,
				stream_dynamic_range  TEXT    NOT NULL DEFAULT '',
				decision              TEXT    NOT NULL DEFAULT '',
				video_decision        TEXT    NOT NULL DEFAULT '',
				audio_decision        TEXT    NOT NULL DEFAULT '',
				subtitle_decision     TEXT    NOT NULL DEFAULT '',
				hw_decode             INTEGER NOT NULL DEFAULT 0,
				hw_encode             INTEGER NOT NULL DEFAULT 0,
				transcode_reasons     TEXT    NOT NULL DEFAULT '',
				bandwidth_kbps        INTEGER NOT NULL DEFAULT 0,
				live_tv               INTEGER NOT NULL DEFAULT 0
			)`,
			`CREATE INDEX idx_plays_started ON plays(started_at)`,
			`CREATE INDEX idx_plays_user_started ON plays(user_id, started_at)`,
			// watch_ms makes it cover a server's plays in a date range sorted
			// by duration.
			`CREATE INDEX idx_plays_server_started ON plays(server_id, started_at, watch_ms)`,
			`CREATE INDEX idx_plays_ip ON plays(ip, started_at)`,
			`CREATE INDEX idx_plays_type_started ON plays(media_type, started_at)`,
			// For the history's sort orders.
			`CREATE INDEX idx_plays_user_name ON plays(user_name)`,
			`CREATE INDEX idx_plays_title ON plays(title)`,
			`CREATE INDEX idx_plays_platform ON plays(platform)`,
			`CREATE INDEX idx_plays_watch ON plays(watch_ms)`,
			`CREATE INDEX idx_plays_open ON plays(server_id) WHERE stopped_at IS NULL`,
			// Full-text search over titles and user names, kept in step by
			// triggers; position updates leave it alone.
			// Prefix indexes keep short prefixes ("th") from merging the
			// posting lists of every word that starts with them.
			`CREATE VIRTUAL TABLE plays_fts USING fts5(title, parent_title, grandparent_title, user_name,
				content='plays', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')`,
			`CREATE TRIGGER plays_fts_insert AFTER INSERT ON plays BEGIN
				INSERT INTO plays_fts(rowid, title, parent_title, grandparent_title, user_name)
				VALUES (new.id, new.title, new.parent_title, new.grandparent_title, new.user_name);
			END`,
			`CREATE TRIGGER plays_fts_delete AFTER DELETE ON plays BEGIN
				INSERT INTO plays_fts(plays_fts, rowid, title, parent_title, grandparent_title, user_name)
				VALUES ('delete', old.id, old.title, old.parent_title, old.grandparent_title, old.user_name);
			END`,
			// Every distinct title and user name, searchable: a common word
			// is checked against this small set while plays are read in order.
			`CREATE TABLE search_words (
				id   INTEGER PRIMARY KEY,
				text TEXT NOT NULL UNIQUE
			)`,
			`CREATE VIRTUAL TABLE search_words_fts USING fts5(text, content='search_words', content_rowid='id',
				tokenize='unicode61 remove_diacritics 2')`,
			`CREATE TRIGGER search_words_insert AFTER INSERT ON search_words BEGIN
				INSERT INTO search_words_fts(rowid, text) VALUES (new.id, new.text);
			END`,
			`CREATE TRIGGER plays_words_insert AFTER INSERT ON plays BEGIN
				INSERT OR IGNORE INTO search_words(text)
				SELECT t FROM (SELECT new.title AS t UNION ALL SELECT new.parent_title UNION ALL
					SELECT new.grandparent_title UNION ALL SELECT new.user_name)
				WHERE t != '';
			END`,
			`CREATE TRIGGER plays_words_update AFTER UPDATE ON plays
			WHEN old.title IS NOT new.title OR old.parent_title IS NOT new.parent_title
				OR old.grandparent_title IS NOT new.grandparent_title OR old.user_name IS NOT new.user_name BEGIN
				INSERT OR IGNORE INTO search_words(text)
				SELECT t FROM (SELECT new.title AS t UNION ALL SELECT new.parent_title UNION ALL
					SELECT new.grandparent_title UNION ALL SELECT new.user_name)
				WHERE t != '';
			END`,
			`CREATE TRIGGER plays_fts_update AFTER UPDATE ON plays
			WHEN old.title IS NOT new.title OR old.parent_title IS NOT new.parent_title
				OR old.grandparent_title IS NOT new.grandparent_title OR old.user_name IS NOT new.user_name BEGIN
				INSERT INTO plays_fts(plays_fts, rowid, title, parent_title, grandparent_title, user_name)
				VALUES ('delete', old.id, old.title, old.parent_title, old.grandparent_title, old.user_name);
				INSERT INTO plays_fts(rowid, title, parent_title, grandparent_title, user_name)
				VALUES (new.id, new.title, new.parent_title, new.grandparent_title, new.user_name);
			END`,
		}},
		{5, "plays by reference", playsByReference()},
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
