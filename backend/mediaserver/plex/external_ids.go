package plex

import (
	"net/url"
	"strings"
)

// provider maps the scheme of a Plex Guid (imdb://tt…) to the provider
// name used in model.Media.ExternalIDs, or "" for schemes not kept.
func provider(scheme string) string {
	switch strings.ToLower(scheme) {
	case "imdb":
		return "imdb"
	case "tmdb":
		return "tmdb"
	case "tvdb":
		return "tvdb"
	case "mbid", "musicbrainz":
		return "musicbrainz"
	}
	return ""
}

// legacyAgent maps the old agent guids (com.plexapp.agents.imdb://tt…) to a
// provider, or "" for agents not kept.
func legacyAgent(scheme string) string {
	switch strings.ToLower(scheme) {
	case "com.plexapp.agents.imdb":
		return "imdb"
	case "com.plexapp.agents.themoviedb":
		return "tmdb"
	case "com.plexapp.agents.thetvdb":
		return "tvdb"
	}
	return ""
}

// externalIDs collects the item's ids at other services from its Guid
// children (imdb://tt…, tmdb://…, tvdb://…), and from a legacy agent guid
// when that names the item itself. It returns nil when there are none.
func externalIDs(it *wireItem) map[string]string {
	var ids map[string]string
	add := func(name, id string) {
		if name == "" || id == "" {
			return
		}
		if ids == nil {
			ids = map[string]string{}
		}
		if _, ok := ids[name]; !ok {
			ids[name] = id
		}
	}
	for _, g := range it.GUIDs {
		scheme, id, ok := strings.Cut(clean(g.ID), "://")
		if ok {
			add(provider(scheme), cleanID(id))
		}
	}
	if scheme, rest, ok := strings.Cut(clean(it.GUID), "://"); ok {
		id, _, _ := strings.Cut(rest, "?")
		// thetvdb://show/season/episode names the show, not this item.
		if !strings.Contains(id, "/") {
			add(legacyAgent(scheme), cleanID(id))
		}
	}
	return ids
}

// cleanID keeps an id only when it is a plain token: no spaces, slashes or
// query, unescaped.
func cleanID(id string) string {
	id, _, _ = strings.Cut(id, "?")
	if unescaped, err := url.PathUnescape(id); err == nil {
		id = unescaped
	}
	id = strings.TrimSpace(id)
	if id == "" || strings.ContainsAny(id, " /\\?#") {
		return ""
	}
	return id
}
