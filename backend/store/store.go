// Package store keeps Streamwarden's data in an embedded SQLite database.
// It is the only package that knows about gorm.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a write would break a uniqueness rule.
var ErrConflict = errors.New("already exists")

// Store is the handle on one SQLite database file.
type Store struct {
	db               *gorm.DB
	now              func() time.Time
	selectiveMatches int
	refs             *refCache
}

// Options tunes Open; the zero value is fine.
type Options struct {
	// Now is the clock used for timestamps; defaults to time.Now.
	Now func() time.Time
	// Logger receives slow-query and error logs from gorm.
	Logger *slog.Logger
	// SelectiveMatches tunes how word searches run (tests lower it to
	// reach both strategies with little data).
	SelectiveMatches int
}

// Open opens (creating if needed) the database at path and brings its
// schema up to date.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("creating database directory: %w", err)
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	db, err := gorm.Open(sqlite.Open(dsn(path)), &gorm.Config{
		Logger:         newGormLogger(log.With(slog.String("component", "store"))),
		NowFunc:        func() time.Time { return now().UTC() },
		TranslateError: true,
	})
	if err != nil {
		return nil, fmt.Errorf("opening database %s: %w", path, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("getting database handle: %w", err)
	}
	// SQLite allows one writer; a single connection serialises writes
	// without SQLITE_BUSY surprises.
	sqlDB.SetMaxOpenConns(1)
	s := &Store{db: db, now: now, selectiveMatches: opts.SelectiveMatches, refs: newRefCache()}
	if s.selectiveMatches <= 0 {
		s.selectiveMatches = defaultSelectiveMatches
	}
	if err := s.migrate(ctx); err != nil {
		_ = sqlDB.Close()
		return nil, err
	}
	return s, nil
}

func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(5000)", "synchronous(NORMAL)", "foreign_keys(1)"} {
		q.Add("_pragma", p)
	}
	return "file:" + path + "?" + q.Encode()
}

// Close releases the database file.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("getting database handle: %w", err)
	}
	if err := sqlDB.Close(); err != nil {
		return fmt.Errorf("closing database: %w", err)
	}
	return nil
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("getting database handle: %w", err)
	}
	return sqlDB.PingContext(ctx)
}

func translate(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return ErrNotFound
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return ErrConflict
	}
	return err
}

func (s *Store) stamp() int64 { return s.now().UTC().UnixMilli() }
