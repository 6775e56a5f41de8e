package plex

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalizeResolution(t *testing.T) {
	tests := map[string]string{
		"":      "",
		"sd":    "SD",
		"SD":    "SD",
		"480":   "480p",
		"576":   "576p",
		"720":   "720p",
		"720p":  "720p",
		"1080":  "1080p",
		"1080i": "1080p",
		"4k":    "4K",
		"2160":  "4K",
		"2160p": "4K",
		"8k":    "8K",
		"240":   "SD",
		"hd":    "720p",
		"wide":  "",
		"720pp": "",
		"-720":  "",
	}
	for in, want := range tests {
		assert.Equal(t, want, normalizeResolution(in), "normalizeResolution(%q)", in)
	}
}

func TestResolutionFromSize(t *testing.T) {
	tests := []struct {
		w, h int
		want string
	}{
		{0, 0, ""},
		{3840, 2160, "4K"},
		{3840, 1606, "4K"},
		{1920, 800, "1080p"},
		{1280, 544, "720p"},
		{720, 576, "576p"},
		{640, 480, "480p"},
		{320, 240, "SD"},
		{7680, 4320, "8K"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, resolutionFromSize(tt.w, tt.h), "%dx%d", tt.w, tt.h)
	}
}

func TestPlatformName(t *testing.T) {
	tests := map[string]string{
		"windows":  "Windows",
		"Windows":  "Windows",
		"osx":      "macOS",
		"macos":    "macOS",
		"MacOSX":   "macOS",
		"ios":      "iOS",
		"tvos":     "tvOS",
		"android":  "Android",
		"webos":    "webOS",
		"Konvergo": "Konvergo",
		"":         "",
	}
	for in, want := range tests {
		assert.Equal(t, want, platformName(in), "platformName(%q)", in)
	}
}

func TestParseAddr(t *testing.T) {
	tests := map[string]string{
		"192.168.1.5":            "192.168.1.5",
		" 10.0.0.1 ":             "10.0.0.1",
		"::ffff:203.0.113.9":     "203.0.113.9",
		"::FFFF:203.0.113.9":     "203.0.113.9",
		"::ffff:203.0.113.9:443": "203.0.113.9",
		"203.0.113.9:32400":      "203.0.113.9",
		"[2001:db8::1]:32400":    "2001:db8::1",
		"2001:db8::1":            "2001:db8::1",
		"fe80::1%eth0":           "fe80::1",
		"[fe80::1%eth0]:80":      "fe80::1",
		"0.0.0.0":                "",
		"::":                     "",
		"":                       "",
		"not an ip":              "",
		"300.1.1.1":              "",
		"::ffff:":                "",
		"::ffff:0.0.0.0:1":       "",
	}
	for in, want := range tests {
		addr, ok := parseAddr(in)
		if want == "" {
			assert.False(t, ok, "parseAddr(%q) = %v", in, addr)
			continue
		}
		require.True(t, ok, "parseAddr(%q)", in)
		assert.Equal(t, want, addr.String(), "parseAddr(%q)", in)
	}
}

func TestClientIP(t *testing.T) {
	tests := []struct {
		name            string
		address, public string
		local, known    bool
		want            string
	}{
		{"lan uses address", "192.168.1.9", "198.51.100.1", true, true, "192.168.1.9"},
		{"wan prefers public", "127.0.0.1", "198.51.100.1", false, true, "198.51.100.1"},
		{"unknown locality prefers public", "10.0.0.2", "198.51.100.1", false, false, "198.51.100.1"},
		{"private public address ignored", "203.0.113.4", "10.1.1.1", false, true, "203.0.113.4"},
		{"loopback public address ignored", "203.0.113.4", "127.0.0.1", false, true, "203.0.113.4"},
		{"bad public address ignored", "203.0.113.4", "garbage", false, true, "203.0.113.4"},
		{"nothing usable", "", "", false, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &wirePlayer{Address: flex(tt.address), RemotePublicAddress: flex(tt.public)}
			assert.Equal(t, tt.want, clientIP(p, tt.local, tt.known))
		})
	}
}

func TestFlex(t *testing.T) {
	var v struct {
		A, B, C, D, E, F, G, H flex
	}
	in := `{"A":"12","B":34,"C":true,"D":false,"E":null,"F":{"x":1},"G":[1],"H":5.9}`
	require.NoError(t, json.Unmarshal([]byte(in), &v))
	assert.Equal(t, int64(12), v.A.Int64())
	assert.Equal(t, int64(34), v.B.Int64())
	assert.True(t, v.C.Bool())
	assert.False(t, v.D.Bool())
	assert.Equal(t, flex(""), v.E)
	assert.Equal(t, flex(""), v.F)
	assert.Equal(t, flex(""), v.G)
	assert.Equal(t, int64(5), v.H.Int64())
	assert.Equal(t, 0, flex("-3").Count())
	assert.Equal(t, 2147483647, flex("99999999999999").Count())
	assert.Equal(t, int64(0), flex("1e400").Int64())
	assert.Equal(t, int64(0), flex("NaN").Int64())
	assert.True(t, flex("TRUE").Bool())
}

func TestExternalIDs(t *testing.T) {
	tests := []struct {
		name  string
		guid  string
		guids []string
		want  map[string]string
	}{
		{"none", "plex://movie/abc", nil, nil},
		{"guid children", "plex://movie/abc", []string{"imdb://tt1", "tmdb://2", "tvdb://3", "mbid://m-4", "plex://x"},
			map[string]string{"imdb": "tt1", "tmdb": "2", "tvdb": "3", "musicbrainz": "m-4"}},
		{"legacy imdb agent", "com.plexapp.agents.imdb://tt0123456?lang=en", nil, map[string]string{"imdb": "tt0123456"}},
		{"legacy tvdb episode names the show", "com.plexapp.agents.thetvdb://81189/3/9?lang=en", nil, nil},
		{"children win over legacy", "com.plexapp.agents.themoviedb://99?lang=en", []string{"tmdb://100"}, map[string]string{"tmdb": "100"}},
		{"junk ids dropped", "", []string{"imdb://", "tmdb://a b", "imdb:/tt1"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := &wireItem{GUID: flex(tt.guid)}
			for _, g := range tt.guids {
				it.GUIDs = append(it.GUIDs, wireGUID{ID: flex(g)})
			}
			assert.Equal(t, tt.want, externalIDs(it))
		})
	}
}
