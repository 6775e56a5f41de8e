package store

import (
	"context"
	"encoding/json"
	"fmt"
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
