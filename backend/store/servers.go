package store

import (
	"context"
	"fmt"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

type serverRow struct {
	ID        int64 `gorm:"primaryKey"`
	Kind      string
	Name      string
	URL       string `gorm:"column:url"`
	VerifyTLS bool   `gorm:"column:verify_tls"`
	Enabled   bool
	Source    string
	TokenRef  string
	CreatedAt int64 `gorm:"autoCreateTime:false"`
	UpdatedAt int64 `gorm:"autoUpdateTime:false"`
}

func (serverRow) TableName() string { return "servers" }

func (r serverRow) model() model.Server {
	return model.Server{
		ID: r.ID, Kind: model.ServerKind(r.Kind), Name: r.Name, URL: r.URL,
		VerifyTLS: r.VerifyTLS, Enabled: r.Enabled, Source: model.ServerSource(r.Source),
		TokenRef: r.TokenRef, CreatedAt: time.UnixMilli(r.CreatedAt).UTC(), UpdatedAt: time.UnixMilli(r.UpdatedAt).UTC(),
	}
}

func serverRowFrom(s model.Server) serverRow {
	return serverRow{
		ID: s.ID, Kind: string(s.Kind), Name: s.Name, URL: s.URL, VerifyTLS: s.VerifyTLS,
		Enabled: s.Enabled, Source: string(s.Source), TokenRef: s.TokenRef,
	}
}

// Servers lists every server, ordered by name.
func (s *Store) Servers(ctx context.Context) ([]model.Server, error) {
	var rows []serverRow
	if err := s.db.WithContext(ctx).Order("name COLLATE NOCASE").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("listing servers: %w", err)
	}
	out := make([]model.Server, len(rows))
	for i, r := range rows {
		out[i] = r.model()
	}
	return out, nil
}

// Server returns one server by id.
func (s *Store) Server(ctx context.Context, id int64) (model.Server, error) {
	var row serverRow
	if err := s.db.WithContext(ctx).First(&row, id).Error; err != nil {
		return model.Server{}, fmt.Errorf("reading server %d: %w", id, translate(err))
	}
	return row.model(), nil
}

// ServerBySource returns the server declared by the given source and kind,
// used to find servers declared through the environment.
func (s *Store) ServerBySource(ctx context.Context, source model.ServerSource, kind model.ServerKind) (model.Server, error) {
	var row serverRow
	err := s.db.WithContext(ctx).Where("source = ? AND kind = ?", source, kind).First(&row).Error
	if err != nil {
		return model.Server{}, fmt.Errorf("reading %s server of kind %s: %w", source, kind, translate(err))
	}
	return row.model(), nil
}

// CreateServer inserts srv and returns it with its id and timestamps.
func (s *Store) CreateServer(ctx context.Context, srv model.Server) (model.Server, error) {
	row := serverRowFrom(srv)
	row.ID = 0
	row.CreatedAt = s.stamp()
	row.UpdatedAt = row.CreatedAt
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return model.Server{}, fmt.Errorf("creating server: %w", translate(err))
	}
	return row.model(), nil
}

// UpdateServer saves every field of srv but its creation time.
func (s *Store) UpdateServer(ctx context.Context, srv model.Server) (model.Server, error) {
	res := s.db.WithContext(ctx).Model(&serverRow{ID: srv.ID}).
		Updates(map[string]any{
			"kind": string(srv.Kind), "name": srv.Name, "url": srv.URL, "verify_tls": srv.VerifyTLS,
			"enabled": srv.Enabled, "source": string(srv.Source), "token_ref": srv.TokenRef, "updated_at": s.stamp(),
		})
	if res.Error != nil {
		return model.Server{}, fmt.Errorf("updating server %d: %w", srv.ID, translate(res.Error))
	}
	if res.RowsAffected == 0 {
		return model.Server{}, fmt.Errorf("updating server %d: %w", srv.ID, ErrNotFound)
	}
	return s.Server(ctx, srv.ID)
}

// DeleteServer removes a server.
func (s *Store) DeleteServer(ctx context.Context, id int64) error {
	res := s.db.WithContext(ctx).Delete(&serverRow{}, id)
	if res.Error != nil {
		return fmt.Errorf("deleting server %d: %w", id, translate(res.Error))
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("deleting server %d: %w", id, ErrNotFound)
	}
	return nil
}
