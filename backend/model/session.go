package model

import "time"

// MediaType is what kind of item is playing.
type MediaType string

const (
	MediaMovie   MediaType = "movie"
	MediaEpisode MediaType = "episode"
	MediaTrack   MediaType = "track"
	MediaClip    MediaType = "clip"
	MediaPhoto   MediaType = "photo"
	MediaLiveTV  MediaType = "livetv"
	MediaOther   MediaType = "other"
)

// PlaybackState is the state a client reports for a session.
type PlaybackState string

const (
	StatePlaying   PlaybackState = "playing"
	StatePaused    PlaybackState = "paused"
	StateBuffering PlaybackState = "buffering"
	StateStopped   PlaybackState = "stopped"
)

// Decision is how the server delivers a stream.
type Decision string

const (
	DecisionUnknown      Decision = ""
	DecisionDirectPlay   Decision = "direct_play"
	DecisionDirectStream Decision = "direct_stream"
	DecisionTranscode    Decision = "transcode"
)

// SessionUser is the account playing, as the media server knows it.
type SessionUser struct {
	ID   string
	Name string
}

// Device is the client application and the machine it runs on.
type Device struct {
	ID              string
	Name            string
	Product         string
	Version         string
	Platform        string
	PlatformVersion string
}

// Media describes the item playing. For episodes ParentTitle is the
// season and GrandparentTitle the show; for tracks, album and artist.
type Media struct {
	Type             MediaType
	ItemID           string
	Title            string
	ParentTitle      string
	GrandparentTitle string
	ParentIndex      int
	Index            int
	Year             int
	DurationMs       int64
	LibraryID        string
	LibraryName      string
	// ExternalIDs maps a provider ("imdb", "tmdb", "tvdb", "musicbrainz")
	// to the item's id there.
	ExternalIDs map[string]string
}

// Quality describes a stream: the source file, or what is delivered.
type Quality struct {
	Resolution    string
	BitrateKbps   int
	Container     string
	VideoCodec    string
	AudioCodec    string
	AudioChannels int
	// DynamicRange is "SDR", "HDR10", "HLG", "Dolby Vision"… or empty.
	DynamicRange string
}

// StreamDecision says how each part of the stream is delivered.
type StreamDecision struct {
	Overall          Decision
	Video            Decision
	Audio            Decision
	Subtitle         Decision
	HardwareDecode   bool
	HardwareEncode   bool
	TranscodeReasons []string
}

// LiveSession is one playback as a media server reports it at one moment,
// the same shape for Plex, Jellyfin and Emby.
type LiveSession struct {
	ServerID int64
	// Key identifies the session on its server while it lasts.
	Key string
	// ControlID is what the server needs to stop the session (Plex
	// Session.id; Jellyfin/Emby session Id).
	ControlID string
	User      SessionUser
	Device    Device
	// IP is the client's address as text (IPv4 or IPv6, no port, no
	// ::ffff: prefix); empty when the server did not say.
	IP string
	// Local is the server's own LAN flag; LocalKnown is false when the
	// server gives none and locality must be derived from the address.
	Local      bool
	LocalKnown bool
	Media      Media
	State      PlaybackState
	PositionMs int64
	Source     Quality
	Stream     Quality
	Decision   StreamDecision
	// BandwidthKbps is what the session uses on the network, 0 if unknown.
	BandwidthKbps int
	LiveTV        bool
	ObservedAt    time.Time
}
