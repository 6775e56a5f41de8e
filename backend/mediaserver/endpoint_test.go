package mediaserver_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

func TestParseBaseURLAccepts(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want string
	}{
		{"plain", "http://192.168.1.10:32400", "http://192.168.1.10:32400"},
		{"spaces and trailing slash", "  https://plex.example.com:32400/ \n", "https://plex.example.com:32400"},
		{"base path kept", "https://media.example.com/jellyfin/", "https://media.example.com/jellyfin"},
		{"several trailing slashes", "http://h:8096///", "http://h:8096"},
		{"emby prefix kept", "http://h:8096/emby", "http://h:8096/emby"},
		{"ipv6", "http://[::1]:8096", "http://[::1]:8096"},
		{"upper-case scheme", "HTTP://h:8096", "http://h:8096"},
		{"no port", "https://h", "https://h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := mediaserver.ParseBaseURL(tt.raw)
			require.NoError(t, err)
			assert.Equal(t, tt.want, u.String())
		})
	}
}

func TestParseBaseURLRejects(t *testing.T) {
	tests := []struct {
		name    string
		raw     string
		message string
	}{
		{"empty", "", "Enter the server address"},
		{"blank", "   ", "Enter the server address"},
		{"not a url", "not a url", "spaces or control characters"},
		{"no scheme", "plex.local:32400", "must start with http:// or https://"},
		{"ftp", "ftp://x", "Only http:// and https://"},
		{"javascript", "javascript://alert(1)", "Only http:// and https://"},
		{"no host", "http://", "no host name"},
		{"only port", "http://:32400", "no host name"},
		{"port too big", "http://h:99999", "port must be a number from 1 to 65535"},
		{"port zero", "http://h:0", "port must be a number from 1 to 65535"},
		{"empty port", "http://h:", "no port number"},
		{"port not numeric", "http://h:abc", "not a valid URL"},
		{"userinfo", "http://user:pw@h", "must not contain a user name or password"},
		{"query", "http://h:32400/?X-Plex-Token=abc", "must not contain a query"},
		{"empty query", "http://h:32400/?", "must not contain a query"},
		{"fragment", "http://h:32400/#web", "must not contain a fragment"},
		{"empty fragment", "http://h:32400/#", "must not contain a fragment"},
		{"garbage bytes", "\x00\xff\xfe\x01http://h", "spaces or control characters"},
		{"invalid utf-8 host", "http://h\xff:80", "spaces or control characters"},
		{"bad escape", "http://h/%zz", "not a valid URL"},
		{"opaque", "http:h:32400", "must start with http:// or https://"},
		{"percent in host", "http://%41:80", "not a valid URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := mediaserver.ParseBaseURL(tt.raw)
			require.Error(t, err)
			assert.Nil(t, u)
			var e *mediaserver.Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, mediaserver.ReasonInvalidURL, e.Reason)
			assert.Contains(t, e.Message, tt.message)
			assert.NotContains(t, e.Message, "abc", "the message must not echo the input")
		})
	}
}

func TestResolvePath(t *testing.T) {
	tests := []struct {
		base, path, want string
	}{
		{"http://h:32400", "/identity", "http://h:32400/identity"},
		{"http://h:32400", "/", "http://h:32400/"},
		{"https://h/jellyfin/", "/System/Info", "https://h/jellyfin/System/Info"},
		{"http://h/my%2Fpath", "/System/Info", "http://h/my%2Fpath/System/Info"},
	}
	for _, tt := range tests {
		t.Run(tt.base+tt.path, func(t *testing.T) {
			base, err := mediaserver.ParseBaseURL(tt.base)
			require.NoError(t, err)
			assert.Equal(t, tt.want, mediaserver.ResolvePath(base, tt.path))
		})
	}
}

func TestHostPort(t *testing.T) {
	tests := map[string]string{
		"http://h":              "h:80",
		"https://h":             "h:443",
		"http://h:32400":        "h:32400",
		"https://[2001:db8::1]": "[2001:db8::1]:443",
	}
	for raw, want := range tests {
		u, err := mediaserver.ParseBaseURL(raw)
		require.NoError(t, err)
		assert.Equal(t, want, mediaserver.HostPort(u), raw)
	}
}
