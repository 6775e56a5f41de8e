package embybase

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClientIP(t *testing.T) {
	cases := map[string]string{
		"192.168.1.254":             "192.168.1.254",
		" 192.168.1.254 ":           "192.168.1.254",
		"203.0.113.9:51234":         "203.0.113.9",
		"::ffff:203.0.113.9":        "203.0.113.9",
		"[::ffff:203.0.113.9]:8096": "203.0.113.9",
		"[2001:db8::1]:51234":       "2001:db8::1",
		"[2001:db8::1]":             "2001:db8::1",
		"2001:DB8:0:0:0:0:0:1":      "2001:db8::1",
		"fe80::1%eth0":              "fe80::1",
		"[fe80::1%25eth0]:80":       "fe80::1",
		"":                          "",
		"localhost":                 "",
		"203.0.113.9:port":          "",
		"999.1.1.1":                 "",
		"http://203.0.113.9/":       "",
		"[2001:db8::1]:51234:extra": "",
		"2001:db8::1:51234":         "",
		"203.0.113.9, 198.51.100.1": "",
	}
	for in, want := range cases {
		assert.Equal(t, want, clientIP(in), "clientIP(%q)", in)
	}
}

func TestPlatform(t *testing.T) {
	cases := []struct{ client, deviceType, want string }{
		{"Jellyfin Web", "", "Web"},
		{"Jellyfin Android", "", "Android"},
		{"Jellyfin Android TV", "", "Android TV"},
		{"AndroidTV", "", "Android TV"},
		{"Jellyfin iOS", "", "iOS"},
		{"Swiftfin", "", "iOS"},
		{"Swiftfin tvOS", "", "tvOS"},
		{"Jellyfin Roku", "", "Roku"},
		{"Emby for Roku", "", "Roku"},
		{"Emby for Samsung", "", "Tizen"},
		{"Emby for LG", "", "webOS"},
		{"Emby Theater", "Windows", "Windows"},
		{"Emby for Xbox", "", "Xbox"},
		{"Kodi", "", "Kodi"},
		{"Finamp", "iPhone", "iOS"},
		{"Jellyfin Media Player", "", "Jellyfin Media Player"},
		{"Infuse-Direct", "", "Infuse-Direct"},
		{"", "", ""},
		{"", "Android", "Android"},
		{"Jellyfin for Fire TV", "", "Fire TV"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, platform(tc.client, tc.deviceType), "platform(%q, %q)", tc.client, tc.deviceType)
	}
}

func TestResolutionLabel(t *testing.T) {
	cases := []struct {
		w, h flexInt
		want string
	}{
		{0, 0, ""},
		{3840, 2160, "4K"},
		{3840, 1600, "4K"},
		{4096, 1716, "4K"},
		{1920, 1080, "1080p"},
		{1920, 800, "1080p"},
		{1440, 1080, "1080p"},
		{1280, 720, "720p"},
		{1280, 536, "720p"},
		{960, 720, "720p"},
		{720, 576, "480p"},
		{720, 480, "480p"},
		{640, 480, "480p"},
		{480, 360, "SD"},
		{0, 1080, "1080p"},
		{-1920, -1080, ""},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, resolutionLabel(tc.w, tc.h), "%dx%d", tc.w, tc.h)
	}
}

func TestDynamicRange(t *testing.T) {
	cases := []struct{ rangeType, videoRange, want string }{
		{"SDR", "SDR", "SDR"},
		{"HDR10", "HDR", "HDR10"},
		{"HDR10Plus", "HDR", "HDR10+"},
		{"HLG", "HDR", "HLG"},
		{"DOVI", "HDR", "Dolby Vision"},
		{"DOVIWithHDR10", "HDR", "Dolby Vision"},
		{"Unknown", "HDR", "HDR"},
		{"", "HDR 10", "HDR10"},
		{"", "Dolby Vision", "Dolby Vision"},
		{"", "sdr", "SDR"},
		{"", "", ""},
		{"Unknown", "Unknown", ""},
		{"", "weird", ""},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, dynamicRange(tc.rangeType, tc.videoRange), "%q/%q", tc.rangeType, tc.videoRange)
	}
}

func TestBpsToKbps(t *testing.T) {
	cases := map[flexInt]int{0: 0, -5: 0, 499: 0, 500: 1, 987654: 988, 38_640_000: 38640, 1 << 62: 0}
	for in, want := range cases {
		assert.Equal(t, want, bpsToKbps(in), "%d", in)
	}
}
