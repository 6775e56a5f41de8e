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
	// Location is where the session's address was placed.
	Location model.Location
}

// Event names published by the monitor. Both carry only the server id:
// listeners read the new state through the service methods.
const (
	// EventStatus fires whenever a server's connection changes.
	EventStatus = "monitor:status"
	// EventActivity fires whenever the sessions of a server change.
	EventActivity = "monitor:activity"
)
