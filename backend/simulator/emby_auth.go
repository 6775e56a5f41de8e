package simulator

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/streamwarden/streamwarden/backend/model"
)

// embyToken finds the token a request carries. Jellyfin accepts only the
// `Authorization: MediaBrowser …Token="…"` header and the ApiKey query
// (the legacy forms are refused, as Jellyfin 12 does by default); Emby
// accepts X-Emby-Token, X-MediaBrowser-Token, the api_key query and
// the Emby/MediaBrowser authorization headers.
func (s *Server) embyToken(r *http.Request) string {
	q := r.URL.Query()
	if s.cfg.Kind == model.KindJellyfin {
		if tok := schemeToken(r.Header.Get("Authorization"), "MediaBrowser"); tok != "" {
			return tok
		}
		return queryFold(q, "ApiKey")
	}
	for _, h := range []string{"X-Emby-Token", "X-MediaBrowser-Token"} {
		if tok := r.Header.Get(h); tok != "" {
			return tok
		}
	}
	for _, h := range []string{"X-Emby-Authorization", "Authorization"} {
		v := r.Header.Get(h)
		if tok := schemeToken(v, "Emby"); tok != "" {
			return tok
		}
		if tok := schemeToken(v, "MediaBrowser"); tok != "" {
			return tok
		}
	}
	return queryFold(q, "api_key")
}

// schemeToken reads Token="…" from an authorization header of the given
// scheme: `MediaBrowser Client="x", Device="y", Token="z"`. Values may be
// quoted and URL-encoded.
func schemeToken(header, scheme string) string {
	name, params, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(name, scheme) {
		return ""
	}
	for _, part := range strings.Split(params, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "Token") {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"`)
		if dec, err := url.QueryUnescape(v); err == nil {
			v = dec
		}
		return v
	}
	return ""
}

// queryFold reads a query parameter whatever its case, as ASP.NET does.
func queryFold(q url.Values, name string) string {
	for k, v := range q {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}
