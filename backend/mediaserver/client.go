package mediaserver

import (
	"context"

	"github.com/streamwarden/streamwarden/backend/model"
)

// The capabilities a media server client may have. Each is small so that
// consumers ask only for what they use, and a kind that lacks one (a
// server without realtime events, say) simply does not implement it.

// SessionLister reads the sessions playing now.
type SessionLister interface {
	Sessions(ctx context.Context) ([]model.LiveSession, error)
}

// Update is one realtime notification. When Complete is true, Sessions is
// the server's whole current list (Jellyfin and Emby push it); when false
// the server only said that something changed (Plex) and the sessions
// must be listed again.
type Update struct {
	Sessions []model.LiveSession
	Complete bool
}

// RealtimeSubscriber streams session changes. Subscribe calls handle as
// soon as the connection is up (so the caller knows realtime works and
// resyncs) and on every change after; it blocks until ctx ends (returning
// nil) or the connection fails (returning the error); the caller
// reconnects with backoff. handle runs on Subscribe's goroutine.
type RealtimeSubscriber interface {
	Subscribe(ctx context.Context, handle func(Update)) error
}

// Terminator stops a session, showing message to the viewer when the
// client supports it.
type Terminator interface {
	Terminate(ctx context.Context, controlID, message string) error
}

// ServerUser is an account known to a media server.
type ServerUser struct {
	ID      string
	Name    string
	IsAdmin bool
}

// UserLister lists the accounts of a server.
type UserLister interface {
	Users(ctx context.Context) ([]ServerUser, error)
}

// Library is one library (section) of a server.
type Library struct {
	ID   string
	Name string
	Type string
}

// LibraryLister lists the libraries of a server.
type LibraryLister interface {
	Libraries(ctx context.Context) ([]Library, error)
}
