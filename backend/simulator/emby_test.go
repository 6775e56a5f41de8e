package simulator

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

var (
	hex32   = regexp.MustCompile(`^[0-9a-f]{32}$`)
	numeric = regexp.MustCompile(`^[0-9]+$`)
)

func TestEmbySessionLifecycle(t *testing.T) {
	for _, kind := range embyKinds() {
		t.Run(string(kind), func(t *testing.T) {
			srv, clock := startServer(t, Config{Kind: kind})
			c := httpClient(t, srv)
			var x *Session
			var first tEmbySession
			spec := aliceSpec(episodeItem(1, 1))
			spec.Network = Network{IP: "89.160.20.115", Mapped: true, Port: 51234}
			itemID := hex32
			if kind == model.KindEmby {
				itemID = numeric
			}
			steps := []struct {
				name  string
				act   func()
				check func(t *testing.T, s tEmbySession)
			}{
				{"play", func() { x = srv.Play(spec) }, func(t *testing.T, s tEmbySession) {
					first = s
					assert.Equal(t, x.Key(), s.ID)
					assert.Regexp(t, hex32, s.ID)
					assert.Regexp(t, hex32, s.UserID)
					assert.Equal(t, "alice", s.UserName)
					assert.Equal(t, "Plex for Android (TV)", s.Client)
					assert.Equal(t, "Living Room", s.DeviceName)
					assert.Equal(t, "dev-alice-shield", s.DeviceID)
					assert.Equal(t, "[::ffff:89.160.20.115]:51234", s.RemoteEndPoint)
					assert.Equal(t, "2025-03-14T20:00:00.0000000Z", s.LastActivityDate)
					it := s.NowPlayingItem
					assert.Regexp(t, itemID, it.ID)
					assert.Equal(t, "Episode", it.Type)
					assert.Equal(t, "Video", it.MediaType)
					assert.Equal(t, "Northern Lights", it.SeriesName)
					assert.Equal(t, "Season 1", it.SeasonName)
					assert.Equal(t, []int{1, 1}, []int{it.ParentIndexNumber, it.IndexNumber})
					assert.Equal(t, int64(45*60*10_000_000), it.RunTimeTicks)
					assert.Equal(t, map[string]string{"Tvdb": "9001"}, it.ProviderIDs)
					assert.Equal(t, "hevc", it.MediaStreams[0].Codec)
					assert.Equal(t, "DirectPlay", s.PlayState.PlayMethod)
					assert.Equal(t, int64(0), *s.PlayState.PositionTicks)
					assert.Nil(t, s.TranscodingInfo)
				}},
				{"clock moves a playing session", func() { clock.Advance(5 * time.Minute) }, func(t *testing.T, s tEmbySession) {
					assert.Equal(t, int64(5*60*10_000_000), *s.PlayState.PositionTicks)
				}},
				{"pause", func() { x.Pause(); clock.Advance(time.Minute) }, func(t *testing.T, s tEmbySession) {
					assert.True(t, s.PlayState.IsPaused)
					assert.Equal(t, int64(5*60*10_000_000), *s.PlayState.PositionTicks)
					if kind == model.KindJellyfin {
						assert.Equal(t, "2025-03-14T20:05:00.0000000Z", s.LastPausedDate)
					}
				}},
				{"seek and resume", func() { x.Seek(30 * time.Minute); x.Resume() }, func(t *testing.T, s tEmbySession) {
					assert.False(t, s.PlayState.IsPaused)
					assert.Equal(t, int64(30*60*10_000_000), *s.PlayState.PositionTicks)
				}},
				{"transcode", func() { x.ChangeQuality(transcode720(), SameSession) }, func(t *testing.T, s tEmbySession) {
					assert.Equal(t, first.ID, s.ID)
					assert.Equal(t, "Transcode", s.PlayState.PlayMethod)
					ti := s.TranscodingInfo
					require.NotNil(t, ti)
					assert.Equal(t, 4_000_000, ti.Bitrate)
					assert.Equal(t, "h264", ti.VideoCodec)
					assert.Equal(t, []int{1280, 720}, []int{ti.Width, ti.Height})
					assert.False(t, ti.IsVideoDirect)
					if kind == model.KindJellyfin {
						assert.Equal(t, "nvenc", ti.HardwareAccelerationType)
						assert.JSONEq(t, `["VideoCodecNotSupported","AudioCodecNotSupported"]`, string(ti.TranscodeReasons))
					} else {
						assert.JSONEq(t, `"VideoCodecNotSupported,AudioCodecNotSupported"`, string(ti.TranscodeReasons))
					}
				}},
				{"direct stream", func() {
					x.ChangeQuality(Delivery{Decision: model.StreamDecision{Overall: model.DecisionDirectStream}}, SameSession)
				}, func(t *testing.T, s tEmbySession) {
					assert.Equal(t, "DirectStream", s.PlayState.PlayMethod)
					require.NotNil(t, s.TranscodingInfo)
					assert.True(t, s.TranscodingInfo.IsVideoDirect)
					assert.True(t, s.TranscodingInfo.IsAudioDirect)
				}},
				{"direct play again", func() { x.ChangeQuality(Delivery{}, SameSession) }, func(t *testing.T, s tEmbySession) {
					assert.Equal(t, "DirectPlay", s.PlayState.PlayMethod)
					assert.Nil(t, s.TranscodingInfo)
				}},
				{"autoplay", func() { x.Autoplay(episodeItem(1, 2)) }, func(t *testing.T, s tEmbySession) {
					assert.Equal(t, first.ID, s.ID)
					assert.NotEqual(t, first.NowPlayingItem.ID, s.NowPlayingItem.ID)
					assert.Equal(t, 2, s.NowPlayingItem.IndexNumber)
					assert.Equal(t, int64(0), *s.PlayState.PositionTicks)
				}},
				{"quality change with a new session id", func() { x = x.ChangeQuality(transcode720(), NewSession) }, func(t *testing.T, s tEmbySession) {
					assert.NotEqual(t, first.ID, s.ID)
					assert.Equal(t, x.Key(), s.ID)
					assert.Equal(t, first.DeviceID, s.DeviceID)
					assert.Equal(t, 2, s.NowPlayingItem.IndexNumber)
				}},
			}
			for _, st := range steps {
				t.Run(st.name, func(t *testing.T) {
					st.act()
					st.check(t, readOneEmby(t, c, srv))
				})
			}
			t.Run("stop", func(t *testing.T) {
				x.Stop()
				playing, idle := readEmby(t, c, srv)
				assert.Empty(t, playing)
				assert.Len(t, idle, 2)
			})
		})
	}
}

func TestEmbyIdleSessionsAndFilters(t *testing.T) {
	tests := []struct {
		name     string
		idle     int
		query    string
		wantIdle int
	}{
		{"default", 0, "", 2},
		{"none", -1, "", 0},
		{"five", 5, "", 5},
		{"active within 10 minutes", 5, "?activeWithinSeconds=600", 1},
	}
	for _, kind := range embyKinds() {
		for _, tt := range tests {
			t.Run(string(kind)+"/"+tt.name, func(t *testing.T) {
				srv, _ := startServer(t, Config{Kind: kind, IdleSessions: tt.idle})
				c := httpClient(t, srv)
				srv.Play(aliceSpec(movieItem()))
				code, _, body := call(t, c, http.MethodGet, srv.URL()+"/Sessions"+tt.query, embyHeader(srv))
				require.Equal(t, http.StatusOK, code)
				var all []tEmbySession
				require.NoError(t, json.Unmarshal(body, &all))
				idle := 0
				for _, s := range all {
					if s.NowPlayingItem == nil {
						idle++
						assert.Nil(t, s.PlayState.PositionTicks)
						assert.NotEmpty(t, s.UserName)
					}
				}
				assert.Equal(t, tt.wantIdle, idle)
				assert.Len(t, all, tt.wantIdle+1)
			})
		}
	}
}

func TestEmbyAuth(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		header   func(tok string) http.Header
		jellyfin int
		emby     int
	}{
		{"MediaBrowser header", "/Sessions", func(tok string) http.Header {
			return http.Header{"Authorization": {`MediaBrowser Client="c", Token="` + tok + `"`}}
		}, 200, 200},
		{"ApiKey query", "/Sessions?ApiKey=%s", nil, 200, 401},
		{"X-Emby-Token header", "/Sessions", func(tok string) http.Header {
			return http.Header{"X-Emby-Token": {tok}}
		}, 401, 200},
		{"api_key query", "/Sessions?api_key=%s", nil, 401, 200},
		{"Emby scheme", "/Sessions", func(tok string) http.Header {
			return http.Header{"X-Emby-Authorization": {`Emby UserId="u", Client="c", Token="` + tok + `"`}}
		}, 401, 200},
		{"wrong token", "/Sessions", func(string) http.Header {
			return http.Header{"Authorization": {`MediaBrowser Token="nope"`}, "X-Emby-Token": {"nope"}}
		}, 401, 401},
		{"no token", "/Sessions", nil, 401, 401},
		{"public info", "/System/Info/Public", nil, 200, 200},
		{"full info", "/System/Info", nil, 401, 401},
		{"emby prefix", "/emby/Sessions", func(tok string) http.Header {
			return http.Header{"Authorization": {`MediaBrowser Token="` + tok + `"`}}
		}, 404, 200},
	}
	for _, kind := range embyKinds() {
		srv, _ := startServer(t, Config{Kind: kind})
		c := httpClient(t, srv)
		for _, tt := range tests {
			t.Run(string(kind)+"/"+tt.name, func(t *testing.T) {
				path := tt.path
				if strings.Contains(path, "%s") {
					path = strings.Replace(path, "%s", srv.Token(), 1)
				}
				var h http.Header
				if tt.header != nil {
					h = tt.header(srv.Token())
				}
				want := tt.jellyfin
				if kind == model.KindEmby {
					want = tt.emby
				}
				code, _, _ := call(t, c, http.MethodGet, srv.URL()+path, h)
				assert.Equal(t, want, code)
			})
		}
	}
}
