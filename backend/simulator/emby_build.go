package simulator

import (
	"strings"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// jfTime is the servers' timestamp format: UTC with 7 fractional digits.
func jfTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.0000000Z") }

// embyID is an item id: 32-hex on Jellyfin, a short number on Emby.
func (s *Server) embyID(parts ...string) string { return kindID(s.cfg.Kind, parts...) }

func kindID(kind model.ServerKind, parts ...string) string {
	if kind == model.KindEmby {
		return hashNumber(1_000, 900_000, parts...)
	}
	return hashHex(parts...)
}

// itemID is the id a server of kind gives an item.
func itemID(kind model.ServerKind, it MediaItem) string {
	if kind == model.KindPlex {
		return plexRatingKey(it)
	}
	return kindID(kind, "item", it.key())
}

// libraryID is the id a server of kind gives a library.
func libraryID(kind model.ServerKind, l library) string {
	if l.id == 0 {
		return ""
	}
	if kind == model.KindPlex {
		return itoa(l.id)
	}
	return kindID(kind, "library", l.name)
}

func embyType(t model.MediaType) (typ, mediaType string) {
	switch t {
	case model.MediaMovie:
		return "Movie", "Video"
	case model.MediaEpisode:
		return "Episode", "Video"
	case model.MediaTrack:
		return "Audio", "Audio"
	case model.MediaLiveTV:
		return "TvChannel", "Video"
	case model.MediaPhoto:
		return "Photo", "Photo"
	}
	return "Video", "Video"
}

func providerIDs(ids map[string]string) map[string]string {
	names := map[string]string{"imdb": "Imdb", "tmdb": "Tmdb", "tvdb": "Tvdb", "musicbrainz": "MusicBrainzTrack"}
	out := map[string]string{}
	for k, v := range ids {
		if n, ok := names[k]; ok {
			out[n] = v
		}
	}
	return out
}

func (s *Server) embyBase(id string, u User, d Device, n Network) embySession {
	commands := []string{"DisplayMessage", "SetAudioStreamIndex", "SetSubtitleStreamIndex", "PlayMediaSource", "SetVolume"}
	return embySession{
		AdditionalUsers: []embyUserRef{},
		Capabilities: embyCapabilities{
			PlayableMediaTypes: []string{"Audio", "Video"}, SupportedCommands: commands,
			SupportsMediaControl: true, SupportsPersistentIdentifier: true,
		},
		RemoteEndPoint: endpoint(n), PlayableMediaTypes: []string{"Audio", "Video"},
		ID: id, UserID: u.ID, UserName: u.Name, Client: d.Product, DeviceName: d.Name, DeviceID: d.ID,
		ApplicationVersion: d.Version, IsActive: true, SupportsMediaControl: true, SupportsRemoteControl: true,
		NowPlayingQueue: []embyQueueItem{}, ServerID: s.cfg.MachineID, SupportedCommands: commands,
	}
}

func (s *Server) embySession(ls *liveSession, now time.Time) embySession {
	out := s.embyBase(ls.embyID, ls.user, ls.device, ls.network)
	itemID := s.embyID("item", ls.item.key())
	pos := ticks(ls.position(now))
	audio, subtitle := 1, -1
	if !ls.item.isVideo() {
		audio = 0
	}
	out.PlayState = embyPlayState{
		PositionTicks: &pos, CanSeek: true, IsPaused: ls.state == model.StatePaused, VolumeLevel: 100,
		AudioStreamIndex: &audio, SubtitleStreamIndex: &subtitle, MediaSourceID: itemID,
		PlayMethod: embyPlayMethod(ls.delivery.Decision.Overall), RepeatMode: "RepeatNone",
	}
	checkIn := ls.lastActivity
	if ls.state == model.StatePlaying {
		checkIn = now
	}
	out.LastActivityDate, out.LastPlaybackCheckIn = jfTime(checkIn), jfTime(checkIn)
	if s.cfg.Kind == model.KindJellyfin {
		out.PlayState.PlaybackOrder = "Default"
		if ls.state == model.StatePaused {
			out.LastPausedDate = jfTime(ls.lastPaused)
		}
	}
	out.NowPlayingItem = s.embyItem(ls.item)
	playlistItem := "playlistItem" + itoa(ls.queueItemID)
	out.NowPlayingQueue = []embyQueueItem{{ID: itemID, PlaylistItemID: playlistItem}}
	out.PlaylistItemID = playlistItem
	if ls.transcoding() {
		out.TranscodingInfo = s.embyTranscoding(ls, now)
	}
	return out
}

func (s *Server) embyItem(it MediaItem) *embyItem {
	key := it.key()
	lib := libraryFor(it)
	typ, mediaType := embyType(it.Type)
	e := &embyItem{
		Name: it.Title, ServerID: s.cfg.MachineID, ID: s.embyID("item", key),
		DateCreated: jfTime(time.Unix(plexStamp("added", key), 0)), Container: it.Source.Container,
		RunTimeTicks: ticks(it.Duration), ProductionYear: it.Year, Type: typ, MediaType: mediaType,
		ProviderIDs: providerIDs(it.ExternalIDs), MediaStreams: embyStreams(it),
	}
	if lib.id != 0 {
		e.ParentID = s.embyID("library", lib.name)
		e.Path = lib.path + "/" + it.Title + "." + it.Source.Container
	}
	switch it.Type {
	case model.MediaEpisode:
		e.SeriesName, e.SeasonName = it.GrandparentTitle, it.ParentTitle
		if e.SeasonName == "" {
			e.SeasonName = "Season " + itoa(it.ParentIndex)
		}
		e.SeriesID = s.embyID("grandparent", it.GrandparentTitle)
		e.SeasonID = s.embyID("parent", it.GrandparentTitle, it.ParentTitle, itoa(it.ParentIndex))
		e.IndexNumber, e.ParentIndexNumber = it.Index, it.ParentIndex
	case model.MediaTrack:
		e.Album, e.AlbumArtist, e.Artists = it.ParentTitle, it.GrandparentTitle, []string{it.GrandparentTitle}
		e.AlbumID = s.embyID("parent", it.GrandparentTitle, it.ParentTitle, itoa(it.ParentIndex))
		e.IndexNumber, e.ParentIndexNumber = it.Index, it.ParentIndex
	case model.MediaLiveTV:
		e.ChannelName = it.Title
	}
	if it.isVideo() {
		e.Width, e.Height = frameSize(it.Source.Resolution)
	}
	return e
}

// embyStreams describes the source file's streams.
func embyStreams(it MediaItem) []embyStream {
	src := it.Source
	var out []embyStream
	if it.isVideo() {
		w, h := frameSize(src.Resolution)
		rng := "SDR"
		if isHDR(src) {
			rng = "HDR"
		}
		dyn := src.DynamicRange
		if dyn == "" {
			dyn = "SDR"
		}
		out = append(out, embyStream{
			Codec: src.VideoCodec, Type: "Video", Index: 0, BitRate: (src.BitrateKbps - audioBitrate(src)) * 1000,
			DisplayTitle: resolutionLabel(src.Resolution) + " " + strings.ToUpper(src.VideoCodec) + " " + dyn,
			Profile:      videoProfile(src), Width: w, Height: h, AverageFrameRate: 23.976, VideoRange: rng, IsDefault: true,
		})
	}
	audio := embyStream{
		Codec: src.AudioCodec, Type: "Audio", Index: len(out), BitRate: audioBitrate(src) * 1000,
		Channels: src.AudioChannels, ChannelLayout: channelLayout(src.AudioChannels), SampleRate: 48000,
		DisplayTitle: strings.ToUpper(src.AudioCodec) + " - " + channelLabel(src.AudioChannels), IsDefault: true,
	}
	if it.isVideo() {
		audio.Language = "eng"
		audio.DisplayTitle = "English - " + audio.DisplayTitle + " - Default"
	} else {
		audio.SampleRate = 44100
	}
	return append(out, audio)
}

func (s *Server) embyTranscoding(ls *liveSession, now time.Time) *embyTranscoding {
	st, dec := ls.delivery.Stream, ls.delivery.Decision
	w, h := frameSize(st.Resolution)
	t := &embyTranscoding{
		AudioCodec: st.AudioCodec, VideoCodec: st.VideoCodec, Container: st.Container,
		IsVideoDirect: dec.Video != model.DecisionTranscode, IsAudioDirect: dec.Audio != model.DecisionTranscode,
		Bitrate: st.BitrateKbps * 1000, Width: w, Height: h, AudioChannels: st.AudioChannels,
	}
	if ls.item.isVideo() {
		t.Framerate = 23.976
	}
	if dur := ls.item.Duration; dur > 0 {
		t.CompletionPercentage = min(100, float64(ls.position(now)+2*time.Minute)/float64(dur)*100)
	}
	reasons := dec.TranscodeReasons
	if len(reasons) == 0 {
		reasons = defaultReasons(dec)
	}
	video := ls.item.isVideo()
	hw := video && (dec.HardwareDecode || dec.HardwareEncode)
	if s.cfg.Kind == model.KindJellyfin {
		t.HardwareAccelerationType = "none"
		if hw {
			t.HardwareAccelerationType = ls.delivery.HWAccel
		}
		t.TranscodeReasons = reasons
		return t
	}
	if video {
		decHW, encHW := dec.HardwareDecode, dec.HardwareEncode
		t.VideoDecoderIsHardware, t.VideoEncoderIsHardware = &decHW, &encHW
	}
	t.TranscodeReasons = strings.Join(reasons, ",")
	return t
}

func defaultReasons(dec model.StreamDecision) []string {
	var out []string
	if dec.Video == model.DecisionTranscode {
		out = append(out, "VideoCodecNotSupported")
	}
	if dec.Audio == model.DecisionTranscode {
		out = append(out, "AudioCodecNotSupported")
	}
	if len(out) == 0 {
		out = append(out, "ContainerNotSupported")
	}
	return out
}
