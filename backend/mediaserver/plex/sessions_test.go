package plex_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
	"github.com/streamwarden/streamwarden/backend/model"
)

var sessionFixtures = []string{
	"sessions_movie_transcode_hw.xml",
	"sessions_episode_lan.json",
	"sessions_track_directstream.xml",
	"sessions_livetv.json",
	"sessions_relayed.xml",
	"sessions_ipv6.json",
	"sessions_no_user_player.xml",
	"sessions_empty.xml",
	"sessions_empty.json",
}

func TestParseSessionsGolden(t *testing.T) {
	for _, name := range sessionFixtures {
		t.Run(name, func(t *testing.T) {
			got, err := plex.ParseSessions(contentType(name), fixture(t, name))
			require.NoError(t, err)
			require.NotNil(t, got, "an empty server is an empty list, not nil")
			golden(t, name+".golden", got)
		})
	}
}

// parseFixture parses a fixture and returns its sessions by key.
func parseFixture(t *testing.T, name string) map[string]model.LiveSession {
	t.Helper()
	list, err := plex.ParseSessions(contentType(name), fixture(t, name))
	require.NoError(t, err)
	byKey := map[string]model.LiveSession{}
	for _, s := range list {
		byKey[s.Key] = s
	}
	return byKey
}

func TestParseSessionsAddress(t *testing.T) {
	tests := []struct {
		fixture, key string
		ip           string
		local, known bool
	}{
		{"sessions_movie_transcode_hw.xml", "17", "203.0.113.45", false, true},
		{"sessions_episode_lan.json", "44", "192.168.1.23", true, true}, // LAN: not the public address
		{"sessions_track_directstream.xml", "211", "198.51.100.140", false, true},
		{"sessions_relayed.xml", "73", "198.51.100.77", false, true}, // relayed: remotePublicAddress, not 127.0.0.1
		{"sessions_relayed.xml", "75", "fe80::1c2b:3aff:fe4d:5e6f", true, true},
		{"sessions_ipv6.json", "9", "198.51.100.7", false, true},
		{"sessions_ipv6.json", "10", "2001:db8::99", false, true},
		{"sessions_no_user_player.xml", "301", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.fixture+"/"+tt.key, func(t *testing.T) {
			s, ok := parseFixture(t, tt.fixture)[tt.key]
			require.True(t, ok)
			assert.Equal(t, tt.ip, s.IP)
			assert.Equal(t, tt.local, s.Local)
			assert.Equal(t, tt.known, s.LocalKnown)
		})
	}
}

func TestParseSessionsDecision(t *testing.T) {
	const (
		play   = model.DecisionDirectPlay
		copy   = model.DecisionDirectStream
		trans  = model.DecisionTranscode
		absent = model.DecisionUnknown
	)
	tests := []struct {
		fixture, key string
		want         model.StreamDecision
	}{
		{"sessions_movie_transcode_hw.xml", "17", model.StreamDecision{
			Overall: trans, Video: trans, Audio: trans, Subtitle: trans, HardwareDecode: true, HardwareEncode: true}},
		{"sessions_episode_lan.json", "44", model.StreamDecision{Overall: play, Video: play, Audio: play, Subtitle: play}},
		{"sessions_track_directstream.xml", "211", model.StreamDecision{Overall: copy, Video: absent, Audio: copy}},
		{"sessions_livetv.json", "58", model.StreamDecision{Overall: trans, Video: copy, Audio: trans}},
		{"sessions_relayed.xml", "73", model.StreamDecision{Overall: copy, Video: copy, Audio: copy}},
		{"sessions_relayed.xml", "75", model.StreamDecision{Overall: play}},
		{"sessions_no_user_player.xml", "301", model.StreamDecision{Overall: play, Video: play, Audio: play}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture+"/"+tt.key, func(t *testing.T) {
			s, ok := parseFixture(t, tt.fixture)[tt.key]
			require.True(t, ok)
			assert.Equal(t, tt.want, s.Decision)
		})
	}
}
