package monitor

import (
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// Connection says how a server is being watched right now.
type Connection string

const (
	ConnConnecting    Connection = "connecting"
	ConnRealtime      Connection = "realtime"
	ConnPolling       Connection = "polling"
	ConnUnreachable   Connection = "unreachable"
	ConnTokenRejected Connection = "token_rejected"
)

// Status is the state of one watched server.
type Status struct {
	ServerID    int64
	Name        string
	Kind        model.ServerKind
	Connection  Connection
	LastError   string
	LastContact time.Time
	Sessions    int
}

// LiveSession is a session playing now with the play it belongs to.
type LiveSession struct {
	model.LiveSession
	ServerName string
	PlayID     int64
	StartedAt  time.Time
}

// Event names published by the monitor.
const (
	// EventStatus carries a Status whenever a server's connection changes.
	EventStatus = "monitor:status"
	// EventActivity carries the server id and its []LiveSession whenever
	// the sessions of that server change.
	EventActivity = "monitor:activity"
)
