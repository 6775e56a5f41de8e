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
	var refs *refResolver
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		refs = s.refs.resolver(tx, s.stamp())
		for _, p := range plays {
			ids, err := refs.refs(*p)
			if err != nil {
				return err
			}
			row := playRowFrom(*p, ids)
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
	refs.commit()
	return nil
}

// OpenPlays returns the plays of a server that have not stopped.
func (s *Store) OpenPlays(ctx context.Context, serverID int64) ([]model.Play, error) {
	return s.readPlays(ctx, "p.id IN (SELECT id FROM plays WHERE server_id = ? AND stopped_at IS NULL)", "p.started_at", serverID)
}

// Play returns one play by id.
func (s *Store) Play(ctx context.Context, id int64) (model.Play, error) {
	plays, err := s.readPlays(ctx, "p.id = ?", "p.id", id)
	if err != nil {
		return model.Play{}, err
	}
	if len(plays) == 0 {
		return model.Play{}, fmt.Errorf("reading play %d: %w", id, ErrNotFound)
	}
	return plays[0], nil
}

// readPlays reads the plays matching where, in order.
func (s *Store) readPlays(ctx context.Context, where, order string, args ...any) ([]model.Play, error) {
	var rows []playRecord
	err := s.db.WithContext(ctx).Raw(playRecordSelect+" WHERE "+where+" ORDER BY "+order, args...).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("reading plays: %w", err)
	}
	out := make([]model.Play, len(rows))
	for i, r := range rows {
		out[i] = r.model()
	}
	return out, nil
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
	var refs *refResolver
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		refs = s.refs.resolver(tx, s.stamp())
		rows := make([]playRow, len(changed))
		for i, p := range changed {
			var ids playRefs
			if err := refs.changing(p, &ids); err != nil {
				return err
			}
			rows[i] = playRowFrom(p, ids)
		}
		if err := updatePlays(tx, rows, changeColumns, changeValues); err != nil {
			return err
		}
		rows = make([]playRow, len(progressed))
		for i, p := range progressed {
			rows[i] = playRowFrom(p, playRefs{})
		}
		return updatePlays(tx, rows, progressColumns, progressValues)
	})
	if err != nil {
		return fmt.Errorf("updating %d plays: %w", len(changed)+len(progressed), err)
	}
	refs.commit()
	return nil
}

// updatePlays sends all rows as one JSON parameter to one UPDATE … FROM
// json_each: the driver prepares every statement it runs and binds
// arguments in time quadratic in their number, so a short statement
// with one argument beats both a statement per row and a long VALUES list.
func updatePlays(tx *gorm.DB, rows []playRow, cols []string, values func(playRow) []any) error {
	if len(rows) == 0 {
		return nil
	}
	table := make([][]any, len(rows))
	for i, r := range rows {
		table[i] = values(r)
	}
	data, err := json.Marshal(table)
	if err != nil {
		return err
	}
	return tx.Exec(updatePlaysSQL(cols), string(data)).Error
}

var (
	// watch_ms is indexed, so it is written with changes and stops, not
	// with every progress update; it only orders the history.
	progressColumns = []string{"state", "position_ms", "paused_ms", "last_seen_at", "watched"}
	changeColumns   = append(slices.Clone(progressColumns), "watch_ms", "session_key", "address_ref", "local",
		"stopped_at", "bandwidth_kbps", "source_ref", "stream_ref", "decision_ref")
)

func updatePlaysSQL(cols []string) string {
	var b strings.Builder
	b.WriteString("UPDATE plays SET ")
	for i, col := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s = v.value ->> %d", col, i+1)
	}
	b.WriteString(" FROM json_each(?) AS v WHERE plays.id = v.value ->> 0")
	return b.String()
}

// progressValues and changeValues list a row's id and then the values
// of progressColumns and changeColumns, in order.
func progressValues(r playRow) []any {
	return []any{r.ID, r.State, r.PositionMs, r.PausedMs, r.LastSeenAt, r.Watched}
}

func changeValues(r playRow) []any {
	return append(progressValues(r), r.WatchMs, r.SessionKey, r.AddressRef, r.Local, r.StoppedAt, r.BandwidthKbps,
		r.SourceRef, r.StreamRef, r.DecisionRef)
}

// InsertPlays adds finished plays in bulk (imports, seeding); their IDs
// are not reported back.
func (s *Store) InsertPlays(ctx context.Context, plays []model.Play) error {
	if len(plays) == 0 {
		return nil
	}
	var refs *refResolver
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		refs = s.refs.resolver(tx, s.stamp())
		rows := make([]playRow, len(plays))
		for i, p := range plays {
			ids, err := refs.refs(p)
			if err != nil {
				return err
			}
			rows[i] = playRowFrom(p, ids)
			rows[i].ID = 0
		}
		// The driver binds arguments in time quadratic in their number
		// per statement: batches of a few dozen rows.
		return tx.CreateInBatches(rows, 40).Error
	})
	if err != nil {
		return fmt.Errorf("inserting %d plays: %w", len(plays), err)
	}
	refs.commit()
	return nil
}
