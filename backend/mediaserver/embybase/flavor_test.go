package embybase_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
	"github.com/streamwarden/streamwarden/backend/mediaserver/internal/fake"
	"github.com/streamwarden/streamwarden/backend/model"
)

func TestFlavorHeader(t *testing.T) {
	id := mediaserver.ClientIdentity{ID: "install-42", Product: "Streamwarden", Version: "1.2.3", DeviceName: "My PC"}

	jf := embybase.Jellyfin.Header(id, "abc123")
	assert.Equal(t, `MediaBrowser Client="Streamwarden", Device="My+PC", DeviceId="install-42", Version="1.2.3", Token="abc123"`,
		jf.Get("Authorization"))
	assert.Empty(t, jf.Values("X-Emby-Token"), "Jellyfin 12 refuses legacy headers")
	assert.Empty(t, jf.Values("X-Emby-Authorization"))
	assert.Equal(t, "application/json", jf.Get("Accept"))

	emby := embybase.Emby.Header(id, "abc123")
	assert.Equal(t, "abc123", emby.Get("X-Emby-Token"))
	assert.Equal(t, `Emby Client="Streamwarden", Device="My+PC", DeviceId="install-42", Version="1.2.3"`,
		emby.Get("X-Emby-Authorization"))
	assert.Empty(t, emby.Values("Authorization"))

	noToken := embybase.Jellyfin.Header(id, "")
	assert.NotContains(t, noToken.Get("Authorization"), "Token=")
}

func TestFlavorHeaderEscapesValues(t *testing.T) {
	id := mediaserver.ClientIdentity{ID: `a",Token="evil`, Product: "P", Version: "1", DeviceName: "D"}
	h := embybase.Jellyfin.Header(id, "real")
	assert.Equal(t, "real", fake.MediaBrowserToken(h.Get("Authorization")), "a crafted value cannot inject a field")
}

func TestFlavorKind(t *testing.T) {
	assert.Equal(t, model.KindJellyfin, embybase.Jellyfin.Kind())
	assert.Equal(t, model.KindEmby, embybase.Emby.Kind())
}
