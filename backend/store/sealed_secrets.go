package store

import (
	"context"
	"fmt"

	"gorm.io/gorm/clause"
)

type sealedSecretRow struct {
	Name       string `gorm:"primaryKey"`
	Ciphertext []byte
	UpdatedAt  int64 `gorm:"autoUpdateTime:false"`
}

func (sealedSecretRow) TableName() string { return "sealed_secrets" }

// SealedSecret returns the ciphertext stored under name, or ErrNotFound.
func (s *Store) SealedSecret(ctx context.Context, name string) ([]byte, error) {
	var row sealedSecretRow
	if err := s.db.WithContext(ctx).Where("name = ?", name).First(&row).Error; err != nil {
		return nil, fmt.Errorf("reading sealed secret: %w", translate(err))
	}
	return row.Ciphertext, nil
}

// PutSealedSecret stores ciphertext under name, replacing any previous value.
func (s *Store) PutSealedSecret(ctx context.Context, name string, ciphertext []byte) error {
	row := sealedSecretRow{Name: name, Ciphertext: ciphertext, UpdatedAt: s.stamp()}
	if err := s.db.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error; err != nil {
		return fmt.Errorf("writing sealed secret: %w", err)
	}
	return nil
}

// DeleteSealedSecret removes name; deleting a missing name is not an error.
func (s *Store) DeleteSealedSecret(ctx context.Context, name string) error {
	if err := s.db.WithContext(ctx).Where("name = ?", name).Delete(&sealedSecretRow{}).Error; err != nil {
		return fmt.Errorf("deleting sealed secret: %w", err)
	}
	return nil
}
