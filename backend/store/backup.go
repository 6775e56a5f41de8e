package store

import (
	"context"
	"fmt"
)

// Backup writes a consistent copy of the database to path (which must
// not exist), as of one moment, while the database stays in use.
func (s *Store) Backup(ctx context.Context, path string) error {
	if err := s.db.WithContext(ctx).Exec("VACUUM INTO ?", path).Error; err != nil {
		return fmt.Errorf("backing up the database to %s: %w", path, err)
	}
	return nil
}
