package embybase

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
)

func TestScrub(t *testing.T) {
	const key = "k3y/with+chars"
	c, err := New(Emby, mediaserver.Endpoint{URL: "http://emby.lan:8096", Token: key}, mediaserver.ClientIdentity{}, Options{})
	require.NoError(t, err)

	assert.NoError(t, c.scrub(nil))
	plain := errors.New("nothing secret")
	assert.Same(t, plain, c.scrub(plain))

	for _, text := range []string{key, url.QueryEscape(key), url.PathEscape(key)} {
		wrapped := fmt.Errorf("dialing ws://emby.lan/embywebsocket?api_key=%s: %w", text, context.Canceled)
		got := c.scrub(wrapped)
		assert.NotContains(t, got.Error(), text)
		assert.Contains(t, got.Error(), "[REDACTED]")
		assert.ErrorIs(t, got, context.Canceled)
	}

	top := &mediaserver.Error{Reason: mediaserver.ReasonUnreachable, Message: "no route to " + key, Err: errors.New("cause " + key)}
	got := c.scrub(top)
	e, ok := errors.AsType[*mediaserver.Error](got)
	require.True(t, ok)
	assert.Equal(t, mediaserver.ReasonUnreachable, e.Reason)
	assert.NotContains(t, e.Message, key)
	assert.NotContains(t, e.Err.Error(), key)
}

func TestSocketURL(t *testing.T) {
	ident := mediaserver.ClientIdentity{ID: "dev 1"}
	cases := []struct {
		flavor   Flavor
		base     string
		wantURL  string
		wantPath string
	}{
		{Jellyfin, "http://jf.lan:8096", "ws://jf.lan:8096/socket", "/socket"},
		{Jellyfin, "https://media.example.org/jellyfin/", "wss://media.example.org/jellyfin/socket", "/socket"},
		{Emby, "http://emby.lan:8096/emby", "ws://emby.lan:8096/emby/embywebsocket?api_key=abc&deviceId=dev+1", "/embywebsocket"},
		{Emby, "https://emby.lan", "wss://emby.lan/embywebsocket?api_key=abc&deviceId=dev+1", "/embywebsocket"},
	}
	for _, tc := range cases {
		c, err := New(tc.flavor, mediaserver.Endpoint{URL: tc.base, Token: "abc"}, ident, Options{})
		require.NoError(t, err)
		gotURL, gotPath := c.socketURL(c.base)
		assert.Equal(t, tc.wantURL, gotURL)
		assert.Equal(t, tc.wantPath, gotPath)
	}
}
