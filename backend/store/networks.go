package store

import (
	"context"
	"fmt"

	"github.com/streamwarden/streamwarden/backend/model"
)

type networkRow struct {
	ID          int64  `gorm:"primaryKey"`
	CIDR        string `gorm:"column:cidr"`
	Label       string
	Local       bool
	HasLocation bool
	CountryCode string
	City        string
	Latitude    float64
	Longitude   float64
	CreatedAt   int64 `gorm:"autoCreateTime:false"`
	UpdatedAt   int64 `gorm:"autoUpdateTime:false"`
}

func (networkRow) TableName() string { return "networks" }

func (r networkRow) model() model.Network {
	return model.Network{ID: r.ID, CIDR: r.CIDR, Label: r.Label, Local: r.Local, HasLocation: r.HasLocation,
		CountryCode: r.CountryCode, City: r.City, Latitude: r.Latitude, Longitude: r.Longitude}
}

// Networks lists the user's subnets and named addresses.
func (s *Store) Networks(ctx context.Context) ([]model.Network, error) {
	var rows []networkRow
	if err := s.db.WithContext(ctx).Order("cidr").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("listing networks: %w", err)
	}
	out := make([]model.Network, len(rows))
	for i, r := range rows {
		out[i] = r.model()
	}
	return out, nil
}

// SaveNetwork inserts (ID 0) or updates a network and returns it.
func (s *Store) SaveNetwork(ctx context.Context, n model.Network) (model.Network, error) {
	row := networkRow{ID: n.ID, CIDR: n.CIDR, Label: n.Label, Local: n.Local, HasLocation: n.HasLocation,
		CountryCode: n.CountryCode, City: n.City, Latitude: n.Latitude, Longitude: n.Longitude, UpdatedAt: s.stamp()}
	db := s.db.WithContext(ctx)
	if n.ID == 0 {
		row.CreatedAt = row.UpdatedAt
		if err := db.Create(&row).Error; err != nil {
			return model.Network{}, fmt.Errorf("creating network: %w", translate(err))
		}
		return row.model(), nil
	}
	res := db.Model(&networkRow{ID: n.ID}).Updates(map[string]any{
		"cidr": row.CIDR, "label": row.Label, "local": row.Local, "has_location": row.HasLocation,
		"country_code": row.CountryCode, "city": row.City, "latitude": row.Latitude, "longitude": row.Longitude,
		"updated_at": row.UpdatedAt,
	})
	if res.Error != nil {
		return model.Network{}, fmt.Errorf("updating network %d: %w", n.ID, translate(res.Error))
	}
	if res.RowsAffected == 0 {
		return model.Network{}, fmt.Errorf("updating network %d: %w", n.ID, ErrNotFound)
	}
	return row.model(), nil
}

// DeleteNetwork removes a network.
func (s *Store) DeleteNetwork(ctx context.Context, id int64) error {
	res := s.db.WithContext(ctx).Delete(&networkRow{}, id)
	if res.Error != nil {
		return fmt.Errorf("deleting network %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("deleting network %d: %w", id, ErrNotFound)
	}
	return nil
}
