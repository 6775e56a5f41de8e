package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/streamwarden/streamwarden/backend/model"
)

// SavePlays inserts new plays (ID 0) and updates existing ones, all in
// one transaction. New plays get their IDs written back into plays.
func (s *Store) SavePlays(ctx context.Context, plays []*model.Play) error {
	if len(plays) == 0 {
		return nil
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, p := range plays {
			row := playRowFrom(*p)
			if p.ID == 0 {
				if err := tx.Create(&row).Error; err != nil {
					return err
				}
				p.ID = row.ID
				continue
			}
			if err := tx.Save(&row).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("saving %d plays: %w", len(plays), err)
	}
	return nil
}

// OpenPlays returns the plays of a server that have not stopped.
func (s *Store) OpenPlays(ctx context.Context, serverID int64) ([]model.Play, error) {
	var rows []playRow
	err := s.db.WithContext(ctx).Where("server_id = ? AND stopped_at IS NULL", serverID).Order("started_at").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("reading open plays of server %d: %w", serverID, err)
	}
	out := make([]model.Play, len(rows))
	for i, r := range rows {
		out[i] = r.model()
	}
	return out, nil
}

// Play returns one play by id.
func (s *Store) Play(ctx context.Context, id int64) (model.Play, error) {
	var row playRow
	if err := s.db.WithContext(ctx).First(&row, id).Error; err != nil {
		return model.Play{}, fmt.Errorf("reading play %d: %w", id, translate(err))
	}
	return row.model(), nil
}

func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UTC().UnixMilli()
}

func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

func encodeJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return ""
	}
	return string(b)
}

func decodeJSON[T any](s string) T {
	var v T
	if s != "" {
		_ = json.Unmarshal([]byte(s), &v) // written by encodeJSON; a bad value reads as empty
	}
	return v
}

// UpdatePlays writes what can change while a play goes on — session,
// address, state, position, pauses, quality, decision, bandwidth, stop —
// for plays already saved; who, on what and which item never change
// within a play.
func (s *Store) UpdatePlays(ctx context.Context, plays []model.Play) error {
	return s.WritePlays(ctx, plays, nil)
}

// WritePlays applies changed plays in full (as UpdatePlays) and
// progressed ones narrowly — only state, position, pauses, last seen and
// watched — in one transaction: the monitor's hot path.
func (s *Store) WritePlays(ctx context.Context, changed, progressed []model.Play) error {
	if len(changed) == 0 && len(progressed) == 0 {
		return nil
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := updatePlays(tx, changed, changeColumns, changeValues); err != nil {
			return err
		}
		return updatePlays(tx, progressed, progressColumns, progressValues)
	})
	if err != nil {
		return fmt.Errorf("updating %d plays: %w", len(changed)+len(progressed), err)
	}
	return nil
}

// updatePlays sends the rows in chunks through one UPDATE … FROM
// (VALUES …) each: the driver prepares every statement it runs, so one
// statement per row would be parsed once per row.
func updatePlays(tx *gorm.DB, plays []model.Play, cols []string, values func(playRow) []any) error {
	for start := 0; start < len(plays); start += updateChunk {
		chunk := plays[start:min(start+updateChunk, len(plays))]
		args := make([]any, 0, len(chunk)*(len(cols)+1))
		for _, p := range chunk {
			args = append(args, values(playRowFrom(p))...)
		}
		if err := tx.Exec(updatePlaysSQL(cols, len(chunk)), args...).Error; err != nil {
			return err
		}
	}
	return nil
}

var (
	// watch_ms is indexed, so it is written with changes and stops, not
	// with every progress update; it only orders the history.
	progressColumns = []string{"state", "position_ms", "paused_ms", "last_seen_at", "watched"}
	changeColumns   = append(slices.Clone(progressColumns), "watch_ms", "session_key", "ip", "local", "stopped_at", "bandwidth_kbps",
		"decision", "video_decision", "audio_decision", "subtitle_decision", "hw_decode", "hw_encode", "transcode_reasons",
		"stream_resolution", "stream_bitrate_kbps", "stream_container", "stream_video_codec", "stream_audio_codec",
		"stream_audio_channels", "stream_dynamic_range")
)

func updatePlaysSQL(cols []string, rows int) string {
	var b strings.Builder
	b.WriteString("UPDATE plays SET ")
	for i, col := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s = v.column%d", col, i+2)
	}
	row := "(?" + strings.Repeat(", ?", len(cols)) + ")"
	b.WriteString(" FROM (VALUES ")
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	b.WriteString(") AS v WHERE plays.id = v.column1")
	return b.String()
}

// progressValues and changeValues list a row's id and then the values
// of progressColumns and changeColumns, in order.
func progressValues(r playRow) []any {
	return []any{r.ID, r.State, r.PositionMs, r.PausedMs, r.LastSeenAt, r.Watched}
}

func changeValues(r playRow) []any {
	return append(progressValues(r), r.WatchMs, r.SessionKey, r.IP, r.Local, r.StoppedAt, r.BandwidthKbps,
		r.Decision, r.VideoDecision, r.AudioDecision, r.SubtitleDecision, r.HwDecode, r.HwEncode, r.TranscodeReasons,
		r.StreamResolution, r.StreamBitrateKbps, r.StreamContainer, r.StreamVideoCodec, r.StreamAudioCodec,
		r.StreamAudioChannels, r.StreamDynamicRange)
}

const updateChunk = 64

// InsertPlays adds finished plays in bulk (imports, seeding); their IDs
// are not reported back.
func (s *Store) InsertPlays(ctx context.Context, plays []model.Play) error {
	if len(plays) == 0 {
		return nil
	}
	rows := make([]playRow, len(plays))
	for i, p := range plays {
		rows[i] = playRowFrom(p)
		rows[i].ID = 0
	}
	// Small batches: the driver binds arguments in time quadratic in
	// their number per statement.
	if err := s.db.WithContext(ctx).CreateInBatches(rows, 16).Error; err != nil {
		return fmt.Errorf("inserting %d plays: %w", len(plays), err)
	}
	return nil
}
