package simulator

import (
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// Message is a message sent to a Jellyfin/Emby session.
type Message struct {
	Header    string
	Text      string
	TimeoutMs int
}

// liveSession is one playback's state. It is guarded by Server.mu.
type liveSession struct {
	seq          uint64
	plexKey      string
	plexID       string
	transcodeID  string
	embyID       string
	queueItemID  int
	user         User
	device       Device
	network      Network
	item         MediaItem
	deliverySpec Delivery
	delivery     Delivery
	state        model.PlaybackState
	pos          time.Duration
	since        time.Time
	started      time.Time
	lastActivity time.Time
	lastPaused   time.Time
	stopped      bool
	stopReason   string
	messages     []Message
}

// position is where playback is at now: it moves with the clock while
// playing and never passes the item's end.
func (ls *liveSession) position(now time.Time) time.Duration {
	p := ls.pos
	if ls.state == model.StatePlaying && !ls.stopped {
		if d := now.Sub(ls.since); d > 0 {
			p += d
		}
	}
	return clampPosition(p, ls.item.Duration)
}

// fold pins the moving position at now.
func (ls *liveSession) fold(now time.Time) {
	ls.pos = ls.position(now)
	ls.since = now
}

func clampPosition(p, duration time.Duration) time.Duration {
	if p < 0 {
		return 0
	}
	if duration > 0 && p > duration {
		return duration
	}
	return p
}

// transcoding says whether the server runs a transcoder for the session
// (a Plex TranscodeSession, a Jellyfin/Emby TranscodingInfo).
func (ls *liveSession) transcoding() bool {
	return ls.delivery.Decision.Overall == model.DecisionTranscode ||
		ls.delivery.Decision.Overall == model.DecisionDirectStream
}

// transcodeEvent says that a Plex transcode session started or ended.
type transcodeEvent struct {
	kind string // "start", "end" or "" for none
	id   string
}

// setDelivery applies d and keeps the Plex transcode id in step.
func (s *Server) setDelivery(ls *liveSession, d Delivery) transcodeEvent {
	was, oldID := ls.transcoding(), ls.transcodeID
	ls.deliverySpec = d
	ls.delivery = d.normalize(ls.item)
	now := ls.transcoding()
	switch {
	case now && !was:
		ls.transcodeID = randomAlnum(s.rng, 24)
		return transcodeEvent{kind: "start", id: ls.transcodeID}
	case !now && was:
		ls.transcodeID = ""
		return transcodeEvent{kind: "end", id: oldID}
	}
	return transcodeEvent{}
}

// resolveUser fills a missing user id in the kind's format.
func (s *Server) resolveUser(u User) User {
	if u.ID == "" {
		u.ID = userID(s.cfg.Kind, s.cfg.Owner, u.Name)
	}
	return u
}

// userID is the id a server of kind gives the account name: the owner is
// "1" on Plex.
func userID(kind model.ServerKind, owner, name string) string {
	switch {
	case kind != model.KindPlex:
		return hashHex("user", name)
	case name == owner:
		return "1"
	default:
		return hashNumber(1_000_000, 90_000_000, "user", name)
	}
}

func resolveDevice(d Device) Device {
	if d.ID == "" {
		d.ID = hashHex("device", d.Name, d.Product)[:24]
	}
	if d.Name == "" {
		d.Name = d.Product
	}
	return d
}

// rememberUser records an account the server knows, in order of arrival.
func (s *Server) rememberUser(u User) {
	for _, known := range s.users {
		if known.Name == u.Name {
			return
		}
	}
	s.users = append(s.users, u)
}

// embySessionID is a stable id per app and device (Jellyfin derives it
// from both); a fresh one is made when asked or when it is taken.
func (s *Server) embySessionID(dev Device, fresh bool) string {
	base := hashHex(dev.Product, dev.ID)
	if !fresh && s.findEmby(base) == nil {
		return base
	}
	return hashHex(dev.Product, dev.ID, i64toa(int64(s.nextSeq)))
}

func (s *Server) findEmby(id string) *liveSession {
	for _, ls := range s.sessions {
		if ls.embyID == id {
			return ls
		}
	}
	return nil
}

func (s *Server) findPlexID(id string) *liveSession {
	for _, ls := range s.sessions {
		if ls.plexID == id {
			return ls
		}
	}
	return nil
}

// newLive builds and registers a session. Caller holds s.mu.
func (s *Server) newLive(spec SessionSpec, freshID bool, now time.Time) (*liveSession, transcodeEvent) {
	s.nextSeq++
	s.nextKey++
	state := spec.State
	if state == "" || state == model.StateStopped {
		state = model.StatePlaying
	}
	ls := &liveSession{
		seq:          s.nextSeq,
		plexKey:      itoa(s.nextKey),
		plexID:       randomAlnum(s.rng, 24),
		queueItemID:  s.rng.IntN(90000) + 10000,
		user:         s.resolveUser(spec.User),
		device:       resolveDevice(spec.Device),
		network:      spec.Network,
		item:         spec.Item,
		state:        state,
		pos:          clampPosition(spec.Position, spec.Item.Duration),
		since:        now,
		started:      now,
		lastActivity: now,
	}
	if state == model.StatePaused {
		ls.lastPaused = now
	}
	ls.embyID = s.embySessionID(ls.device, freshID)
	tc := s.setDelivery(ls, spec.Delivery)
	s.rememberUser(ls.user)
	s.sessions = append(s.sessions, ls)
	return ls, tc
}

// remove stops ls and drops it from the live list; it reports the end
// of its transcode session, if any. Caller holds s.mu.
func (s *Server) remove(ls *liveSession, reason string, now time.Time) transcodeEvent {
	var tc transcodeEvent
	if ls.transcodeID != "" {
		tc = transcodeEvent{kind: "end", id: ls.transcodeID}
	}
	ls.fold(now)
	ls.stopped = true
	ls.stopReason = reason
	ls.transcodeID = ""
	for i, other := range s.sessions {
		if other == ls {
			s.sessions = append(s.sessions[:i], s.sessions[i+1:]...)
			break
		}
	}
	return tc
}
