package simulator

import (
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// idleSession is a Jellyfin/Emby client that is connected but plays
// nothing: a browser on the dashboard, a TV app on its home screen.
type idleSession struct {
	id      string
	user    User
	device  Device
	network Network
	last    time.Time
}

type idleTemplate struct {
	user, device, jellyfin, emby, version, ip string
	local                                     bool
}

func idleTemplates(owner string) []idleTemplate {
	return []idleTemplate{
		{owner, "Firefox", "Jellyfin Web", "Emby Web", "", "192.168.1.20", true},
		{"family", "Living Room TV", "Jellyfin Android TV", "Emby for Android", "0.18.3", "192.168.1.31", true},
		{"guest", "iPhone", "Swiftfin iOS", "Emby for iOS", "1.3.0", "203.0.113.45", false},
	}
}

// idleSessions builds the configured number of idle sessions; they are
// fixed for the server's life.
func (s *Server) idleSessions() []idleSession {
	if s.cfg.Kind == model.KindPlex {
		return nil
	}
	tmpls := idleTemplates(s.cfg.Owner)
	now := s.cfg.Now()
	out := make([]idleSession, 0, s.cfg.IdleSessions)
	for i := range s.cfg.IdleSessions {
		t := tmpls[i%len(tmpls)]
		name := t.device
		if i >= len(tmpls) {
			name += " " + itoa(i/len(tmpls)+1)
		}
		product, version := t.jellyfin, t.version
		if s.cfg.Kind == model.KindEmby {
			product = t.emby
		}
		if version == "" {
			version = s.cfg.Version
		}
		dev := Device{ID: hashHex(s.cfg.MachineID, "idle", itoa(i)), Name: name, Product: product, Version: version}
		u := s.resolveUser(User{Name: t.user})
		s.rememberUser(u)
		out = append(out, idleSession{
			id: hashHex(product, dev.ID), user: u, device: dev,
			network: Network{IP: t.ip, Local: t.local},
			last:    now.Add(-time.Duration(i+1) * 7 * time.Minute),
		})
	}
	return out
}

func (s *Server) embyIdle(is idleSession) embySession {
	out := s.embyBase(is.id, is.user, is.device, is.network)
	out.PlayState = embyPlayState{RepeatMode: "RepeatNone"}
	if s.cfg.Kind == model.KindJellyfin {
		out.PlayState.PlaybackOrder = "Default"
	}
	out.LastActivityDate = jfTime(is.last)
	out.LastPlaybackCheckIn = jfTime(time.Time{})
	return out
}
