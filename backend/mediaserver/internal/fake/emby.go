package fake

import (
	"net/http"
	"net/url"
	"strings"
)

// Jellyfin answers /System/Info when the Authorization header carries
// `MediaBrowser … Token="<Token>"`, and /System/Info/Public to anyone.
// Legacy headers (X-Emby-Token) are refused, as Jellyfin 12 does by default.
type Jellyfin struct {
	Token string
	// Info replaces the authenticated answer when set.
	Info []byte
}

func (j Jellyfin) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/System/Info/Public":
		writeJSON(w, Fixture("jellyfin_system_info_public.json"))
	case "/System/Info":
		if MediaBrowserToken(r.Header.Get("Authorization")) != j.Token {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		body := j.Info
		if body == nil {
			body = Fixture("jellyfin_system_info.json")
		}
		writeJSON(w, body)
	default:
		http.NotFound(w, r)
	}
}

// Emby answers /System/Info with X-Emby-Token (or api_key) and
// /System/Info/Public to anyone. Its routes also exist below /emby; with
// OnlyPrefixed they exist only there.
type Emby struct {
	Token        string
	OnlyPrefixed bool
}

func (e Emby) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p, prefixed := strings.CutPrefix(r.URL.Path, "/emby")
	if e.OnlyPrefixed && !prefixed {
		http.NotFound(w, r)
		return
	}
	switch p {
	case "/System/Info/Public":
		writeJSON(w, Fixture("emby_system_info_public.json"))
	case "/System/Info":
		if r.Header.Get("X-Emby-Token") != e.Token && r.URL.Query().Get("api_key") != e.Token {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte("Access token is invalid or expired."))
			return
		}
		writeJSON(w, Fixture("emby_system_info.json"))
	default:
		http.NotFound(w, r)
	}
}

// MediaBrowserToken returns the URL-decoded Token="…" value of a
// `MediaBrowser` Authorization header, or "" when there is none.
func MediaBrowserToken(header string) string {
	rest, ok := strings.CutPrefix(header, "MediaBrowser ")
	if !ok {
		return ""
	}
	for field := range strings.SplitSeq(rest, ",") {
		key, value, ok := strings.Cut(strings.TrimSpace(field), "=")
		if !ok || key != "Token" {
			continue
		}
		decoded, err := url.QueryUnescape(strings.Trim(value, `"`))
		if err != nil {
			return ""
		}
		return decoded
	}
	return ""
}

func writeJSON(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(body)
}
