package store

import (
	"context"
	"fmt"
)

// APIKey is a stored API key; only a hash of the key is kept.
type APIKey struct {
	ID         int64 `gorm:"primaryKey"`
	Name       string
	Prefix     string
	KeyHash    string
	CreatedAt  int64 `gorm:"autoCreateTime:false"`
	LastUsedAt int64
}

func (APIKey) TableName() string { return "api_keys" }

// APIKeys lists every key, newest first.
func (s *Store) APIKeys(ctx context.Context) ([]APIKey, error) {
	var keys []APIKey
	if err := s.db.WithContext(ctx).Order("id DESC").Find(&keys).Error; err != nil {
		return nil, fmt.Errorf("listing API keys: %w", err)
	}
	return keys, nil
}

// CreateAPIKey stores a new key.
func (s *Store) CreateAPIKey(ctx context.Context, name, prefix, keyHash string) (APIKey, error) {
	key := APIKey{Name: name, Prefix: prefix, KeyHash: keyHash, CreatedAt: s.stamp()}
	if err := s.db.WithContext(ctx).Create(&key).Error; err != nil {
		return APIKey{}, fmt.Errorf("creating API key: %w", translate(err))
	}
	return key, nil
}

// UseAPIKey finds the key with keyHash and records that it was used.
func (s *Store) UseAPIKey(ctx context.Context, keyHash string) (APIKey, error) {
	var key APIKey
	if err := s.db.WithContext(ctx).Where("key_hash = ?", keyHash).First(&key).Error; err != nil {
		return APIKey{}, fmt.Errorf("reading API key: %w", translate(err))
	}
	key.LastUsedAt = s.stamp()
	if err := s.db.WithContext(ctx).Model(&key).Update("last_used_at", key.LastUsedAt).Error; err != nil {
		return APIKey{}, fmt.Errorf("recording API key use: %w", err)
	}
	return key, nil
}

// DeleteAPIKey revokes a key.
func (s *Store) DeleteAPIKey(ctx context.Context, id int64) error {
	res := s.db.WithContext(ctx).Delete(&APIKey{}, id)
	if res.Error != nil {
		return fmt.Errorf("deleting API key %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("deleting API key %d: %w", id, ErrNotFound)
	}
	return nil
}
