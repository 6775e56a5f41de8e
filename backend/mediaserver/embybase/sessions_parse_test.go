package embybase_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
	"github.com/streamwarden/streamwarden/backend/model"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// Expected parses of the fixtures in testdata.
func wantSessions() map[string][]model.LiveSession {
	return map[string][]model.LiveSession{
		"jellyfin_movie_transcode.json": {{
			Key:       "6e5d1f0c9b8a47d2a3c4b5d6e7f80912",
			ControlID: "6e5d1f0c9b8a47d2a3c4b5d6e7f80912",
			User:      model.SessionUser{ID: "f2a9c3b4d5e64f7a8b9c0d1e2f3a4b5c", Name: "alice"},
			Device: model.Device{ID: "TW96aWxsYS81LjAgKFgxMTsgTGludXggeDg2XzY0OyBydjoxMzQuMCk", Name: "Firefox",
				Product: "Jellyfin Web", Version: "10.11.2", Platform: "Web"},
			IP: "2001:db8::1",
			Media: model.Media{Type: model.MediaMovie, ItemID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", Title: "The Long Harbour",
				Year: 2019, DurationMs: 7_800_000, ExternalIDs: map[string]string{"imdb": "tt0000001", "tmdb": "100001"}},
			State:      model.StatePlaying,
			PositionMs: 3_600_000,
			Source: model.Quality{Resolution: "4K", BitrateKbps: 38640, Container: "mkv", VideoCodec: "hevc",
				AudioCodec: "eac3", AudioChannels: 6, DynamicRange: "HDR10"},
			Stream: model.Quality{Resolution: "1080p", BitrateKbps: 10000, Container: "ts", VideoCodec: "h264",
				AudioCodec: "aac", AudioChannels: 2},
			Decision: model.StreamDecision{Overall: model.DecisionTranscode, Video: model.DecisionTranscode,
				Audio: model.DecisionTranscode, HardwareEncode: true,
				TranscodeReasons: []string{"VideoCodecNotSupported", "AudioCodecNotSupported"}},
			BandwidthKbps: 10000,
		}},
		"emby_episodes.json": {{
			Key:       "b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5",
			ControlID: "b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5",
			User:      model.SessionUser{ID: "9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a", Name: "bob"},
			Device: model.Device{ID: "a1b2c3d4e5f60718", Name: "Pixel 8", Product: "Emby for Android",
				Version: "3.4.20", Platform: "Android"},
			IP: "198.51.100.23",
			Media: model.Media{Type: model.MediaEpisode, ItemID: "54321", Title: "The Lighthouse",
				ParentTitle: "Season 2", GrandparentTitle: "Coastline", ParentIndex: 2, Index: 5, Year: 2021,
				DurationMs: 2_640_000, ExternalIDs: map[string]string{"tvdb": "7654321", "imdb": "tt0000002"}},
			State:      model.StatePaused,
			PositionMs: 600_000,
			Source: model.Quality{Resolution: "1080p", BitrateKbps: 8500, Container: "mkv", VideoCodec: "h264",
				AudioCodec: "ac3", AudioChannels: 6, DynamicRange: "SDR"},
			Stream: model.Quality{Resolution: "1080p", BitrateKbps: 8500, Container: "mkv", VideoCodec: "h264",
				AudioCodec: "ac3", AudioChannels: 6, DynamicRange: "SDR"},
			Decision: model.StreamDecision{Overall: model.DecisionDirectPlay, Video: model.DecisionDirectPlay,
				Audio: model.DecisionDirectPlay},
			BandwidthKbps: 8500,
		}, {
			Key:       "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6",
			ControlID: "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6",
			User:      model.SessionUser{ID: "9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a", Name: "bob"},
			Device: model.Device{ID: "e0d1c2b3a4958677", Name: "Chrome Windows", Product: "Emby Web",
				Version: "4.8.10.0", Platform: "Web"},
			IP: "198.51.100.77",
			Media: model.Media{Type: model.MediaEpisode, ItemID: "54322", Title: "Low Tide",
				ParentTitle: "Season 2", GrandparentTitle: "Coastline", ParentIndex: 2, Index: 6, Year: 2021,
				DurationMs: 2_580_000, ExternalIDs: map[string]string{"tvdb": "7654322"}},
			State:      model.StatePlaying,
			PositionMs: 1_200_000,
			Source: model.Quality{Resolution: "1080p", BitrateKbps: 8709, Container: "mkv", VideoCodec: "h264",
				AudioCodec: "dts", AudioChannels: 6, DynamicRange: "SDR"},
			Stream: model.Quality{Resolution: "1080p", BitrateKbps: 9000, Container: "ts", VideoCodec: "h264",
				AudioCodec: "aac", AudioChannels: 2, DynamicRange: "SDR"},
			Decision: model.StreamDecision{Overall: model.DecisionTranscode, Video: model.DecisionDirectStream,
				Audio: model.DecisionTranscode, TranscodeReasons: []string{"AudioCodecNotSupported", "ContainerNotSupported"}},
			BandwidthKbps: 9000,
		}},
		"jellyfin_track_directstream.json": {{
			Key:       "d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7",
			ControlID: "d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7",
			User:      model.SessionUser{ID: "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e", Name: "carol"},
			Device: model.Device{ID: "3C0E5A4B-7F9D-4E2A-9B1C-2D3E4F5A6B7C", Name: "Carol's phone",
				Product: "Finamp", Version: "0.9.12", Platform: "iOS"},
			IP: "203.0.113.9",
			Media: model.Media{Type: model.MediaTrack, ItemID: "7d1e9b2c3a4f5e6d7c8b9a0f1e2d3c4b", Title: "Tidewater",
				ParentTitle: "Salt Roads", GrandparentTitle: "The Breakwaters", ParentIndex: 1, Index: 3, Year: 2018,
				DurationMs: 245_000, ExternalIDs: map[string]string{
					"musicbrainztrack": "5b11f4ce-a62d-471e-81fc-a69a8278c7da",
					"musicbrainzalbum": "1e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7",
				}},
			State:         model.StatePlaying,
			PositionMs:    61_234,
			Source:        model.Quality{BitrateKbps: 988, Container: "flac", AudioCodec: "flac", AudioChannels: 2},
			Stream:        model.Quality{BitrateKbps: 988, Container: "mp4", AudioCodec: "flac", AudioChannels: 2},
			Decision:      model.StreamDecision{Overall: model.DecisionDirectStream, Audio: model.DecisionDirectStream, TranscodeReasons: []string{"ContainerNotSupported"}},
			BandwidthKbps: 988,
		}},
		"jellyfin_livetv.json": {{
			Key:       "e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8",
			ControlID: "e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8",
			User:      model.SessionUser{ID: "f2a9c3b4d5e64f7a8b9c0d1e2f3a4b5c", Name: "alice"},
			Device: model.Device{ID: "roku-YH00AB123456", Name: "Living Room Roku", Product: "Jellyfin Roku",
				Version: "2.2.5", Platform: "Roku"},
			IP:    "192.168.1.50",
			Media: model.Media{Type: model.MediaLiveTV, ItemID: "e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0", Title: "Harbour News 24"},
			State: model.StatePlaying,
			Source: model.Quality{Resolution: "1080p", BitrateKbps: 15384, Container: "mpegts", VideoCodec: "mpeg2video",
				AudioCodec: "ac3", AudioChannels: 6},
			Stream: model.Quality{Resolution: "720p", BitrateKbps: 6000, Container: "ts", VideoCodec: "h264",
				AudioCodec: "aac", AudioChannels: 2},
			Decision: model.StreamDecision{Overall: model.DecisionTranscode, Video: model.DecisionTranscode,
				Audio: model.DecisionTranscode, HardwareEncode: true, TranscodeReasons: []string{"VideoCodecNotSupported"}},
			BandwidthKbps: 6000,
			LiveTV:        true,
		}, {
			Key:       "a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2",
			ControlID: "a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2",
			User:      model.SessionUser{ID: "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e", Name: "carol"},
			Device: model.Device{ID: "shield-0011", Name: "Shield", Product: "Jellyfin Android TV",
				Version: "0.18.3", Platform: "Android TV"},
			Media: model.Media{Type: model.MediaLiveTV, ItemID: "f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1",
				Title: "Evening Bulletin", GrandparentTitle: "Harbour News 24"},
			State: model.StatePlaying,
			Decision: model.StreamDecision{Overall: model.DecisionDirectStream, Video: model.DecisionDirectStream,
				Audio: model.DecisionDirectStream},
			LiveTV: true,
		}},
		"jellyfin_filtered.json": {{
			Key:       "5f6e7d8c9dab0cc3db4af9a8b7c6d5e4",
			ControlID: "5f6e7d8c9dab0cc3db4af9a8b7c6d5e4",
			User:      model.SessionUser{ID: "6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d"},
			Device:    model.Device{ID: "kodi-htpc-01", Name: "htpc", Product: "Kodi", Version: "21.1", Platform: "Kodi"},
			IP:        "10.0.0.8",
			Media: model.Media{Type: model.MediaEpisode, ItemID: "70717273747576777879808182838485", Title: "Pilot",
				ParentTitle: "Season 1", GrandparentTitle: "Night Ferry", ParentIndex: 1, Index: 1, Year: 2015,
				DurationMs: 2_700_000},
			State:      model.StatePaused,
			PositionMs: 900_000,
			Source: model.Quality{Resolution: "720p", BitrateKbps: 3160, Container: "mp4", VideoCodec: "h264",
				AudioCodec: "aac", AudioChannels: 2, DynamicRange: "SDR"},
			Stream: model.Quality{Resolution: "720p", BitrateKbps: 3160, Container: "mp4", VideoCodec: "h264",
				AudioCodec: "aac", AudioChannels: 2, DynamicRange: "SDR"},
			Decision: model.StreamDecision{Overall: model.DecisionDirectPlay, Video: model.DecisionDirectPlay,
				Audio: model.DecisionDirectPlay},
			BandwidthKbps: 3160,
		}},
	}
}

func TestParseSessions(t *testing.T) {
	for name, want := range wantSessions() {
		t.Run(name, func(t *testing.T) {
			got, err := embybase.ParseSessions(readFixture(t, name))
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}
