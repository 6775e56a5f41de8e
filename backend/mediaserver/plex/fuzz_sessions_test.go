package plex_test

import (
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
	"github.com/streamwarden/streamwarden/backend/model"
)

// addFixtures seeds f with every testdata file matching pattern.
func addFixtures(f *testing.F, pattern string) {
	names, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil || len(names) == 0 {
		f.Fatalf("no fixtures match %s: %v", pattern, err)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(contentType(name), b)
	}
}

func FuzzParseSessions(f *testing.F) {
	addFixtures(f, "sessions_*")
	f.Add("text/xml", []byte(`<MediaContainer size="1"><Video sessionKey="1"><Player address="::ffff:1.2.3.4"/></Video></MediaContainer>`))
	f.Add("application/json", []byte(`{"MediaContainer":{"Metadata":[{"sessionKey":1,"Player":{"remotePublicAddress":"[::1]:1"}}]}}`))
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		sessions, err := plex.ParseSessions(contentType, body)
		if err != nil {
			if sessions != nil {
				t.Fatalf("sessions %v with error %v", sessions, err)
			}
			return
		}
		for _, s := range sessions {
			checkSession(t, s)
		}
	})
}

// checkSession asserts what every parsed session guarantees.
func checkSession(t *testing.T, s model.LiveSession) {
	t.Helper()
	if s.Key == "" {
		t.Fatalf("session without a key: %+v", s)
	}
	if s.IP != "" {
		addr, err := netip.ParseAddr(s.IP)
		if err != nil || addr.Zone() != "" || addr.Is4In6() || addr.IsUnspecified() || addr.String() != s.IP {
			t.Fatalf("IP %q is not a clean address", s.IP)
		}
	}
	if s.Local && !s.LocalKnown {
		t.Fatalf("local without a locality flag: %+v", s)
	}
	if s.PositionMs < 0 || s.Media.DurationMs < 0 || s.BandwidthKbps < 0 || s.Source.BitrateKbps < 0 ||
		s.Media.Index < 0 || s.Media.ParentIndex < 0 || s.Media.Year < 0 {
		t.Fatalf("negative number in %+v", s)
	}
	fields := []string{
		s.Key, s.ControlID, s.User.ID, s.User.Name, s.Device.ID, s.Device.Name, s.Device.Product,
		s.Device.Version, s.Device.Platform, s.Device.PlatformVersion, s.Media.ItemID, s.Media.Title,
		s.Media.ParentTitle, s.Media.GrandparentTitle, s.Media.LibraryID, s.Media.LibraryName,
		s.Source.Container, s.Source.VideoCodec, s.Source.AudioCodec, s.Stream.Container,
	}
	for provider, id := range s.Media.ExternalIDs {
		fields = append(fields, provider, id)
		if id == "" || strings.ContainsAny(id, " /?") {
			t.Fatalf("external id %s=%q is not clean", provider, id)
		}
	}
	for _, field := range fields {
		if !utf8.ValidString(field) || utf8.RuneCountInString(field) > 200 || strings.IndexFunc(field, unicode.IsControl) >= 0 {
			t.Fatalf("field %q is not clean", field)
		}
	}
	for _, d := range []model.Decision{s.Decision.Overall, s.Decision.Video, s.Decision.Audio, s.Decision.Subtitle} {
		switch d {
		case model.DecisionUnknown, model.DecisionDirectPlay, model.DecisionDirectStream, model.DecisionTranscode:
		default:
			t.Fatalf("unknown decision %q", d)
		}
	}
}

func FuzzParseAccounts(f *testing.F) {
	addFixtures(f, "accounts.*")
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		users, err := plex.ParseAccounts(contentType, body)
		if err != nil {
			return
		}
		for _, u := range users {
			if u.ID == "" || u.ID == "0" || u.IsAdmin != (u.ID == "1") {
				t.Fatalf("bad user %+v", u)
			}
		}
	})
}

func FuzzParseLibraries(f *testing.F) {
	addFixtures(f, "sections.*")
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		libs, err := plex.ParseLibraries(contentType, body)
		if err != nil {
			return
		}
		for _, l := range libs {
			if l.ID == "" {
				t.Fatalf("library without an id: %+v", l)
			}
		}
	})
}
