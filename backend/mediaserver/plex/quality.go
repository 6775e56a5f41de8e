package plex

import (
	"strconv"
	"strings"

	"github.com/streamwarden/streamwarden/backend/model"
)

// selectedMedia is the version of the item that is playing: the one marked
// selected, else the first; nil when Plex listed none.
func selectedMedia(ms []wireMedia) *wireMedia {
	for i := range ms {
		if ms[i].Selected.Bool() {
			return &ms[i]
		}
	}
	if len(ms) > 0 {
		return &ms[0]
	}
	return nil
}

// partStreams are the selected streams of a media's playing part.
type partStreams struct {
	video, audio, subtitle *wireStream
}

// selectedStreams finds the video, audio and subtitle streams being played:
// the selected one of each type, else the first video and audio stream. A
// subtitle counts only when it is selected or has a decision.
func selectedStreams(m *wireMedia) partStreams {
	var ps partStreams
	if m == nil || len(m.Parts) == 0 {
		return ps
	}
	part := &m.Parts[0]
	for i := range m.Parts {
		if m.Parts[i].Selected.Bool() {
			part = &m.Parts[i]
			break
		}
	}
	for i := range part.Streams {
		s := &part.Streams[i]
		selected := s.Selected.Bool()
		switch s.StreamType.Int64() {
		case streamVideo:
			if ps.video == nil || (selected && !ps.video.Selected.Bool()) {
				ps.video = s
			}
		case streamAudio:
			if ps.audio == nil || (selected && !ps.audio.Selected.Bool()) {
				ps.audio = s
			}
		case streamSubtitle:
			if ps.subtitle == nil && (selected || clean(s.Decision) != "") {
				ps.subtitle = s
			}
		}
	}
	return ps
}

// sourceQuality describes the selected media. Plex names the source codecs
// in TranscodeSession while it transcodes; those win when present.
func sourceQuality(m *wireMedia, tc *wireTranscode) model.Quality {
	var q model.Quality
	if m != nil {
		ps := selectedStreams(m)
		q = model.Quality{
			BitrateKbps:   m.Bitrate.Count(),
			Container:     lower(m.Container),
			VideoCodec:    lower(m.VideoCodec),
			AudioCodec:    lower(m.AudioCodec),
			AudioChannels: m.AudioChannels.Count(),
		}
		if q.VideoCodec == "" && ps.video != nil {
			q.VideoCodec = lower(ps.video.Codec)
		}
		if q.AudioCodec == "" && ps.audio != nil {
			q.AudioCodec = lower(ps.audio.Codec)
		}
		if q.AudioChannels == 0 && ps.audio != nil {
			q.AudioChannels = ps.audio.Channels.Count()
		}
		if q.VideoCodec != "" || clean(m.VideoResolution) != "" {
			q.Resolution = normalizeResolution(clean(m.VideoResolution))
			if q.Resolution == "" {
				q.Resolution = resolutionFromSize(m.Width.Count(), m.Height.Count())
			}
			q.DynamicRange = dynamicRange(ps.video)
		}
	}
	if tc != nil {
		if codec := lower(tc.SourceVideoCodec); codec != "" {
			q.VideoCodec = codec
		}
		if codec := lower(tc.SourceAudioCodec); codec != "" {
			q.AudioCodec = codec
		}
	}
	return q
}

// streamQuality describes what reaches the client: the source, changed by
// whatever the transcoder does. Transcoded video is tone-mapped to SDR.
func streamQuality(src model.Quality, tc *wireTranscode, video model.Decision) model.Quality {
	q := src
	if tc == nil {
		return q
	}
	if v := lower(tc.Container); v != "" {
		q.Container = v
	}
	if v := lower(tc.VideoCodec); v != "" {
		q.VideoCodec = v
	}
	if v := lower(tc.AudioCodec); v != "" {
		q.AudioCodec = v
	}
	if n := tc.AudioChannels.Count(); n > 0 {
		q.AudioChannels = n
	}
	if video == model.DecisionTranscode {
		if r := resolutionFromSize(tc.Width.Count(), tc.Height.Count()); r != "" {
			q.Resolution = r
		}
		if q.DynamicRange != "" {
			q.DynamicRange = "SDR"
		}
	}
	return q
}

// dynamicRange names the video's dynamic range from its colour transfer
// and Dolby Vision flag; it is unknown without the video stream.
func dynamicRange(video *wireStream) string {
	if video == nil {
		return ""
	}
	switch {
	case video.DOVIPresent.Bool():
		return "Dolby Vision"
	case strings.EqualFold(clean(video.ColorTrc), "smpte2084"):
		return "HDR10"
	case strings.EqualFold(clean(video.ColorTrc), "arib-std-b67"):
		return "HLG"
	}
	return "SDR"
}

// normalizeResolution spells Plex's videoResolution ("sd", "480", "720p",
// "4k") as "SD", "480p", "720p", "1080p", "4K". Unknown words are dropped.
func normalizeResolution(r string) string {
	r = strings.ToLower(strings.TrimSpace(r))
	switch r {
	case "":
		return ""
	case "sd":
		return "SD"
	case "4k", "uhd":
		return "4K"
	case "8k":
		return "8K"
	case "hd":
		return "720p"
	}
	digits := strings.TrimRight(r, "pi")
	height, err := strconv.Atoi(digits)
	if err != nil || height <= 0 || len(digits)+1 < len(r) {
		return ""
	}
	return resolutionFromHeight(height)
}

// resolutionFromHeight names a line count.
func resolutionFromHeight(h int) string {
	switch {
	case h >= 4320:
		return "8K"
	case h >= 2160:
		return "4K"
	case h < 480:
		return "SD"
	}
	return strconv.Itoa(h) + "p"
}

// resolutionFromSize names a frame size, letting the width decide for
// letterboxed films (1920×800 is 1080p).
func resolutionFromSize(w, h int) string {
	switch {
	case w <= 0 && h <= 0:
		return ""
	case w >= 7680 || h >= 4320:
		return "8K"
	case w >= 3200 || h >= 2000:
		return "4K"
	case w >= 1800 || h >= 1000:
		return "1080p"
	case w >= 1200 || h >= 700:
		return "720p"
	case h >= 560 && h < 700:
		return "576p"
	case w >= 640 || h >= 480:
		return "480p"
	}
	return "SD"
}

func lower(f flex) string {
	return strings.ToLower(clean(f))
}
