package plex

import (
	"strings"

	"github.com/streamwarden/streamwarden/backend/model"
)

// decision says how each part of the stream is delivered. TranscodeSession's
// decisions win over the streams' own; a stream with no decision anywhere is
// played directly, and a kind of stream the item does not have is unknown.
func decision(m *wireMedia, tc *wireTranscode) model.StreamDecision {
	ps := selectedStreams(m)
	if tc == nil {
		tc = &wireTranscode{}
	}
	hasVideo := ps.video != nil || (m != nil && clean(m.VideoCodec) != "")
	hasAudio := ps.audio != nil || (m != nil && clean(m.AudioCodec) != "")
	d := model.StreamDecision{
		Video:          streamDecision(tc.VideoDecision, ps.video, hasVideo),
		Audio:          streamDecision(tc.AudioDecision, ps.audio, hasAudio),
		Subtitle:       streamDecision(tc.SubtitleDecision, ps.subtitle, ps.subtitle != nil),
		HardwareDecode: hardware(tc.HWDecoding),
		HardwareEncode: hardware(tc.HWEncoding),
	}
	d.Overall = overall(d.Video, d.Audio, m != nil)
	return d
}

// streamDecision combines the transcoder's word and the stream's own.
func streamDecision(transcoder flex, s *wireStream, present bool) model.Decision {
	word := clean(transcoder)
	if word == "" && s != nil {
		word = clean(s.Decision)
	}
	if word == "" {
		if present {
			return model.DecisionDirectPlay
		}
		return model.DecisionUnknown
	}
	return decisionWord(word)
}

// decisionWord reads Plex's decision values.
func decisionWord(word string) model.Decision {
	switch strings.ToLower(word) {
	case "transcode", "burn":
		return model.DecisionTranscode
	case "copy":
		return model.DecisionDirectStream
	case "directplay", "direct play", "direct":
		return model.DecisionDirectPlay
	}
	return model.DecisionUnknown
}

// overall is transcode when video or audio is transcoded, else direct
// stream when either is copied, else direct play for any item with media.
func overall(video, audio model.Decision, hasMedia bool) model.Decision {
	switch {
	case video == model.DecisionTranscode || audio == model.DecisionTranscode:
		return model.DecisionTranscode
	case video == model.DecisionDirectStream || audio == model.DecisionDirectStream:
		return model.DecisionDirectStream
	case video == model.DecisionDirectPlay || audio == model.DecisionDirectPlay || hasMedia:
		return model.DecisionDirectPlay
	}
	return model.DecisionUnknown
}

// hardware reads transcodeHwDecoding/transcodeHwEncoding, which name the
// hardware in use ("nvdec", "vaapi") and are absent or empty otherwise.
func hardware(f flex) bool {
	switch strings.ToLower(clean(f)) {
	case "", "0", "false", "none":
		return false
	}
	return true
}
