package embybase_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
	"github.com/streamwarden/streamwarden/backend/model"
)

func TestParseSessionsRejects(t *testing.T) {
	movie := string(readFixture(t, "jellyfin_movie_transcode.json"))
	cases := map[string]string{
		"empty":          "",
		"spaces":         " \n\t",
		"truncated":      movie[:len(movie)/2],
		"html":           "<!DOCTYPE html><html><body>Jellyfin</body></html>",
		"object":         `{"Items":[]}`,
		"string":         `"sessions"`,
		"trailing junk":  `[] []`,
		"unclosed array": `[{"Id":"a"}`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := embybase.ParseSessions([]byte(body))
			require.Error(t, err)
			assert.Nil(t, got)
			assert.True(t, strings.HasPrefix(err.Error(), "parsing sessions: "), err.Error())
		})
	}
}

func TestParseSessionsEmpty(t *testing.T) {
	for _, body := range []string{"[]", "null", "\xef\xbb\xbf[ ]\n", `[{"Id":"idle"}]`} {
		got, err := embybase.ParseSessions([]byte(body))
		require.NoError(t, err, body)
		assert.Empty(t, got, body)
	}
}

// Numbers as strings, nulls and nested parts of the wrong shape cost only
// the part affected, never the session.
func TestParseSessionsLenient(t *testing.T) {
	cases := []struct {
		name string
		body string
		want model.LiveSession
	}{{
		name: "strings for numbers, fractions, nulls",
		body: `[{"Id":"s1","UserId":null,"UserName":7,"RemoteEndPoint":"203.0.113.4:1234",
			"PlayState":{"PositionTicks":"20000000","IsPaused":"true","PlayMethod":null},
			"NowPlayingItem":{"Id":123,"Name":"Film","Type":"Movie","RunTimeTicks":5.5e7,"ProductionYear":"1999",
				"IndexNumber":null,"Artists":null,"ProviderIds":null,"MediaStreams":null}}]`,
		want: model.LiveSession{Key: "s1", ControlID: "s1", User: model.SessionUser{Name: "7"}, IP: "203.0.113.4",
			Media: model.Media{Type: model.MediaMovie, ItemID: "123", Title: "Film", Year: 1999, DurationMs: 5500},
			State: model.StatePaused, PositionMs: 2000},
	}, {
		name: "nested parts of the wrong shape",
		body: `[{"Id":"s2","PlayState":"playing","TranscodingInfo":[1,2],
			"NowPlayingItem":{"Id":"i","Type":"Episode","ProviderIds":["x"],"Artists":{"a":1},
				"MediaStreams":"none","MediaSources":{"Id":"x"},"SeriesName":{"x":1}}}]`,
		want: model.LiveSession{Key: "s2", ControlID: "s2", Media: model.Media{Type: model.MediaEpisode, ItemID: "i"},
			State: model.StatePlaying},
	}, {
		name: "control characters and negative numbers",
		body: `[{"Id":"s3\u0000","UserName":"a\u0007b","NowPlayingItem":{"Id":"i","Name":"x\ny","Type":"Audio",
			"IndexNumber":-4,"RunTimeTicks":-10,"ProductionYear":99999999999},
			"PlayState":{"PositionTicks":-5,"PlayMethod":"DirectPlay"}}]`,
		want: model.LiveSession{Key: "s3", ControlID: "s3", User: model.SessionUser{Name: "a b"},
			Media: model.Media{Type: model.MediaTrack, ItemID: "i", Title: "x y"}, State: model.StatePlaying,
			Decision: model.StreamDecision{Overall: model.DecisionDirectPlay}},
	}, {
		name: "transcoding info without a play method means a transcode",
		body: `[{"Id":"s4","NowPlayingItem":{"Id":"i","Type":"Video","MediaType":"Video"},
			"TranscodingInfo":{"IsVideoDirect":true,"IsAudioDirect":false,"Bitrate":"2000000",
				"HardwareAccelerationType":"qsv","TranscodeReasons":null}}]`,
		want: model.LiveSession{Key: "s4", ControlID: "s4", Media: model.Media{Type: model.MediaClip, ItemID: "i"},
			State: model.StatePlaying, Stream: model.Quality{BitrateKbps: 2000},
			Decision: model.StreamDecision{Overall: model.DecisionTranscode, Video: model.DecisionDirectStream,
				Audio: model.DecisionTranscode},
			BandwidthKbps: 2000},
	}, {
		name: "unknown play method",
		body: `[{"Id":"s5","NowPlayingItem":{"Id":"i","Type":"Book"},"PlayState":{"PlayMethod":"Teleport"}}]`,
		want: model.LiveSession{Key: "s5", ControlID: "s5", Media: model.Media{Type: model.MediaOther, ItemID: "i"},
			State: model.StatePlaying},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := embybase.ParseSessions([]byte(tc.body))
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.Equal(t, tc.want, got[0])
		})
	}
}

func TestParseSessionsTranscodeReasonForms(t *testing.T) {
	cases := map[string][]string{
		`["VideoCodecNotSupported","AudioCodecNotSupported"]`:    {"VideoCodecNotSupported", "AudioCodecNotSupported"},
		`"ContainerNotSupported,VideoLevelNotSupported"`:         {"ContainerNotSupported", "VideoLevelNotSupported"},
		`" ContainerNotSupported , ,AudioChannelsNotSupported "`: {"ContainerNotSupported", "AudioChannelsNotSupported"},
		`["A,B", "", null, 5]`:                                   {"A", "B", "5"},
		`""`:                                                     nil,
		`[]`:                                                     nil,
		`null`:                                                   nil,
		`{"x":1}`:                                                nil,
		`17`:                                                     nil,
	}
	for reasons, want := range cases {
		t.Run(reasons, func(t *testing.T) {
			body := `[{"Id":"s","PlayState":{"PlayMethod":"Transcode"},"NowPlayingItem":{"Id":"i","Type":"Movie"},` +
				`"TranscodingInfo":{"TranscodeReasons":` + reasons + `}}]`
			got, err := embybase.ParseSessions([]byte(body))
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.Equal(t, want, got[0].Decision.TranscodeReasons)
		})
	}
}
