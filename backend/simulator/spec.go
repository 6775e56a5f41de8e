package simulator

import (
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// User is an account on a simulated server.
type User struct {
	Name string
	// ID overrides the id the server reports. When empty an id in the
	// kind's format is derived from Name (the Config.Owner is "1" on Plex).
	ID string
}

// Device is a client application on a machine.
type Device struct {
	// ID is the stable client identifier (Plex machineIdentifier,
	// Jellyfin/Emby DeviceId).
	ID string
	// Name is the device's name (Plex Player.title, DeviceName).
	Name string
	// Product is the app (Plex Player.product, Jellyfin/Emby Client).
	Product         string
	Version         string
	Platform        string
	PlatformVersion string
	// Hardware, Model and Vendor are reported by Plex only (Player.device,
	// model, vendor), e.g. "SHIELD Android TV", "darcy", "NVIDIA".
	Hardware string
	Model    string
	Vendor   string
}

// Network is where a client connects from.
type Network struct {
	// IP is the client's address as the server sees it (IPv4 or IPv6).
	IP string
	// PublicIP is the public address of the client's network (Plex
	// remotePublicAddress); it defaults to IP for remote clients.
	PublicIP string
	// Local says the client is on the server's LAN.
	Local bool
	// Mapped reports an IPv4 address in its IPv4-mapped IPv6 form
	// (::ffff:a.b.c.d), as dual-stack servers often do.
	Mapped bool
	// Port, when not zero, is appended to Jellyfin/Emby RemoteEndPoint.
	Port int
	// Relayed and Secure are Plex Player flags.
	Relayed bool
	Secure  bool
}

// MediaItem is a library item that can be played.
type MediaItem struct {
	Type model.MediaType
	// Key identifies the item across servers; derived from the titles and
	// indexes when empty. Server-side ids (ratingKey, item Id) derive from it.
	Key string
	// Title is the movie, episode or track title; ParentTitle the season
	// or album; GrandparentTitle the show or artist.
	Title            string
	ParentTitle      string
	GrandparentTitle string
	// Index is the episode or track number, ParentIndex the season or disc.
	Index       int
	ParentIndex int
	Year        int
	Duration    time.Duration
	// ExternalIDs maps "imdb", "tmdb", "tvdb", "musicbrainz" to ids.
	ExternalIDs map[string]string
	// Source is the file's quality.
	Source model.Quality
	// Library is the library's name; a default by type when empty.
	Library string
}

// Delivery is how a session's stream is delivered.
type Delivery struct {
	// Stream is the delivered quality; the source's when zero (a
	// transcode without one gets a 720p H.264 stream).
	Stream model.Quality
	// Decision says how each part is delivered. Overall is derived from
	// Video and Audio when empty, and the parts from Overall.
	Decision model.StreamDecision
	// BandwidthKbps is the network use; derived from the stream bitrate
	// when zero.
	BandwidthKbps int
	// HWAccel names the hardware transcoder ("nvenc", "vaapi", "qsv"…)
	// reported when Decision asks for hardware; "nvenc" when empty.
	HWAccel string
}

// SessionSpec describes a playback to start.
type SessionSpec struct {
	User     User
	Device   Device
	Network  Network
	Item     MediaItem
	Delivery Delivery
	// Position is where playback starts.
	Position time.Duration
	// State is the initial state; playing when empty.
	State model.PlaybackState
}

func (it MediaItem) key() string {
	if it.Key != "" {
		return it.Key
	}
	return string(it.Type) + "|" + it.GrandparentTitle + "|" + it.ParentTitle + "|" + it.Title +
		"|" + itoa(it.ParentIndex) + "|" + itoa(it.Index) + "|" + itoa(it.Year)
}

func (it MediaItem) isVideo() bool { return it.Type != model.MediaTrack }

// normalize fills the derived parts of a delivery for item.
func (d Delivery) normalize(item MediaItem) Delivery {
	dec := d.Decision
	if dec.Overall == model.DecisionUnknown {
		dec.Overall = combine(dec.Video, dec.Audio)
	}
	if dec.Audio == model.DecisionUnknown {
		dec.Audio = dec.Overall
	}
	if dec.Video == model.DecisionUnknown && item.isVideo() {
		dec.Video = dec.Overall
	}
	if !item.isVideo() {
		dec.Video = model.DecisionUnknown
	}
	d.Decision = dec
	if d.Stream == (model.Quality{}) {
		d.Stream = item.Source
		if dec.Overall == model.DecisionTranscode {
			d.Stream = transcodedQuality(item)
		}
	}
	if d.BandwidthKbps == 0 {
		d.BandwidthKbps = d.Stream.BitrateKbps + d.Stream.BitrateKbps/20
	}
	if (dec.HardwareDecode || dec.HardwareEncode) && d.HWAccel == "" {
		d.HWAccel = "nvenc"
	}
	return d
}

func combine(video, audio model.Decision) model.Decision {
	switch {
	case video == model.DecisionTranscode || audio == model.DecisionTranscode:
		return model.DecisionTranscode
	case video == model.DecisionDirectStream || audio == model.DecisionDirectStream:
		return model.DecisionDirectStream
	default:
		return model.DecisionDirectPlay
	}
}

func transcodedQuality(item MediaItem) model.Quality {
	if !item.isVideo() {
		return model.Quality{BitrateKbps: 320, Container: "mp3", AudioCodec: "mp3", AudioChannels: 2}
	}
	return model.Quality{
		Resolution: "720", BitrateKbps: 4000, Container: "mpegts", VideoCodec: "h264",
		AudioCodec: "aac", AudioChannels: 2, DynamicRange: "SDR",
	}
}

// frameSize gives the width and height of a resolution label.
func frameSize(res string) (int, int) {
	switch res {
	case "4k":
		return 3840, 2160
	case "1080":
		return 1920, 1080
	case "720":
		return 1280, 720
	case "576":
		return 720, 576
	case "480", "sd":
		return 720, 480
	}
	return 0, 0
}
