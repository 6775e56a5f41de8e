package mediaserver_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

func TestWrongKind(t *testing.T) {
	tests := []struct {
		actual, configured model.ServerKind
		want               string
	}{
		{model.KindEmby, model.KindJellyfin, "This is an Emby server, not a Jellyfin server. Change the server type to Emby."},
		{model.KindPlex, model.KindEmby, "This is a Plex Media Server, not an Emby server. Change the server type to Plex."},
		{model.KindJellyfin, model.KindPlex, "This is a Jellyfin server, not a Plex Media Server. Change the server type to Jellyfin."},
	}
	for _, tt := range tests {
		e := mediaserver.WrongKind(tt.actual, tt.configured)
		assert.Equal(t, mediaserver.ReasonWrongKind, e.Reason)
		assert.Equal(t, tt.want, e.Message)
	}
	e := mediaserver.InvalidKind("kodi")
	assert.Equal(t, mediaserver.ReasonWrongKind, e.Reason)
	assert.Contains(t, e.Message, `"kodi"`)
}
