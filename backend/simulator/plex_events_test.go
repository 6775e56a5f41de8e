package simulator

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

type tNotification struct {
	SessionKey       string `json:"sessionKey"`
	ClientIdentifier string `json:"clientIdentifier"`
	RatingKey        string `json:"ratingKey"`
	Key              string `json:"key"`
	ViewOffset       int64  `json:"viewOffset"`
	State            string `json:"state"`
	TranscodeSession string `json:"transcodeSession"`
}

func playingOf(t *testing.T, f sseFrame) tNotification {
	t.Helper()
	var body struct {
		N *tNotification `json:"PlaySessionStateNotification"`
	}
	require.NoError(t, json.Unmarshal([]byte(f.Data), &body))
	require.NotNil(t, body.N, f.Data)
	return *body.N
}

func TestPlexSSE(t *testing.T) {
	srv, _ := startServer(t, Config{Kind: model.KindPlex, PingInterval: 20 * time.Millisecond, ProgressInterval: time.Hour})
	c := httpClient(t, srv)
	frames := openSSE(t, c, srv.URL()+"/:/eventsource/notifications", plexHeader(srv, false))

	ping := waitFor(t, frames, func(f sseFrame) bool { return f.Event == "ping" })
	assert.Equal(t, "{}", ping.Data)

	var x *Session
	isPlaying := func(state string) func(sseFrame) bool {
		return func(f sseFrame) bool { return f.Event == "playing" && playingOf(t, f).State == state }
	}
	steps := []struct {
		name  string
		act   func()
		event string
		want  func(sseFrame) bool
		check func(t *testing.T, f sseFrame)
	}{
		{"play", func() { x = srv.Play(aliceSpec(movieItem())) }, "playing", isPlaying("playing"), func(t *testing.T, f sseFrame) {
			n := playingOf(t, f)
			assert.Equal(t, x.Key(), n.SessionKey)
			assert.Equal(t, "dev-alice-shield", n.ClientIdentifier)
			assert.Equal(t, "/library/metadata/"+n.RatingKey, n.Key)
			assert.Empty(t, n.TranscodeSession)
		}},
		{"pause", func() { x.Seek(3 * time.Minute); x.Pause() }, "playing", isPlaying("paused"), func(t *testing.T, f sseFrame) {
			assert.Equal(t, int64(180000), playingOf(t, f).ViewOffset)
		}},
		{"buffer", func() { x.Buffer() }, "playing", isPlaying("buffering"), nil},
		{"transcode start", func() { x.Resume(); x.ChangeQuality(transcode720(), SameSession) }, "transcodeSession.start",
			func(f sseFrame) bool { return f.Event == "transcodeSession.start" }, func(t *testing.T, f sseFrame) {
				assert.Contains(t, f.Data, `"TranscodeSession":{"key":"/transcode/sessions/`)
			}},
		{"playing carries the transcode id", func() { x.Advance(time.Second) }, "playing",
			func(f sseFrame) bool { return f.Event == "playing" && playingOf(t, f).TranscodeSession != "" }, nil},
		{"stop", func() { x.Stop() }, "playing", isPlaying("stopped"), func(t *testing.T, f sseFrame) {
			assert.Equal(t, x.Key(), playingOf(t, f).SessionKey)
		}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.act()
			f := waitFor(t, frames, st.want)
			assert.Equal(t, st.event, f.Event)
			if st.check != nil {
				st.check(t, f)
			}
		})
	}
}

func TestPlexSSEProgressAndFilters(t *testing.T) {
	srv, _ := startServer(t, Config{Kind: model.KindPlex, PingInterval: time.Hour, ProgressInterval: 20 * time.Millisecond})
	c := httpClient(t, srv)
	playing := srv.Play(aliceSpec(movieItem()))
	paused := srv.Play(aliceSpec(trackItem()))
	paused.Pause()

	all := openSSE(t, c, srv.URL()+"/:/eventsource/notifications", plexHeader(srv, false))
	filtered := openSSE(t, c, srv.URL()+"/:/eventsource/notifications?filters=-playing", plexHeader(srv, false))
	seen := map[string]int{}
	for range 6 {
		f := waitFor(t, all, func(f sseFrame) bool { return f.Event == "playing" })
		seen[playingOf(t, f).SessionKey]++
	}
	assert.Equal(t, 6, seen[playing.Key()], "only playing sessions repeat")

	playing.Stop()
	select {
	case f, ok := <-filtered:
		if ok {
			assert.NotEqual(t, "playing", f.Event)
		}
	case <-time.After(100 * time.Millisecond):
	}
}

func TestPlexWebsocketNotifications(t *testing.T) {
	srv, _ := startServer(t, Config{Kind: model.KindPlex})
	assert.Equal(t, http.StatusUnauthorized, dialStatus(t, srv, "/:/websockets/notifications", nil))

	_, msgs := openSocket(t, srv, "/:/websockets/notifications", http.Header{"X-Plex-Token": {srv.Token()}})
	x := srv.Play(aliceSpec(movieItem()))
	x.Pause()
	var frame struct {
		NotificationContainer struct {
			Type string          `json:"type"`
			Size int             `json:"size"`
			N    []tNotification `json:"PlaySessionStateNotification"`
		} `json:"NotificationContainer"`
	}
	waitFor(t, msgs, func(m []byte) bool {
		require.NoError(t, json.Unmarshal(m, &frame))
		return len(frame.NotificationContainer.N) == 1 && frame.NotificationContainer.N[0].State == "paused"
	})
	assert.Equal(t, "playing", frame.NotificationContainer.Type)
	assert.Equal(t, 1, frame.NotificationContainer.Size)
	assert.Equal(t, x.Key(), frame.NotificationContainer.N[0].SessionKey)
}
