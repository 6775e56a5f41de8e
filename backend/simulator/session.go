package simulator

import (
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// QualityMode says how a client switches quality.
type QualityMode int

const (
	// SameSession keeps the session: Plex shows a TranscodeSession appear
	// or disappear under the same sessionKey, Jellyfin/Emby change
	// PlayMethod and TranscodingInfo.
	SameSession QualityMode = iota
	// NewSession ends the session and starts another with new ids for the
	// same user, device and item at the same position, as many clients do.
	NewSession
)

// Session is a handle on one playback of a Server. Its methods are safe
// for concurrent use and do nothing once the session has stopped.
type Session struct {
	srv *Server
	ls  *liveSession
}

// Play starts a playback and announces it on the realtime channels.
func (s *Server) Play(spec SessionSpec) *Session {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.cfg.Now()
	ls, tc := s.newLive(spec, false, now)
	s.announce(ls, tc)
	return &Session{srv: s, ls: ls}
}

// Sessions returns handles on the live sessions in the order they started.
func (s *Server) Sessions() []*Session {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*Session, 0, len(s.sessions))
	for _, ls := range s.sessions {
		out = append(out, &Session{srv: s, ls: ls})
	}
	return out
}

// update applies fn to a live session under the lock, then announces it.
func (x *Session) update(fn func(ls *liveSession, now time.Time) transcodeEvent) {
	s := x.srv
	s.mu.Lock()
	defer s.mu.Unlock()
	if x.ls.stopped {
		return
	}
	now := s.cfg.Now()
	x.ls.fold(now)
	transcode := fn(x.ls, now)
	x.ls.lastActivity = now
	s.announce(x.ls, transcode)
}

func (x *Session) setState(st model.PlaybackState) {
	x.update(func(ls *liveSession, now time.Time) transcodeEvent {
		if st == model.StatePaused && ls.state != model.StatePaused {
			ls.lastPaused = now
		}
		ls.state = st
		return transcodeEvent{}
	})
}

// Pause pauses playback.
func (x *Session) Pause() { x.setState(model.StatePaused) }

// Resume resumes playback.
func (x *Session) Resume() { x.setState(model.StatePlaying) }

// Buffer marks the session as buffering (Plex only has this state; on
// Jellyfin/Emby the session shows as playing).
func (x *Session) Buffer() { x.setState(model.StateBuffering) }

// Seek moves the position.
func (x *Session) Seek(pos time.Duration) {
	x.update(func(ls *liveSession, _ time.Time) transcodeEvent {
		ls.pos = clampPosition(pos, ls.item.Duration)
		return transcodeEvent{}
	})
}

// Advance moves the position forward by d if the session is playing.
// Playing sessions also move with the server's clock.
func (x *Session) Advance(d time.Duration) {
	x.update(func(ls *liveSession, _ time.Time) transcodeEvent {
		if ls.state == model.StatePlaying {
			ls.pos = clampPosition(ls.pos+d, ls.item.Duration)
		}
		return transcodeEvent{}
	})
}

// Autoplay moves the same session on to the next item from its start.
func (x *Session) Autoplay(next MediaItem) {
	x.update(func(ls *liveSession, _ time.Time) transcodeEvent {
		ls.item = next
		ls.pos = 0
		ls.state = model.StatePlaying
		ls.queueItemID++
		ls.delivery = ls.deliverySpec.normalize(next)
		if ls.transcoding() {
			ls.transcodeID = randomAlnum(x.srv.rng, 24)
		} else {
			ls.transcodeID = ""
		}
		return transcodeEvent{}
	})
}

// ChangeQuality switches the delivery. In SameSession mode it returns x;
// in NewSession mode x stops and the returned Session replaces it.
func (x *Session) ChangeQuality(d Delivery, mode QualityMode) *Session {
	if mode == SameSession {
		x.update(func(ls *liveSession, _ time.Time) transcodeEvent {
			return x.srv.setDelivery(ls, d)
		})
		return x
	}
	s := x.srv
	s.mu.Lock()
	defer s.mu.Unlock()
	if x.ls.stopped {
		return x
	}
	now := s.cfg.Now()
	old := x.ls
	s.announce(old, s.remove(old, "", now))
	spec := SessionSpec{
		User: old.user, Device: old.device, Network: old.network, Item: old.item,
		Delivery: d, Position: old.pos, State: old.state,
	}
	ls, tc := s.newLive(spec, true, now)
	s.announce(ls, tc)
	return &Session{srv: s, ls: ls}
}

// Stop ends the session as a client stopping would.
func (x *Session) Stop() { x.srv.stopSession(x.ls, "") }

func (s *Server) stopSession(ls *liveSession, reason string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ls.stopped {
		return false
	}
	s.announce(ls, s.remove(ls, reason, s.cfg.Now()))
	return true
}

// Key is the session's key on its server: the Plex sessionKey or the
// Jellyfin/Emby session Id.
func (x *Session) Key() string {
	x.srv.mu.Lock()
	defer x.srv.mu.Unlock()
	if x.srv.cfg.Kind == model.KindPlex {
		return x.ls.plexKey
	}
	return x.ls.embyID
}

// ControlID is what stops the session: Plex Session.id, or the
// Jellyfin/Emby session Id.
func (x *Session) ControlID() string {
	x.srv.mu.Lock()
	defer x.srv.mu.Unlock()
	if x.srv.cfg.Kind == model.KindPlex {
		return x.ls.plexID
	}
	return x.ls.embyID
}

// State is the playback state; StateStopped once stopped.
func (x *Session) State() model.PlaybackState {
	x.srv.mu.Lock()
	defer x.srv.mu.Unlock()
	if x.ls.stopped {
		return model.StateStopped
	}
	return x.ls.state
}

// Position is the playback position now.
func (x *Session) Position() time.Duration {
	x.srv.mu.Lock()
	defer x.srv.mu.Unlock()
	return x.ls.position(x.srv.cfg.Now())
}

// Item is the item playing.
func (x *Session) Item() MediaItem {
	x.srv.mu.Lock()
	defer x.srv.mu.Unlock()
	return x.ls.item
}

// User is the account playing, with the id the server reports.
func (x *Session) User() User {
	x.srv.mu.Lock()
	defer x.srv.mu.Unlock()
	return x.ls.user
}

// Device is the client playing.
func (x *Session) Device() Device {
	x.srv.mu.Lock()
	defer x.srv.mu.Unlock()
	return x.ls.device
}

// Network is where the client connects from.
func (x *Session) Network() Network {
	x.srv.mu.Lock()
	defer x.srv.mu.Unlock()
	return x.ls.network
}

// Stopped reports whether the session has ended.
func (x *Session) Stopped() bool {
	x.srv.mu.Lock()
	defer x.srv.mu.Unlock()
	return x.ls.stopped
}

// StopReason is the reason given when the server terminated the session.
func (x *Session) StopReason() string {
	x.srv.mu.Lock()
	defer x.srv.mu.Unlock()
	return x.ls.stopReason
}

// Messages are the messages sent to the session through the API.
func (x *Session) Messages() []Message {
	x.srv.mu.Lock()
	defer x.srv.mu.Unlock()
	return append([]Message(nil), x.ls.messages...)
}
