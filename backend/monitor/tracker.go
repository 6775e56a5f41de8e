// Package monitor watches media servers and turns what they report into
// plays: the session tracker decides when a play starts, continues and
// stops; the per-server loop feeds it from realtime events and polls.
package monitor

import (
	"sort"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// TrackerConfig tunes how sessions become plays.
type TrackerConfig struct {
	// MissedObservations is how many consecutive successful observations a
	// session may be absent from before its play stops.
	MissedObservations int
	// ContinueGap is how long after it was last seen a play may be picked
	// up by a new session of the same user, device and item (clients open
	// a new session when the quality changes).
	ContinueGap time.Duration
	// OutageGrace is how long plays stay open while their server cannot
	// be reached; after it they stop at the time they were last seen.
	OutageGrace time.Duration
	// WatchedPercent is the position, in percent of the duration, from
	// which a play counts as watched.
	WatchedPercent int
	// Locator places client addresses; nil leaves them unlocated.
	Locator Locator
}

// Locator places a client address. It must be fast (cached): it runs on
// the tracker's path whenever a play's address changes.
type Locator interface {
	Locate(ip string) model.Location
}

// DefaultTrackerConfig is what DESIGN.md §4 asks for.
func DefaultTrackerConfig() TrackerConfig {
	return TrackerConfig{MissedObservations: 2, ContinueGap: 2 * time.Minute, OutageGrace: 10 * time.Minute, WatchedPercent: 85}
}

// ChangeKind says what happened to a play.
type ChangeKind int

const (
	PlayStarted ChangeKind = iota + 1
	PlayUpdated
	PlayStopped
)

// Change is one play that started, changed or stopped. Material is true
// when something other than the position and last-seen time changed.
type Change struct {
	Kind     ChangeKind
	Play     model.Play
	Material bool
	key      string
}

// Tracker follows the sessions of one server. It is not safe for
// concurrent use: one monitor loop owns it.
type Tracker struct {
	serverID int64
	cfg      TrackerConfig
	open     map[string]*openPlay
}

type openPlay struct {
	play    model.Play
	liveKey string
	missed  int
}

// NewTracker returns a tracker for serverID with no open plays.
func NewTracker(serverID int64, cfg TrackerConfig) *Tracker {
	return &Tracker{serverID: serverID, cfg: cfg, open: map[string]*openPlay{}}
}

// Restore takes back plays left open by an earlier run (after a crash or
// a restart), so that a session still playing continues its play instead
// of starting a second one.
func (t *Tracker) Restore(plays []model.Play) {
	for _, p := range plays {
		if p.ServerID != t.serverID || !p.StoppedAt.IsZero() {
			continue
		}
		t.open[liveKey(p.SessionKey, p.Media.ItemID)] = &openPlay{play: p, liveKey: liveKey(p.SessionKey, p.Media.ItemID)}
	}
}

// Open returns the plays open now, oldest first.
func (t *Tracker) Open() []model.Play {
	out := make([]model.Play, 0, len(t.open))
	for _, op := range t.open {
		out = append(out, op.play)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].StartedAt.Before(out[j].StartedAt) })
	return out
}

// Observe applies the server's complete list of current sessions, seen at
// now, and returns what changed.
func (t *Tracker) Observe(now time.Time, sessions []model.LiveSession) []Change {
	var changes []Change
	seen := make(map[string]bool, len(sessions))
	sessionKeys := make(map[string]model.LiveSession, len(sessions))
	for _, s := range sessions {
		if s.State == model.StateStopped {
			continue
		}
		sessionKeys[s.Key] = s
	}
	// Autoplay first: a session that now plays another item ends the
	// play of the item it played before.
	for key, op := range t.open {
		if s, ok := sessionKeys[op.play.SessionKey]; ok && s.Media.ItemID != op.play.Media.ItemID {
			changes = append(changes, t.stop(key, op))
		}
	}
	for _, s := range sessions {
		key := liveKey(s.Key, s.Media.ItemID)
		if s.State == model.StateStopped {
			// An explicit stop ends the play now, as last reported.
			if op, ok := t.open[key]; ok {
				t.update(op, s, now)
				changes = append(changes, t.stop(key, op))
			}
			continue
		}
		seen[key] = true
		if op, ok := t.open[key]; ok {
			changes = append(changes, t.update(op, s, now))
			continue
		}
		if op, oldKey := t.continuation(s, now, sessionKeys); op != nil {
			delete(t.open, oldKey)
			op.liveKey, op.play.SessionKey = key, s.Key
			t.open[key] = op
			c := t.update(op, s, now)
			c.Material = true
			changes = append(changes, c)
			continue
		}
		changes = append(changes, t.start(key, s, now))
	}
	for key, op := range t.open {
		if seen[key] {
			continue
		}
		op.missed++
		if op.missed >= t.cfg.MissedObservations {
			changes = append(changes, t.stop(key, op))
		}
	}
	return changes
}

// Unreachable records a failed observation at now. Plays stay open
// through short outages and stop, at their last-seen time, after
// OutageGrace without contact.
func (t *Tracker) Unreachable(now time.Time) []Change {
	var changes []Change
	for key, op := range t.open {
		if now.Sub(op.play.LastSeenAt) >= t.cfg.OutageGrace {
			changes = append(changes, t.stop(key, op))
		}
	}
	return changes
}

// StopAll closes every open play at its last-seen time (the server was
// removed or disabled).
func (t *Tracker) StopAll() []Change {
	var changes []Change
	for key, op := range t.open {
		changes = append(changes, t.stop(key, op))
	}
	return changes
}

// continuation finds an open play that a new session carries on: same
// user, device and item, whose own session is gone, seen recently.
func (t *Tracker) continuation(s model.LiveSession, now time.Time, current map[string]model.LiveSession) (*openPlay, string) {
	for key, op := range t.open {
		p := op.play
		if _, stillThere := current[p.SessionKey]; stillThere {
			continue
		}
		if p.User.ID == s.User.ID && p.Device.ID == s.Device.ID && p.Media.ItemID == s.Media.ItemID &&
			now.Sub(p.LastSeenAt) <= t.cfg.ContinueGap {
			return op, key
		}
	}
	return nil, ""
}

func (t *Tracker) start(key string, s model.LiveSession, now time.Time) Change {
	p := model.Play{
		ServerID: t.serverID, SessionKey: s.Key, StartedAt: now,
	}
	op := &openPlay{play: p, liveKey: key}
	t.open[key] = op
	t.apply(op, s, now)
	return Change{Kind: PlayStarted, Play: op.play, Material: true, key: key}
}

func (t *Tracker) update(op *openPlay, s model.LiveSession, now time.Time) Change {
	op.missed = 0
	before := op.play
	if before.State == model.StatePaused && now.After(before.LastSeenAt) {
		op.play.PausedMs += now.Sub(before.LastSeenAt).Milliseconds()
	}
	t.apply(op, s, now)
	after := op.play
	material := before.State != after.State || before.IP != after.IP || before.Decision.Overall != after.Decision.Overall ||
		before.Stream != after.Stream || before.Watched != after.Watched || before.BandwidthKbps != after.BandwidthKbps
	return Change{Kind: PlayUpdated, Play: after, Material: material, key: op.liveKey}
}

// apply copies what the session says onto the play.
func (t *Tracker) apply(op *openPlay, s model.LiveSession, now time.Time) {
	p := &op.play
	p.User, p.Device, p.Media = s.User, s.Device, s.Media
	if s.IP != "" && (s.IP != p.IP || p.Location.Source == "") {
		p.IP = s.IP
		if t.cfg.Locator != nil {
			p.Location = t.cfg.Locator.Locate(s.IP)
		}
	}
	p.Local = s.Local
	if !s.LocalKnown && p.Location.Source != "" {
		p.Local = p.Location.Source == model.LocationLocal
	}
	p.Source, p.Stream, p.Decision, p.LiveTV = s.Source, s.Stream, s.Decision, s.LiveTV
	p.BandwidthKbps = max(p.BandwidthKbps, s.BandwidthKbps)
	p.State = s.State
	p.PositionMs = s.PositionMs
	p.LastSeenAt = now
	if s.Media.DurationMs > 0 && s.PositionMs*100 >= s.Media.DurationMs*int64(t.cfg.WatchedPercent) {
		p.Watched = true
	}
}

func (t *Tracker) stop(key string, op *openPlay) Change {
	delete(t.open, key)
	op.play.StoppedAt = op.play.LastSeenAt
	op.play.State = model.StateStopped
	return Change{Kind: PlayStopped, Play: op.play, Material: true, key: key}
}

// assignID records the database id of a newly saved play.
func (t *Tracker) assignID(key string, id int64) {
	if op, ok := t.open[key]; ok && op.play.ID == 0 {
		op.play.ID = id
	}
}

// PlayOf returns the open play of a live session.
func (t *Tracker) PlayOf(s model.LiveSession) (model.Play, bool) {
	if op, ok := t.open[liveKey(s.Key, s.Media.ItemID)]; ok {
		return op.play, true
	}
	return model.Play{}, false
}

func liveKey(sessionKey, itemID string) string { return sessionKey + "\x00" + itemID }
