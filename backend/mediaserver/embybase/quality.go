package embybase

import (
	"strings"

	"github.com/streamwarden/streamwarden/backend/model"
)

// sourceQuality describes the file being played, from the media source the
// client opened (PlayState.MediaSourceId, else the first) and its streams
// (else the item's streams). It also reports whether the item has video and
// audio at all, falling back to MediaType when no streams are listed.
func sourceQuality(item *itemDTO, ps playStateDTO) (q model.Quality, hasVideo, hasAudio bool) {
	src := pickSource(item.MediaSources.V, string(ps.MediaSourceID))
	streams := item.MediaStreams.V
	container := item.Container
	bitrate := flexInt(0)
	if src != nil {
		if len(src.MediaStreams.V) > 0 {
			streams = src.MediaStreams.V
		}
		if src.Container != "" {
			container = src.Container
		}
		bitrate = src.Bitrate
	}
	video := firstStream(streams, "video")
	audio := pickAudio(streams, ps.AudioStreamIndex)
	q.Container = containerName(string(container))
	if video != nil {
		q.Resolution = resolutionLabel(video.Width, video.Height)
		q.VideoCodec = codecName(video.Codec)
		q.DynamicRange = dynamicRange(string(video.VideoRangeType), string(video.VideoRange))
	}
	if audio != nil {
		q.AudioCodec = codecName(audio.Codec)
		q.AudioChannels = smallInt(audio.Channels)
	}
	if bitrate <= 0 {
		for _, s := range []*streamDTO{video, audio} {
			if s != nil && s.BitRate > 0 {
				bitrate += s.BitRate
			}
		}
	}
	q.BitrateKbps = bpsToKbps(bitrate)
	mediaType := strings.ToLower(string(item.MediaType))
	hasVideo = video != nil || mediaType == "video"
	hasAudio = audio != nil || mediaType == "video" || mediaType == "audio"
	return q, hasVideo, hasAudio
}

func pickSource(sources []sourceDTO, id string) *sourceDTO {
	for i := range sources {
		if id != "" && string(sources[i].ID) == id {
			return &sources[i]
		}
	}
	if len(sources) > 0 {
		return &sources[0]
	}
	return nil
}

func firstStream(streams []streamDTO, kind string) *streamDTO {
	for i := range streams {
		if strings.EqualFold(string(streams[i].Type), kind) {
			return &streams[i]
		}
	}
	return nil
}

// pickAudio returns the audio stream the client selected, else the default
// one, else the first.
func pickAudio(streams []streamDTO, selected *flexInt) *streamDTO {
	var def *streamDTO
	for i := range streams {
		s := &streams[i]
		if !strings.EqualFold(string(s.Type), "audio") {
			continue
		}
		if selected != nil && s.Index == *selected {
			return s
		}
		if def == nil || (s.IsDefault && !def.IsDefault) {
			def = s
		}
	}
	return def
}

// resolutionLabel names a frame size by its larger class, so that a
// cropped 1920×800 film still counts as 1080p.
func resolutionLabel(width, height flexInt) string {
	w, h := smallInt(width), smallInt(height)
	switch {
	case w == 0 && h == 0:
		return ""
	case w >= 3200 || h >= 1800:
		return "4K"
	case w >= 1600 || h >= 900:
		return "1080p"
	case w >= 1100 || h >= 650:
		return "720p"
	case w >= 640 || h >= 470:
		return "480p"
	}
	return "SD"
}

// dynamicRange maps VideoRangeType (Jellyfin: SDR, HDR10, HDR10Plus, HLG,
// DOVI, DOVIWithHDR10…) or, without it, VideoRange (SDR/HDR; Emby also
// "HDR 10", "Dolby Vision").
func dynamicRange(rangeType, videoRange string) string {
	for _, v := range []string{rangeType, videoRange} {
		key := strings.ToLower(strings.NewReplacer(" ", "", "_", "", "-", "").Replace(v))
		switch {
		case key == "" || key == "unknown":
			continue
		case strings.HasPrefix(key, "dovi") || strings.HasPrefix(key, "dolbyvision"):
			return "Dolby Vision"
		case key == "hdr10plus" || key == "hdr10+":
			return "HDR10+"
		case key == "hdr10":
			return "HDR10"
		case key == "hlg":
			return "HLG"
		case key == "sdr":
			return "SDR"
		case key == "hdr":
			return "HDR"
		}
	}
	return ""
}

// codecName lower-cases a codec ("H264" → "h264").
func codecName(codec flexString) string {
	return strings.ToLower(cleanText(string(codec)))
}

// containerName keeps the first of a list such as "mov,mp4,m4a", lower-cased.
func containerName(container string) string {
	first, _, _ := strings.Cut(container, ",")
	return strings.ToLower(cleanText(first))
}
