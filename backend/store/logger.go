package store

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

const slowQuery = 200 * time.Millisecond

// gormLogger routes gorm's messages into slog; it reports only errors
// and slow statements, never query arguments (they may hold secrets).
type gormLogger struct{ log *slog.Logger }

func newGormLogger(log *slog.Logger) logger.Interface { return gormLogger{log: log} }

func (l gormLogger) LogMode(logger.LogLevel) logger.Interface { return l }

func (l gormLogger) Info(ctx context.Context, msg string, args ...any) {
	l.log.DebugContext(ctx, msg, slog.Any("args", len(args)))
}

func (l gormLogger) Warn(ctx context.Context, msg string, args ...any) {
	l.log.WarnContext(ctx, msg, slog.Any("args", len(args)))
}

func (l gormLogger) Error(ctx context.Context, msg string, args ...any) {
	l.log.ErrorContext(ctx, msg, slog.Any("args", len(args)))
}

func (l gormLogger) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	elapsed := time.Since(begin)
	switch {
	case err != nil && !errors.Is(err, gorm.ErrRecordNotFound):
		sql, _ := fc()
		l.log.ErrorContext(ctx, "query failed", slog.String("sql", sql), slog.Any("error", err))
	case elapsed > slowQuery:
		sql, rows := fc()
		l.log.WarnContext(ctx, "slow query", slog.String("sql", sql), slog.Int64("rows", rows), slog.Duration("elapsed", elapsed))
	}
}
