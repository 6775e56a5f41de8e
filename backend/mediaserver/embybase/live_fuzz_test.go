package embybase_test

import (
	"net/netip"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
	"github.com/streamwarden/streamwarden/backend/model"
)

func FuzzParseSessions(f *testing.F) {
	for fixture := range wantSessions() {
		f.Add(readFixture(f, fixture))
	}
	f.Add([]byte(`[{"Id":"s","NowPlayingItem":{"Id":"i","Type":"Movie"},"TranscodingInfo":{"TranscodeReasons":"A,B"}}]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		list, err := embybase.ParseSessions(body)
		if err != nil {
			if list != nil {
				t.Fatalf("a failed parse returned %d sessions", len(list))
			}
			return
		}
		for _, s := range list {
			checkLiveSession(t, s)
		}
		again, err := embybase.ParseSessions(body)
		if err != nil || !assert.ObjectsAreEqual(list, again) {
			t.Fatalf("a second parse differs: %v", err)
		}
	})
}

func FuzzParseSocketMessage(f *testing.F) {
	f.Add([]byte(sessionsMessage(readFixture(f, "jellyfin_movie_transcode.json"))))
	f.Add([]byte(sessionsMessage(readFixture(f, "emby_episodes.json"))))
	f.Add([]byte(`{"MessageType":"ForceKeepAlive","Data":60}`))
	f.Add([]byte(`{"MessageType":"KeepAlive"}`))
	f.Add([]byte(`{"MessageType":"Sessions","Data":null}`))
	f.Add([]byte(`{"MessageType":"UserDataChanged","Data":{"UserId":"x","UserDataList":[]}}`))
	f.Add([]byte(`garbage {`))
	f.Fuzz(func(t *testing.T, data []byte) {
		msg, err := embybase.ParseSocketMessage(data)
		if err != nil {
			if msg.Type != "" || msg.Sessions != nil {
				t.Fatalf("a failed parse returned %+v", msg)
			}
			return
		}
		checkClean(t, msg.Type)
		if msg.Type == "" {
			t.Fatal("a message without a type was accepted")
		}
		if msg.Type != "Sessions" && msg.Sessions != nil {
			t.Fatalf("a %q message carries sessions", msg.Type)
		}
		for _, s := range msg.Sessions {
			checkLiveSession(t, s)
		}
	})
}

// checkLiveSession checks what every parsed session must satisfy.
func checkLiveSession(t *testing.T, s model.LiveSession) {
	t.Helper()
	if s.Key == "" || s.Key != s.ControlID {
		t.Fatalf("key %q, control id %q", s.Key, s.ControlID)
	}
	for _, v := range []string{
		s.Key, s.User.ID, s.User.Name, s.Device.ID, s.Device.Name, s.Device.Product, s.Device.Version,
		s.Device.Platform, s.Media.ItemID, s.Media.Title, s.Media.ParentTitle, s.Media.GrandparentTitle,
		s.Source.Container, s.Source.VideoCodec, s.Source.AudioCodec, s.Stream.Container,
		s.Stream.VideoCodec, s.Stream.AudioCodec,
	} {
		checkClean(t, v)
	}
	for key, value := range s.Media.ExternalIDs {
		checkClean(t, key)
		checkClean(t, value)
		if key == "" || value == "" {
			t.Fatalf("empty external id %q=%q", key, value)
		}
	}
	for _, r := range s.Decision.TranscodeReasons {
		checkClean(t, r)
		if r == "" {
			t.Fatal("empty transcode reason")
		}
	}
	if s.IP != "" {
		addr, err := netip.ParseAddr(s.IP)
		if err != nil || addr.Zone() != "" || addr.Is4In6() || addr.String() != s.IP {
			t.Fatalf("IP %q is not a bare address", s.IP)
		}
	}
	if s.PositionMs < 0 || s.Media.DurationMs < 0 || s.BandwidthKbps < 0 || s.Media.Index < 0 ||
		s.Media.ParentIndex < 0 || s.Media.Year < 0 || s.Source.BitrateKbps < 0 || s.Stream.BitrateKbps < 0 ||
		s.Source.AudioChannels < 0 || s.Stream.AudioChannels < 0 {
		t.Fatalf("negative number in %+v", s)
	}
	if s.State != model.StatePlaying && s.State != model.StatePaused {
		t.Fatalf("state %q", s.State)
	}
	types := []model.MediaType{model.MediaMovie, model.MediaEpisode, model.MediaTrack, model.MediaClip,
		model.MediaPhoto, model.MediaLiveTV, model.MediaOther}
	if !slices.Contains(types, s.Media.Type) || s.LiveTV != (s.Media.Type == model.MediaLiveTV) {
		t.Fatalf("media type %q, live TV %v", s.Media.Type, s.LiveTV)
	}
	decisions := []model.Decision{model.DecisionUnknown, model.DecisionDirectPlay, model.DecisionDirectStream, model.DecisionTranscode}
	for _, d := range []model.Decision{s.Decision.Overall, s.Decision.Video, s.Decision.Audio, s.Decision.Subtitle} {
		if !slices.Contains(decisions, d) {
			t.Fatalf("decision %q", d)
		}
	}
	if s.Decision.Overall == model.DecisionUnknown && (s.Decision.Video != "" || s.Decision.Audio != "") {
		t.Fatalf("per-stream decisions without an overall one: %+v", s.Decision)
	}
}

func checkClean(t *testing.T, v string) {
	t.Helper()
	if !utf8.ValidString(v) || utf8.RuneCountInString(v) > 200 {
		t.Fatalf("value %q is not clean", v)
	}
	for _, r := range v {
		if unicode.IsControl(r) {
			t.Fatalf("value %q has a control character", v)
		}
	}
}
