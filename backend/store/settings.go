package store

import (
	"context"
	"fmt"

	"gorm.io/gorm/clause"
)

type settingRow struct {
	Key   string `gorm:"primaryKey"`
	Value string
}

func (settingRow) TableName() string { return "settings" }

// Setting returns the value stored under key, or ErrNotFound.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var row settingRow
	if err := s.db.WithContext(ctx).Where("key = ?", key).First(&row).Error; err != nil {
		return "", fmt.Errorf("reading setting %q: %w", key, translate(err))
	}
	return row.Value, nil
}

// SetSetting stores value under key, replacing any previous value.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	err := s.db.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).
		Create(&settingRow{Key: key, Value: value}).Error
	if err != nil {
		return fmt.Errorf("writing setting %q: %w", key, err)
	}
	return nil
}
