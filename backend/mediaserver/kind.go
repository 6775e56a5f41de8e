package mediaserver

import (
	"fmt"

	"github.com/streamwarden/streamwarden/backend/model"
)

// KindName is the product name of a kind as a user knows it.
func KindName(k model.ServerKind) string {
	switch k {
	case model.KindPlex:
		return "Plex Media Server"
	case model.KindJellyfin:
		return "Jellyfin server"
	case model.KindEmby:
		return "Emby server"
	}
	return fmt.Sprintf("%q server", string(k))
}

// withArticle prefixes a kind's name with "a" or "an".
func withArticle(k model.ServerKind) string {
	name := KindName(k)
	if k == model.KindEmby {
		return "an " + name
	}
	return "a " + name
}

// WrongKind is the error for a server that turned out to be of another kind
// than the one configured.
func WrongKind(actual, configured model.ServerKind) *Error {
	return &Error{
		Reason: ReasonWrongKind,
		Message: fmt.Sprintf("This is %s, not %s. Change the server type to %s.",
			withArticle(actual), withArticle(configured), actual.Label()),
	}
}

// InvalidKind is the error for a server type Streamwarden does not know.
func InvalidKind(k model.ServerKind) *Error {
	return &Error{
		Reason:  ReasonWrongKind,
		Message: fmt.Sprintf("Unknown server type %q. Choose Plex, Jellyfin or Emby.", string(k)),
	}
}
