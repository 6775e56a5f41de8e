package fake

import (
	"net/http"
	"strings"
)

// Plex answers /identity without a token and / with Token, like a Plex
// Media Server. It answers JSON when asked with Accept: application/json,
// unless XMLOnly (Plex's default format is XML).
type Plex struct {
	Token   string
	XMLOnly bool
}

func (p Plex) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/identity":
		p.write(w, r, "plex_identity")
	case r.Header.Get("X-Plex-Token") != p.Token && r.URL.Query().Get("X-Plex-Token") != p.Token:
		// Plex asks for a token on everything else, known path or not.
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write(Fixture("plex_unauthorized.html"))
	case r.URL.Path == "/":
		p.write(w, r, "plex_root")
	default:
		http.NotFound(w, r)
	}
}

func (p Plex) write(w http.ResponseWriter, r *http.Request, fixture string) {
	if !p.XMLOnly && strings.Contains(r.Header.Get("Accept"), "application/json") {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(Fixture(fixture + ".json"))
		return
	}
	w.Header().Set("Content-Type", "text/xml;charset=utf-8")
	_, _ = w.Write(Fixture(fixture + ".xml"))
}
