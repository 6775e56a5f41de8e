package embybase_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/model"
)

func TestParseSystemInfo(t *testing.T) {
	tests := []struct {
		fixture string
		want    embybase.SystemInfo
	}{
		{"jellyfin_system_info.json", embybase.SystemInfo{
			ServerName: "Attic Jellyfin", Version: "12.0.0", ID: "a744119f757f88858f95aab1628708c4",
			ProductName: "Jellyfin Server", OperatingSystem: "Linux",
		}},
		{"jellyfin_system_info_public.json", embybase.SystemInfo{
			ServerName: "Attic Jellyfin", Version: "12.0.0", ID: "a744119f757f88858f95aab1628708c4",
			ProductName: "Jellyfin Server",
		}},
		{"emby_system_info.json", embybase.SystemInfo{
			ServerName: "Garage Emby", Version: "4.8.10.0", ID: "3f1c2b7a9e8d4c6b5a0f1e2d3c4b5a69", OperatingSystem: "Linux",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			got, err := embybase.ParseSystemInfo(fake.Fixture(tt.fixture))
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseSystemInfoRejects(t *testing.T) {
	tests := map[string]string{
		"empty":                 "",
		"html":                  string(fake.Fixture("router_login.html")),
		"plex xml":              string(fake.Fixture("plex_identity.xml")),
		"plex json":             string(fake.Fixture("plex_identity.json")),
		"another service":       string(fake.Fixture("other_service.json")),
		"array":                 `[{"Id":"a","Version":"1"}]`,
		"no id":                 `{"Version":"10.9.0","ServerName":"x"}`,
		"no version":            `{"Id":"abc"}`,
		"blank id":              `{"Id":" ","Version":"10.9.0"}`,
		"version of wrong type": `{"Id":"abc","Version":10.9}`,
		"truncated":             `{"Id":"abc","Version":"10`,
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := embybase.ParseSystemInfo([]byte(body))
			assert.Error(t, err)
		})
	}
}

func TestDetectKind(t *testing.T) {
	tests := []struct {
		name string
		info embybase.SystemInfo
		want model.ServerKind
	}{
		{"jellyfin product", embybase.SystemInfo{ProductName: "Jellyfin Server", Version: "10.9.11"}, model.KindJellyfin},
		{"emby product", embybase.SystemInfo{ProductName: "Emby Server", Version: "4.8.0.0"}, model.KindEmby},
		{"product wins over version", embybase.SystemInfo{ProductName: "Emby Server", Version: "12.0.0"}, model.KindEmby},
		{"unknown product", embybase.SystemInfo{ProductName: "Kodi", Version: "4.0"}, ""},
		{"emby without product", embybase.SystemInfo{Version: "4.8.10.0"}, model.KindEmby},
		{"jellyfin without product", embybase.SystemInfo{Version: "10.2.0"}, model.KindJellyfin},
		{"odd version", embybase.SystemInfo{Version: "v4"}, ""},
		{"zero version", embybase.SystemInfo{Version: "0.1"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, embybase.DetectKind(tt.info))
		})
	}
}
