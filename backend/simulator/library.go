package simulator

import "github.com/streamwarden/streamwarden/backend/model"

// library is one library of a simulated server.
type library struct {
	id int
	// name is the title shown to users.
	name string
	// plexType is the Plex section type; collection the Jellyfin/Emby
	// CollectionType.
	plexType   string
	collection string
	path       string
}

// libraries are the libraries every simulated server has.
func libraries() []library {
	return []library{
		{id: 1, name: "Movies", plexType: "movie", collection: "movies", path: "/media/movies"},
		{id: 2, name: "TV Shows", plexType: "show", collection: "tvshows", path: "/media/tv"},
		{id: 3, name: "Music", plexType: "artist", collection: "music", path: "/media/music"},
		{id: 4, name: "Home Videos", plexType: "movie", collection: "homevideos", path: "/media/home"},
	}
}

// libraryFor finds the item's library: by name when it has one, else by
// type. Live TV belongs to no library (id 0).
func libraryFor(item MediaItem) library {
	libs := libraries()
	if item.Library != "" {
		for _, l := range libs {
			if l.name == item.Library {
				return l
			}
		}
	}
	switch item.Type {
	case model.MediaMovie:
		return libs[0]
	case model.MediaEpisode:
		return libs[1]
	case model.MediaTrack:
		return libs[2]
	case model.MediaLiveTV:
		return library{}
	default:
		return libs[3]
	}
}
