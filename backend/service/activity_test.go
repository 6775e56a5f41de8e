package service

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
	"github.com/streamwarden/streamwarden/backend/monitor"
)

// liveFake is a hand-written LiveSource.
type liveFake struct {
	sessions   []monitor.LiveSession
	statuses   []monitor.Status
	terminated []string
	err        error
}

func (l *liveFake) Live() []monitor.LiveSession { return l.sessions }
func (l *liveFake) Statuses() []monitor.Status  { return l.statuses }
func (l *liveFake) Terminate(_ context.Context, serverID int64, controlID, message string) error {
	l.terminated = append(l.terminated, controlID+"|"+message)
	return l.err
}

func liveSession(key, ip string, d model.Decision, kbps int) monitor.LiveSession {
	return monitor.LiveSession{
		LiveSession: model.LiveSession{
			ServerID: 1, Key: key, ControlID: "ctl-" + key, IP: ip, State: model.StatePlaying,
			User:     model.SessionUser{ID: "9", Name: "bob"},
			Media:    model.Media{Type: model.MediaTrack, Title: "Song", ParentTitle: "Album", GrandparentTitle: "Artist"},
			Decision: model.StreamDecision{Overall: d}, BandwidthKbps: kbps,
		},
		ServerName: "Main", PlayID: 7, StartedAt: time.UnixMilli(1_700_000_000_000),
	}
}

func TestActivityCurrent(t *testing.T) {
	live := &liveFake{
		sessions: []monitor.LiveSession{
			liveSession("a", "192.168.0.4", model.DecisionDirectPlay, 1000),
			liveSession("b", "203.0.113.4", model.DecisionTranscode, 4000),
			liveSession("c", "", model.DecisionDirectStream, 2000),
		},
		statuses: []monitor.Status{{ServerID: 1, Name: "Main", Kind: model.KindPlex, Connection: monitor.ConnRealtime}},
	}
	a := &Activity{ctx: context.Background(), live: live}
	snap, err := a.Current()
	require.NoError(t, err)
	require.Len(t, snap.Sessions, 3)
	assert.Equal(t, "Artist", snap.Sessions[0].Title)
	assert.Equal(t, "Album · Song", snap.Sessions[0].Subtitle)
	assert.Equal(t, "lan", snap.Sessions[0].Location)
	assert.Equal(t, "wan", snap.Sessions[1].Location)
	assert.Equal(t, "", snap.Sessions[2].Location, "no address, no guess")
	assert.Equal(t, ActivityTotals{Streams: 3, DirectPlays: 1, DirectStreams: 1, Transcodes: 1, BandwidthKbps: 7000,
		LANBandwidthKbps: 1000, WANBandwidthKbps: 6000}, snap.Totals)
	assert.Equal(t, "realtime", snap.Servers[0].Connection)
}

func TestActivityStop(t *testing.T) {
	live := &liveFake{sessions: []monitor.LiveSession{liveSession("a", "1.2.3.4", model.DecisionDirectPlay, 0)}}
	a := &Activity{ctx: context.Background(), live: live}
	require.NoError(t, a.Stop(1, "a", "  bye  "))
	assert.Equal(t, []string{"ctl-a|bye"}, live.terminated)

	kind, _ := kindOf(t, a.Stop(1, "gone", ""))
	assert.Equal(t, KindNotFound, kind)
	kind, field := kindOf(t, a.Stop(1, "a", string(make([]byte, 501))))
	assert.Equal(t, KindInvalid, kind)
	assert.Equal(t, "message", field)

	live.err = &mediaserver.Error{Reason: mediaserver.ReasonUnauthorized, Message: "Stopping streams needs Plex Pass on this server."}
	err := a.Stop(1, "a", "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Plex Pass")
	live.err = errors.New("boom")
	assert.Contains(t, a.Stop(1, "a", "").Error(), "could not be stopped")
}
