package store

// playsByReference is migration 5: plays keep numbers and refer to the
// accounts, devices, items, formats, decisions and addresses they share,
// so a play row is small (progress updates rewrite less, a history of
// millions stays a manageable file) and searches read the small tables.
// Addresses carry their location: re-geolocating the history rewrites
// one row per address, not one per play.
func playsByReference() []string {
	return []string{
		`CREATE TABLE media_users (
			id          INTEGER PRIMARY KEY,
			server_id   INTEGER NOT NULL,
			external_id TEXT    NOT NULL,
			name        TEXT    NOT NULL DEFAULT '',
			UNIQUE (server_id, external_id)
		)`,
		`CREATE INDEX idx_media_users_name ON media_users(name, id)`,
		`CREATE INDEX idx_media_users_external ON media_users(external_id)`,
		`CREATE TABLE devices (
			id               INTEGER PRIMARY KEY,
			server_id        INTEGER NOT NULL,
			external_id      TEXT    NOT NULL DEFAULT '',
			name             TEXT    NOT NULL DEFAULT '',
			product          TEXT    NOT NULL DEFAULT '',
			version          TEXT    NOT NULL DEFAULT '',
			platform         TEXT    NOT NULL DEFAULT '',
			platform_version TEXT    NOT NULL DEFAULT '',
			UNIQUE (server_id, external_id, name, product, version, platform, platform_version)
		)`,
		`CREATE INDEX idx_devices_platform ON devices(platform, id)`,
		`CREATE TABLE items (
			id                INTEGER PRIMARY KEY,
			server_id         INTEGER NOT NULL,
			item_id           TEXT    NOT NULL DEFAULT '',
			media_type        TEXT    NOT NULL DEFAULT '',
			title             TEXT    NOT NULL DEFAULT '',
			parent_title      TEXT    NOT NULL DEFAULT '',
			grandparent_title TEXT    NOT NULL DEFAULT '',
			parent_index      INTEGER NOT NULL DEFAULT 0,
			item_index        INTEGER NOT NULL DEFAULT 0,
			year              INTEGER NOT NULL DEFAULT 0,
			duration_ms       INTEGER NOT NULL DEFAULT 0,
			library_id        TEXT    NOT NULL DEFAULT '',
			library_name      TEXT    NOT NULL DEFAULT '',
			external_ids      TEXT    NOT NULL DEFAULT '',
			UNIQUE (server_id, item_id, media_type, title, parent_title, grandparent_title, parent_index, item_index,
				year, duration_ms, library_id, library_name, external_ids)
		)`,
		`CREATE INDEX idx_items_title ON items(title, id)`,
		`CREATE TABLE formats (
			id             INTEGER PRIMARY KEY,
			resolution     TEXT    NOT NULL DEFAULT '',
			bitrate_kbps   INTEGER NOT NULL DEFAULT 0,
			container      TEXT    NOT NULL DEFAULT '',
			video_codec    TEXT    NOT NULL DEFAULT '',
			audio_codec    TEXT    NOT NULL DEFAULT '',
			audio_channels INTEGER NOT NULL DEFAULT 0,
			dynamic_range  TEXT    NOT NULL DEFAULT '',
			UNIQUE (resolution, bitrate_kbps, container, video_codec, audio_codec, audio_channels, dynamic_range)
		)`,
		`CREATE TABLE decisions (
			id                INTEGER PRIMARY KEY,
			overall           TEXT    NOT NULL DEFAULT '',
			video             TEXT    NOT NULL DEFAULT '',
			audio             TEXT    NOT NULL DEFAULT '',
			subtitle          TEXT    NOT NULL DEFAULT '',
			hw_decode         INTEGER NOT NULL DEFAULT 0,
			hw_encode         INTEGER NOT NULL DEFAULT 0,
			transcode_reasons TEXT    NOT NULL DEFAULT '',
			UNIQUE (overall, video, audio, subtitle, hw_decode, hw_encode, transcode_reasons)
		)`,
		// An address and where it was placed, when, and by which database
		// build: the lookup cache the history reads.
		`CREATE TABLE addresses (
			id              INTEGER PRIMARY KEY,
			ip              TEXT    NOT NULL UNIQUE,
			geo_source      TEXT    NOT NULL DEFAULT 'unknown',
			label           TEXT    NOT NULL DEFAULT '',
			country_code    TEXT    NOT NULL DEFAULT '',
			country_name    TEXT    NOT NULL DEFAULT '',
			region          TEXT    NOT NULL DEFAULT '',
			city            TEXT    NOT NULL DEFAULT '',
			has_coordinates INTEGER NOT NULL DEFAULT 0,
			latitude        REAL    NOT NULL DEFAULT 0,
			longitude       REAL    NOT NULL DEFAULT 0,
			accuracy_km     INTEGER NOT NULL DEFAULT 0,
			asn             INTEGER NOT NULL DEFAULT 0,
			isp             TEXT    NOT NULL DEFAULT '',
			located_at      INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX idx_addresses_country ON addresses(country_code)`,
		`CREATE INDEX idx_addresses_located ON addresses(located_at)`,
		`CREATE VIRTUAL TABLE items_fts USING fts5(title, parent_title, grandparent_title,
			content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')`,
		`CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
			INSERT INTO items_fts(rowid, title, parent_title, grandparent_title)
			VALUES (new.id, new.title, new.parent_title, new.grandparent_title);
		END`,
		`CREATE VIRTUAL TABLE media_users_fts USING fts5(name, content='media_users', content_rowid='id',
			tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')`,
		`CREATE TRIGGER media_users_fts_insert AFTER INSERT ON media_users BEGIN
			INSERT INTO media_users_fts(rowid, name) VALUES (new.id, new.name);
		END`,
		`CREATE TRIGGER media_users_fts_update AFTER UPDATE OF name ON media_users BEGIN
			INSERT INTO media_users_fts(media_users_fts, rowid, name) VALUES ('delete', old.id, old.name);
			INSERT INTO media_users_fts(rowid, name) VALUES (new.id, new.name);
		END`,

		// Fill the shared tables from the old plays, newest name last.
		`INSERT INTO media_users (server_id, external_id, name)
			SELECT server_id, user_id, user_name FROM plays WHERE true ORDER BY started_at
			ON CONFLICT (server_id, external_id) DO UPDATE SET name = excluded.name`,
		`INSERT OR IGNORE INTO devices (server_id, external_id, name, product, version, platform, platform_version)
			SELECT DISTINCT server_id, device_id, device_name, product, product_version, platform, platform_version FROM plays`,
		`INSERT OR IGNORE INTO items (server_id, item_id, media_type, title, parent_title, grandparent_title, parent_index,
				item_index, year, duration_ms, library_id, library_name, external_ids)
			SELECT DISTINCT server_id, item_id, media_type, title, parent_title, grandparent_title, parent_index,
				item_index, year, duration_ms, library_id, library_name, external_ids FROM plays`,
		`INSERT OR IGNORE INTO formats (resolution, bitrate_kbps, container, video_codec, audio_codec, audio_channels, dynamic_range)
			SELECT source_resolution, source_bitrate_kbps, source_container, source_video_codec, source_audio_codec,
				source_audio_channels, source_dynamic_range FROM plays
			UNION SELECT stream_resolution, stream_bitrate_kbps, stream_container, stream_video_codec, stream_audio_codec,
				stream_audio_channels, stream_dynamic_range FROM plays`,
		`INSERT OR IGNORE INTO decisions (overall, video, audio, subtitle, hw_decode, hw_encode, transcode_reasons)
			SELECT DISTINCT decision, video_decision, audio_decision, subtitle_decision, hw_decode, hw_encode, transcode_reasons FROM plays`,
		`INSERT OR IGNORE INTO addresses (ip) SELECT DISTINCT ip FROM plays`,

		`CREATE TABLE plays_v5 (
			id             INTEGER PRIMARY KEY AUTOINCREMENT,
			server_id      INTEGER NOT NULL,
			started_at     INTEGER NOT NULL,
			stopped_at     INTEGER,
			last_seen_at   INTEGER NOT NULL,
			watch_ms       INTEGER NOT NULL DEFAULT 0,
			user_ref       INTEGER NOT NULL REFERENCES media_users(id),
			item_ref       INTEGER NOT NULL REFERENCES items(id),
			device_ref     INTEGER NOT NULL REFERENCES devices(id),
			address_ref    INTEGER NOT NULL REFERENCES addresses(id),
			media_type     TEXT    NOT NULL DEFAULT '',
			state          TEXT    NOT NULL DEFAULT '',
			paused_ms      INTEGER NOT NULL DEFAULT 0,
			position_ms    INTEGER NOT NULL DEFAULT 0,
			watched        INTEGER NOT NULL DEFAULT 0,
			local          INTEGER NOT NULL DEFAULT 0,
			live_tv        INTEGER NOT NULL DEFAULT 0,
			bandwidth_kbps INTEGER NOT NULL DEFAULT 0,
			source_ref     INTEGER NOT NULL REFERENCES formats(id),
			stream_ref     INTEGER NOT NULL REFERENCES formats(id),
			decision_ref   INTEGER NOT NULL REFERENCES decisions(id),
			session_key    TEXT    NOT NULL DEFAULT ''
		)`,
		`INSERT INTO plays_v5 (id, server_id, started_at, stopped_at, last_seen_at, watch_ms, user_ref, item_ref, device_ref,
				address_ref, media_type, state, paused_ms, position_ms, watched, local, live_tv, bandwidth_kbps,
				source_ref, stream_ref, decision_ref, session_key)
			SELECT p.id, p.server_id, p.started_at, p.stopped_at, p.last_seen_at, p.watch_ms, u.id, i.id, d.id, a.id,
				p.media_type, p.state, p.paused_ms, p.position_ms, p.watched, p.local, p.live_tv, p.bandwidth_kbps,
				sf.id, tf.id, dc.id, p.session_key
			FROM plays p
			JOIN media_users u ON u.server_id = p.server_id AND u.external_id = p.user_id
			JOIN devices d ON d.server_id = p.server_id AND d.external_id = p.device_id AND d.name = p.device_name
				AND d.product = p.product AND d.version = p.product_version AND d.platform = p.platform
				AND d.platform_version = p.platform_version
			JOIN items i ON i.server_id = p.server_id AND i.item_id = p.item_id AND i.media_type = p.media_type
				AND i.title = p.title AND i.parent_title = p.parent_title AND i.grandparent_title = p.grandparent_title
				AND i.parent_index = p.parent_index AND i.item_index = p.item_index AND i.year = p.year
				AND i.duration_ms = p.duration_ms AND i.library_id = p.library_id AND i.library_name = p.library_name
				AND i.external_ids = p.external_ids
			JOIN formats sf ON sf.resolution = p.source_resolution AND sf.bitrate_kbps = p.source_bitrate_kbps
				AND sf.container = p.source_container AND sf.video_codec = p.source_video_codec
				AND sf.audio_codec = p.source_audio_codec AND sf.audio_channels = p.source_audio_channels
				AND sf.dynamic_range = p.source_dynamic_range
			JOIN formats tf ON tf.resolution = p.stream_resolution AND tf.bitrate_kbps = p.stream_bitrate_kbps
				AND tf.container = p.stream_container AND tf.video_codec = p.stream_video_codec
				AND tf.audio_codec = p.stream_audio_codec AND tf.audio_channels = p.stream_audio_channels
				AND tf.dynamic_range = p.stream_dynamic_range
			JOIN decisions dc ON dc.overall = p.decision AND dc.video = p.video_decision AND dc.audio = p.audio_decision
				AND dc.subtitle = p.subtitle_decision AND dc.hw_decode = p.hw_decode AND dc.hw_encode = p.hw_encode
				AND dc.transcode_reasons = p.transcode_reasons
			JOIN addresses a ON a.ip = p.ip`,
		`DROP TABLE plays`,
		`DROP TABLE plays_fts`,
		`DROP TABLE search_words_fts`,
		`DROP TABLE search_words`,
		`ALTER TABLE plays_v5 RENAME TO plays`,
		`CREATE INDEX idx_plays_started ON plays(started_at)`,
		`CREATE INDEX idx_plays_user_started ON plays(user_ref, started_at)`,
		// watch_ms makes it cover a server's plays in a date range sorted
		// by duration.
		`CREATE INDEX idx_plays_server_started ON plays(server_id, started_at, watch_ms)`,
		`CREATE INDEX idx_plays_address_started ON plays(address_ref, started_at)`,
		`CREATE INDEX idx_plays_item_started ON plays(item_ref, started_at)`,
		`CREATE INDEX idx_plays_device_started ON plays(device_ref, started_at)`,
		`CREATE INDEX idx_plays_type_started ON plays(media_type, started_at)`,
		`CREATE INDEX idx_plays_watch ON plays(watch_ms)`,
		`CREATE INDEX idx_plays_open ON plays(server_id) WHERE stopped_at IS NULL`,

		// The user's own subnets and named addresses.
		`CREATE TABLE networks (
			id              INTEGER PRIMARY KEY,
			cidr            TEXT    NOT NULL UNIQUE,
			label           TEXT    NOT NULL DEFAULT '',
			local           INTEGER NOT NULL DEFAULT 0,
			has_location    INTEGER NOT NULL DEFAULT 0,
			country_code    TEXT    NOT NULL DEFAULT '',
			city            TEXT    NOT NULL DEFAULT '',
			latitude        REAL    NOT NULL DEFAULT 0,
			longitude       REAL    NOT NULL DEFAULT 0,
			created_at      INTEGER NOT NULL,
			updated_at      INTEGER NOT NULL
		)`,
		// Statistics for the new indexes, so the planner picks them.
		`ANALYZE`,
	}
}
