package model

import "time"

// Play is one viewing of one item by one user on one device. It may span
// pauses and several server sessions (a quality change starts a new
// session that continues the same play).
type Play struct {
	ID         int64
	ServerID   int64
	SessionKey string
	User       SessionUser
	Device     Device
	IP         string
	Local      bool
	// Location is where IP was placed; a zero Source means not looked up.
	Location Location
	Media    Media
	Source   Quality
	Stream   Quality
	Decision StreamDecision
	// BandwidthKbps is the highest bandwidth seen during the play.
	BandwidthKbps int
	LiveTV        bool
	State         PlaybackState
	StartedAt     time.Time
	// StoppedAt is zero while the play is open.
	StoppedAt  time.Time
	LastSeenAt time.Time
	PausedMs   int64
	PositionMs int64
	Watched    bool
}

// WatchMs is the time spent watching: wall time minus paused time.
func (p Play) WatchMs() int64 {
	end := p.StoppedAt
	if end.IsZero() {
		end = p.LastSeenAt
	}
	ms := end.Sub(p.StartedAt).Milliseconds() - p.PausedMs
	if ms < 0 {
		return 0
	}
	return ms
}
