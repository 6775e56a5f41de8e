package simulator

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

// tEmbySession is a SessionInfoDto as a plain client reads it.
type tEmbySession struct {
	ID                 string `json:"Id"`
	UserID             string `json:"UserId"`
	UserName           string `json:"UserName"`
	Client             string `json:"Client"`
	ApplicationVersion string `json:"ApplicationVersion"`
	DeviceName         string `json:"DeviceName"`
	DeviceID           string `json:"DeviceId"`
	RemoteEndPoint     string `json:"RemoteEndPoint"`
	LastActivityDate   string `json:"LastActivityDate"`
	LastPausedDate     string `json:"LastPausedDate"`
	PlayState          struct {
		PositionTicks *int64 `json:"PositionTicks"`
		IsPaused      bool   `json:"IsPaused"`
		PlayMethod    string `json:"PlayMethod"`
	} `json:"PlayState"`
	NowPlayingItem *struct {
		ID                string            `json:"Id"`
		Name              string            `json:"Name"`
		Type              string            `json:"Type"`
		MediaType         string            `json:"MediaType"`
		SeriesName        string            `json:"SeriesName"`
		SeasonName        string            `json:"SeasonName"`
		IndexNumber       int               `json:"IndexNumber"`
		ParentIndexNumber int               `json:"ParentIndexNumber"`
		ProductionYear    int               `json:"ProductionYear"`
		RunTimeTicks      int64             `json:"RunTimeTicks"`
		Container         string            `json:"Container"`
		ProviderIDs       map[string]string `json:"ProviderIds"`
		MediaStreams      []struct {
			Type  string `json:"Type"`
			Codec string `json:"Codec"`
		} `json:"MediaStreams"`
	} `json:"NowPlayingItem"`
	TranscodingInfo *struct {
		Bitrate                  int             `json:"Bitrate"`
		VideoCodec               string          `json:"VideoCodec"`
		AudioCodec               string          `json:"AudioCodec"`
		Container                string          `json:"Container"`
		Width                    int             `json:"Width"`
		Height                   int             `json:"Height"`
		IsVideoDirect            bool            `json:"IsVideoDirect"`
		IsAudioDirect            bool            `json:"IsAudioDirect"`
		HardwareAccelerationType string          `json:"HardwareAccelerationType"`
		TranscodeReasons         json.RawMessage `json:"TranscodeReasons"`
	} `json:"TranscodingInfo"`
}

func embyKinds() []model.ServerKind { return []model.ServerKind{model.KindJellyfin, model.KindEmby} }

// embyHeader authenticates the way each product expects.
func embyHeader(srv *Server) http.Header {
	if srv.Kind() == model.KindJellyfin {
		return http.Header{"Authorization": {`MediaBrowser Client="test", Device="go", DeviceId="t1", Version="1", Token="` + srv.Token() + `"`}}
	}
	return http.Header{"X-Emby-Token": {srv.Token()}}
}

// readEmby reads /Sessions and splits playing sessions from idle ones.
func readEmby(t *testing.T, c *http.Client, srv *Server) (playing, idle []tEmbySession) {
	t.Helper()
	code, hdr, body := call(t, c, http.MethodGet, srv.URL()+"/Sessions", embyHeader(srv))
	require.Equal(t, http.StatusOK, code)
	require.Contains(t, hdr.Get("Content-Type"), "application/json")
	var all []tEmbySession
	require.NoError(t, json.Unmarshal(body, &all))
	for _, s := range all {
		if s.NowPlayingItem != nil {
			playing = append(playing, s)
		} else {
			idle = append(idle, s)
		}
	}
	return playing, idle
}

func readOneEmby(t *testing.T, c *http.Client, srv *Server) tEmbySession {
	t.Helper()
	playing, _ := readEmby(t, c, srv)
	require.Len(t, playing, 1)
	return playing[0]
}
