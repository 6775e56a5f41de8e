package simulator

import (
	"encoding/xml"
	"strconv"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

func plexRatingKey(it MediaItem) string {
	if it.Type == model.MediaLiveTV {
		return hashHex("live", it.key())[:20]
	}
	return hashNumber(10_000, 900_000, "item", it.key())
}

func plexStamp(parts ...string) int64 {
	return 1_500_000_000 + int64(hash64(parts...)%200_000_000)
}

func plexElement(t model.MediaType) string {
	switch t {
	case model.MediaTrack:
		return "Track"
	case model.MediaPhoto:
		return "Photo"
	}
	return "Video"
}

func plexType(t model.MediaType) string {
	switch t {
	case model.MediaMovie, model.MediaEpisode, model.MediaTrack, model.MediaPhoto, model.MediaClip:
		return string(t)
	case model.MediaLiveTV:
		return "episode"
	}
	return "clip"
}

// plexGuids lists an item's external ids the way Plex does.
func plexGuids(ids map[string]string) []plexGUID {
	var out []plexGUID
	for _, p := range [][2]string{{"imdb", "imdb"}, {"tmdb", "tmdb"}, {"tvdb", "tvdb"}, {"musicbrainz", "mbid"}} {
		if v := ids[p[0]]; v != "" {
			out = append(out, plexGUID{ID: p[1] + "://" + v})
		}
	}
	return out
}

func (s *Server) plexItem(ls *liveSession, now time.Time) plexItem {
	it := ls.item
	rk := plexRatingKey(it)
	updated := plexStamp("updated", it.key())
	pi := plexItem{
		XMLName:    xml.Name{Local: plexElement(it.Type)},
		AddedAt:    plexStamp("added", it.key()),
		Art:        "/library/metadata/" + rk + "/art/" + i64toa(updated),
		Duration:   ms(it.Duration),
		GUID:       "plex://" + plexType(it.Type) + "/" + hashHex("guid", it.key())[:24],
		Key:        "/library/metadata/" + rk,
		RatingKey:  rk,
		SessionKey: ls.plexKey,
		Thumb:      "/library/metadata/" + rk + "/thumb/" + i64toa(updated),
		Title:      it.Title,
		Type:       plexType(it.Type),
		UpdatedAt:  updated,
		ViewOffset: ms(ls.position(now)),
		Year:       it.Year,
		Live:       it.Type == model.MediaLiveTV,
		Guids:      plexGuids(it.ExternalIDs),
	}
	if lib := libraryFor(it); lib.id != 0 {
		pi.LibrarySectionID = itoa(lib.id)
		pi.LibrarySectionKey = "/library/sections/" + itoa(lib.id)
		pi.LibrarySectionTitle = lib.name
	}
	if it.Type == model.MediaEpisode || it.Type == model.MediaTrack {
		grk := hashNumber(10_000, 900_000, "grandparent", it.GrandparentTitle)
		prk := hashNumber(10_000, 900_000, "parent", it.GrandparentTitle, it.ParentTitle, itoa(it.ParentIndex))
		parentKind, grandKind := "season", "show"
		if it.Type == model.MediaTrack {
			parentKind, grandKind = "album", "artist"
		}
		pi.Index, pi.ParentIndex = it.Index, it.ParentIndex
		pi.ParentTitle, pi.GrandparentTitle = it.ParentTitle, it.GrandparentTitle
		pi.ParentRatingKey, pi.GrandparentRatingKey = prk, grk
		pi.ParentKey, pi.GrandparentKey = "/library/metadata/"+prk, "/library/metadata/"+grk
		pi.ParentThumb = "/library/metadata/" + prk + "/thumb/" + i64toa(updated)
		pi.GrandparentThumb = "/library/metadata/" + grk + "/thumb/" + i64toa(updated)
		pi.ParentGUID = "plex://" + parentKind + "/" + hashHex("guid", prk)[:24]
		pi.GrandparentGUID = "plex://" + grandKind + "/" + hashHex("guid", grk)[:24]
	}
	pi.Media = []plexMedia{s.plexMedia(ls)}
	pi.User = plexUser{
		ID:    ls.user.ID,
		Title: ls.user.Name,
		Thumb: "https://plex.tv/users/" + hashHex("avatar", ls.user.Name)[:16] + "/avatar?c=" + i64toa(updated),
	}
	pi.Player = plexPlayerFor(ls)
	location := "wan"
	if ls.network.Local {
		location = "lan"
	}
	pi.Session = plexSession{ID: ls.plexID, Bandwidth: ls.delivery.BandwidthKbps, Location: location}
	if ls.transcodeID != "" {
		tc := s.plexTranscode(ls, ls.transcodeID, now)
		pi.TranscodeSession = &tc
	}
	return pi
}

func plexPlayerFor(ls *liveSession) plexPlayer {
	d, n := ls.device, ls.network
	public := n.PublicIP
	if public == "" && !n.Local {
		public = n.IP
	}
	uid, err := strconv.ParseInt(ls.user.ID, 10, 64)
	if err != nil {
		uid = int64(hash64("uid", ls.user.ID) % 100_000_000)
	}
	return plexPlayer{
		Address:             displayIP(n.IP, n.Mapped),
		Device:              d.Hardware,
		Local:               plexBool(n.Local),
		MachineIdentifier:   d.ID,
		Model:               d.Model,
		Platform:            d.Platform,
		PlatformVersion:     d.PlatformVersion,
		Product:             d.Product,
		Relayed:             plexBool(n.Relayed),
		RemotePublicAddress: public,
		Secure:              plexBool(n.Secure),
		State:               string(ls.state),
		Title:               d.Name,
		UserID:              uid,
		Vendor:              d.Vendor,
		Version:             d.Version,
	}
}

// plexMedia describes the stream as delivered.
func (s *Server) plexMedia(ls *liveSession) plexMedia {
	it, st, dec := ls.item, ls.delivery.Stream, ls.delivery.Decision
	key := it.key()
	mediaID := hashNumber(100_000, 900_000, "media", key)
	partID := hashNumber(100_000, 900_000, "part", key)
	m := plexMedia{
		ID: mediaID, AudioChannels: st.AudioChannels, AudioCodec: st.AudioCodec, Bitrate: st.BitrateKbps,
		Container: st.Container, Duration: ms(it.Duration), Selected: true,
	}
	part := plexPart{
		ID: partID, Bitrate: st.BitrateKbps, Container: st.Container, Decision: "directplay",
		Duration: ms(it.Duration), Selected: true,
		File: libraryFor(it).path + "/" + it.Title + "." + it.Source.Container,
		Key:  "/library/parts/" + partID + "/" + i64toa(plexStamp("added", key)) + "/file." + it.Source.Container,
		Size: int64(it.Source.BitrateKbps) * 125 * int64(it.Duration/time.Second),
	}
	if ls.transcoding() {
		part.Decision = "transcode"
		m.Protocol, part.Protocol = plexProtocol(st), plexProtocol(st)
		m.OptimizedForStreaming = true
	}
	if it.isVideo() {
		w, h := frameSize(st.Resolution)
		m.VideoCodec, m.VideoResolution, m.Width, m.Height = st.VideoCodec, st.Resolution, w, h
		m.VideoFrameRate, m.VideoProfile = "24p", videoProfile(st)
		v := plexStream{
			ID: hashNumber(1_000_000, 9_000_000, "video", key), StreamType: 1, Codec: st.VideoCodec,
			Bitrate: st.BitrateKbps - audioBitrate(st), Width: w, Height: h, Default: true,
			DisplayTitle: resolutionLabel(st.Resolution) + " (" + codecLabel(st.VideoCodec) + ")",
			Decision:     plexStreamDecision(dec.Video), Location: plexLocation(ls, "video"),
		}
		if isHDR(st) {
			v.BitDepth, v.ColorTrc = 10, "smpte2084"
			v.DOVIPresent = st.DynamicRange == "Dolby Vision"
			v.DisplayTitle = resolutionLabel(st.Resolution) + " (" + codecLabel(st.VideoCodec) + " Main 10 " + st.DynamicRange + ")"
		}
		part.Stream = append(part.Stream, v)
	}
	rate := 48000
	if !it.isVideo() {
		rate = 44100
	}
	part.Stream = append(part.Stream, plexStream{
		ID: hashNumber(1_000_000, 9_000_000, "audio", key), StreamType: 2, Selected: true, Default: true,
		Codec: st.AudioCodec, Channels: st.AudioChannels, AudioChannelLayout: channelLayout(st.AudioChannels),
		Bitrate: audioBitrate(st), SamplingRate: rate, Language: "English", LanguageCode: "eng",
		DisplayTitle: "English (" + codecLabel(st.AudioCodec) + " " + channelLabel(st.AudioChannels) + ")",
		Decision:     plexStreamDecision(dec.Audio), Location: plexLocation(ls, "audio"),
	})
	m.Part = []plexPart{part}
	return m
}

func plexProtocol(q model.Quality) string {
	switch {
	case q.VideoCodec == "":
		return "http"
	case q.Container == "mpegts":
		return "hls"
	}
	return "dash"
}

func plexLocation(ls *liveSession, kind string) string {
	if ls.transcoding() {
		return "segments-" + kind
	}
	return "direct"
}

func (s *Server) plexTranscode(ls *liveSession, id string, now time.Time) plexTranscode {
	src, st, dec := ls.item.Source, ls.delivery.Stream, ls.delivery.Decision
	if !ls.item.isVideo() {
		dec.HardwareDecode, dec.HardwareEncode = false, false
	}
	pos, dur := ls.position(now), ls.item.Duration
	progress := 100.0
	if dur > 0 {
		progress = min(100, float64(pos+2*time.Minute)/float64(dur)*100)
	}
	w, h := frameSize(st.Resolution)
	t := plexTranscode{
		Key: "/transcode/sessions/" + id, Progress: progress, Speed: 1.8, Duration: ms(dur),
		Context: "streaming", SourceAudioCodec: src.AudioCodec,
		AudioDecision: plexTranscodeDecision(dec.Audio), Protocol: plexProtocol(st), Container: st.Container,
		AudioCodec: st.AudioCodec, AudioChannels: st.AudioChannels,
		TranscodeHwRequested: plexBool(dec.HardwareDecode || dec.HardwareEncode),
		TimeStamp:            float64(now.UnixMilli()) / 1000,
	}
	if ls.item.isVideo() {
		t.SourceVideoCodec, t.VideoDecision = src.VideoCodec, plexTranscodeDecision(dec.Video)
		t.VideoCodec, t.Width, t.Height = st.VideoCodec, w, h
	}
	decName, decTitle, encName, encTitle := hwCodecs(ls.delivery.HWAccel)
	if dec.HardwareDecode {
		t.TranscodeHwDecoding, t.TranscodeHwDecodingTitle = decName, decTitle
	}
	if dec.HardwareEncode {
		t.TranscodeHwEncoding, t.TranscodeHwEncodingTitle = encName, encTitle
	}
	t.TranscodeHwFullPipeline = plexBool(dec.HardwareDecode && dec.HardwareEncode)
	return t
}

// announce tells the realtime channels that ls changed. Caller holds s.mu.
func (s *Server) announce(ls *liveSession, tc transcodeEvent) {
	now := s.cfg.Now()
	rk := plexRatingKey(ls.item)
	state := string(ls.state)
	if ls.stopped {
		state = string(model.StateStopped)
	}
	c := change{notif: plexNotification{
		SessionKey: ls.plexKey, ClientIdentifier: ls.device.ID, RatingKey: rk, Key: "/library/metadata/" + rk,
		ViewOffset: ms(ls.position(now)), PlayQueueItemID: ls.queueItemID, State: state,
		TranscodeSession: ls.transcodeID,
	}}
	if tc.kind != "" && s.cfg.Kind == model.KindPlex {
		dto := s.plexTranscode(ls, tc.id, now)
		c.transcode, c.transcodeDTO = tc.kind, &dto
	}
	s.hub.publish(c)
}
