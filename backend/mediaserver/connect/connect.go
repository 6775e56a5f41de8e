// Package connect builds the right client for a configured server.
package connect

import (
	"fmt"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/mediaserver/embybase"
	"github.com/streamwarden/streamwarden/backend/mediaserver/plex"
	"github.com/streamwarden/streamwarden/backend/model"
)

// Factory makes clients that identify themselves as this install.
type Factory struct {
	ident mediaserver.ClientIdentity
}

// NewFactory returns a factory; clientID must be stable per install.
func NewFactory(clientID, version string) *Factory {
	return &Factory{ident: mediaserver.ClientIdentity{ID: clientID, Version: version}.WithDefaults()}
}

// Client returns the client for srv. Its dynamic type also implements
// the optional capabilities its kind has (realtime, terminate, users…).
func (f *Factory) Client(srv model.Server, token string) (mediaserver.SessionLister, error) {
	ep := mediaserver.Endpoint{Kind: srv.Kind, URL: srv.URL, Token: token, VerifyTLS: srv.VerifyTLS}
	switch srv.Kind {
	case model.KindPlex:
		return plex.New(ep, f.ident, plex.Options{})
	case model.KindJellyfin:
		return embybase.New(embybase.Jellyfin, ep, f.ident, embybase.Options{})
	case model.KindEmby:
		return embybase.New(embybase.Emby, ep, f.ident, embybase.Options{})
	}
	return nil, fmt.Errorf("creating a client: unknown server kind %q", srv.Kind)
}
