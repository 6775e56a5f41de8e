package simulator

import (
	"context"
	"crypto/tls"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/model"
)

var testStart = time.Date(2025, 3, 14, 20, 0, 0, 0, time.UTC)

func startServer(t *testing.T, cfg Config) (*Server, *ManualClock) {
	t.Helper()
	clock := NewManualClock(testStart)
	if cfg.Now == nil {
		cfg.Now = clock.Now
	}
	if cfg.Token == "" {
		cfg.Token = "secret-token"
	}
	srv, err := Start(context.Background(), cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	return srv, clock
}

// httpClient is a plain client with its own transport, closed at the end.
func httpClient(t *testing.T, srv *Server) *http.Client {
	t.Helper()
	tr := &http.Transport{}
	if roots := srv.RootCAs(); roots != nil {
		tr.TLSClientConfig = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
	}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

// call makes one request and reads the whole answer.
func call(t *testing.T, c *http.Client, method, url string, header http.Header) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, url, nil)
	require.NoError(t, err)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, body
}

func movieItem() MediaItem {
	return MediaItem{
		Type: model.MediaMovie, Title: "The Quiet Harbor", Year: 2019, Duration: 2 * time.Hour,
		ExternalIDs: map[string]string{"imdb": "tt0000001", "tmdb": "101"},
		Source: model.Quality{
			Resolution: "1080", BitrateKbps: 10000, Container: "mkv", VideoCodec: "h264",
			AudioCodec: "eac3", AudioChannels: 6, DynamicRange: "SDR",
		},
	}
}

func episodeItem(season, episode int) MediaItem {
	return MediaItem{
		Type: model.MediaEpisode, Title: "Episode " + itoa(episode), ParentTitle: "Season " + itoa(season),
		GrandparentTitle: "Northern Lights", ParentIndex: season, Index: episode, Year: 2021,
		Duration:    45 * time.Minute,
		ExternalIDs: map[string]string{"tvdb": itoa(9000 + episode)},
		Source: model.Quality{
			Resolution: "4k", BitrateKbps: 25000, Container: "mkv", VideoCodec: "hevc",
			AudioCodec: "truehd", AudioChannels: 8, DynamicRange: "HDR10",
		},
	}
}

func trackItem() MediaItem {
	return MediaItem{
		Type: model.MediaTrack, Title: "Paper Moons", ParentTitle: "Low Tide", GrandparentTitle: "The Glass Owls",
		ParentIndex: 1, Index: 3, Year: 2018, Duration: 4 * time.Minute,
		Source: model.Quality{BitrateKbps: 1014, Container: "flac", AudioCodec: "flac", AudioChannels: 2},
	}
}

func aliceSpec(item MediaItem) SessionSpec {
	return SessionSpec{
		User: User{Name: "alice"},
		Device: Device{
			ID: "dev-alice-shield", Name: "Living Room", Product: "Plex for Android (TV)", Version: "10.1.0",
			Platform: "Android", PlatformVersion: "11", Hardware: "SHIELD Android TV", Model: "mdarcy", Vendor: "NVIDIA",
		},
		Network: Network{IP: "81.2.69.142", Secure: true},
		Item:    item,
	}
}

func transcode720() Delivery {
	return Delivery{
		Decision: model.StreamDecision{
			Video: model.DecisionTranscode, Audio: model.DecisionTranscode, HardwareDecode: true, HardwareEncode: true,
		},
	}
}
