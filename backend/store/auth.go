package store

import (
	"context"
	"fmt"
	"time"
)

// Admin is an account allowed into the headless server.
type Admin struct {
	ID           int64 `gorm:"primaryKey"`
	Username     string
	PasswordHash string
	CreatedAt    int64 `gorm:"autoCreateTime:false"`
}

func (Admin) TableName() string { return "admins" }

type loginSessionRow struct {
	TokenHash string `gorm:"primaryKey"`
	AdminID   int64
	CreatedAt int64 `gorm:"autoCreateTime:false"`
	ExpiresAt int64
}

func (loginSessionRow) TableName() string { return "login_sessions" }

// AdminCount tells how many admin accounts exist.
func (s *Store) AdminCount(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.WithContext(ctx).Model(&Admin{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("counting admins: %w", err)
	}
	return n, nil
}

// CreateFirstAdmin creates an admin only when none exists yet, atomically,
// so two racing setup requests cannot both succeed. It returns ErrConflict
// when an admin already exists.
func (s *Store) CreateFirstAdmin(ctx context.Context, username, passwordHash string) (Admin, error) {
	admin := Admin{Username: username, PasswordHash: passwordHash, CreatedAt: s.stamp()}
	res := s.db.WithContext(ctx).Exec(
		`INSERT INTO admins (username, password_hash, created_at)
		 SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM admins)`,
		admin.Username, admin.PasswordHash, admin.CreatedAt)
	if res.Error != nil {
		return Admin{}, fmt.Errorf("creating first admin: %w", translate(res.Error))
	}
	if res.RowsAffected == 0 {
		return Admin{}, fmt.Errorf("creating first admin: %w", ErrConflict)
	}
	return s.AdminByUsername(ctx, username)
}

// AdminByUsername finds an admin, ignoring case.
func (s *Store) AdminByUsername(ctx context.Context, username string) (Admin, error) {
	var a Admin
	if err := s.db.WithContext(ctx).Where("username = ? COLLATE NOCASE", username).First(&a).Error; err != nil {
		return Admin{}, fmt.Errorf("reading admin: %w", translate(err))
	}
	return a, nil
}

// CreateLoginSession records a session whose token hashes to tokenHash.
func (s *Store) CreateLoginSession(ctx context.Context, tokenHash string, adminID int64, expires time.Time) error {
	row := loginSessionRow{TokenHash: tokenHash, AdminID: adminID, CreatedAt: s.stamp(), ExpiresAt: expires.UnixMilli()}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("creating login session: %w", translate(err))
	}
	return nil
}

// LoginSessionAdmin returns the admin owning an unexpired session.
func (s *Store) LoginSessionAdmin(ctx context.Context, tokenHash string) (Admin, error) {
	var a Admin
	err := s.db.WithContext(ctx).
		Joins("JOIN login_sessions ON login_sessions.admin_id = admins.id").
		Where("login_sessions.token_hash = ? AND login_sessions.expires_at > ?", tokenHash, s.stamp()).
		First(&a).Error
	if err != nil {
		return Admin{}, fmt.Errorf("reading login session: %w", translate(err))
	}
	return a, nil
}

// DeleteLoginSession ends one session.
func (s *Store) DeleteLoginSession(ctx context.Context, tokenHash string) error {
	if err := s.db.WithContext(ctx).Where("token_hash = ?", tokenHash).Delete(&loginSessionRow{}).Error; err != nil {
		return fmt.Errorf("deleting login session: %w", err)
	}
	return nil
}

// DeleteExpiredLoginSessions removes sessions past their expiry.
func (s *Store) DeleteExpiredLoginSessions(ctx context.Context) error {
	if err := s.db.WithContext(ctx).Where("expires_at <= ?", s.stamp()).Delete(&loginSessionRow{}).Error; err != nil {
		return fmt.Errorf("deleting expired login sessions: %w", err)
	}
	return nil
}
