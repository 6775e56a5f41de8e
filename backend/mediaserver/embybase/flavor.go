// Package embybase is the client base Jellyfin and Emby share: Jellyfin
// forked from Emby 3.5, so routes and DTOs are mostly the same. A Flavor
// carries the differences (authentication headers, the /emby route prefix,
// names in messages).
package embybase

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/streamwarden/streamwarden/backend/mediaserver"
	"github.com/streamwarden/streamwarden/backend/model"
)

// Flavor selects Jellyfin or Emby behaviour.
type Flavor int

const (
	// Jellyfin authenticates with `Authorization: MediaBrowser …, Token="…"`;
	// Jellyfin 12 disables the legacy X-Emby-Token headers by default.
	Jellyfin Flavor = iota + 1
	// Emby authenticates with X-Emby-Token and also serves every route
	// below /emby.
	Emby
)

// Kind is the server kind of the flavor.
func (f Flavor) Kind() model.ServerKind {
	if f == Emby {
		return model.KindEmby
	}
	return model.KindJellyfin
}

// name is the product as named in messages.
func (f Flavor) name() string {
	if f == Emby {
		return "Emby"
	}
	return "Jellyfin"
}

// defaultProduct is reported when the server's answer has no ProductName
// (Emby does not send one).
func (f Flavor) defaultProduct() string {
	if f == Emby {
		return "Emby Server"
	}
	return "Jellyfin Server"
}

// apiKeyHint tells the user where API keys are made.
func (f Flavor) apiKeyHint() string {
	if f == Emby {
		return "Create one in the Emby server dashboard under API Keys."
	}
	return "Create one in the Jellyfin dashboard under API Keys."
}

// Header returns the headers for an authenticated request. An empty token
// gives the descriptive client headers only.
func (f Flavor) Header(ident mediaserver.ClientIdentity, token string) http.Header {
	ident = ident.WithDefaults()
	h := http.Header{}
	h.Set("Accept", "application/json")
	fields := []string{
		authField("Client", ident.Product),
		authField("Device", ident.DeviceName),
		authField("DeviceId", ident.ID),
		authField("Version", ident.Version),
	}
	switch f {
	case Emby:
		h.Set("X-Emby-Authorization", "Emby "+strings.Join(fields, ", "))
		if token != "" {
			h.Set("X-Emby-Token", token)
		}
	default:
		if token != "" {
			fields = append(fields, authField("Token", token))
		}
		h.Set("Authorization", "MediaBrowser "+strings.Join(fields, ", "))
	}
	return h
}

// authField formats key="value"; the value is URL-encoded (servers decode
// it) so quotes and commas cannot break the header's structure.
func authField(key, value string) string {
	return key + `="` + url.QueryEscape(value) + `"`
}

// infoPaths lists where to ask for the system information, in order. Emby
// also serves its API below /emby; a base URL that already ends there is
// used as it is.
func (f Flavor) infoPaths(base *url.URL, public bool) []string {
	path := "/System/Info"
	if public {
		path += "/Public"
	}
	if f != Emby || strings.HasSuffix(strings.ToLower(base.Path), "/emby") {
		return []string{path}
	}
	return []string{path, "/emby" + path}
}
