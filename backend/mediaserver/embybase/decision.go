package embybase

import (
	"strings"

	"github.com/streamwarden/streamwarden/backend/model"
)

// delivery is how a session's media reaches the client.
type delivery struct {
	stream        model.Quality
	decision      model.StreamDecision
	bandwidthKbps int
}

// deliver works out the decision, the delivered quality and the bandwidth.
//
//   - PlayState.PlayMethod gives the overall decision; when it is missing a
//     TranscodingInfo means a transcode.
//   - Direct play: every stream is played directly; TranscodingInfo, if a
//     server leaves a stale one, is ignored.
//   - Direct stream and transcode: a stream the server copies
//     (IsVideoDirect/IsAudioDirect) is a direct stream, since it is remuxed
//     into the delivery container; any other is transcoded. Without
//     TranscodingInfo every stream takes the overall decision.
//   - HardwareEncode is set when video is transcoded and the server names a
//     hardware acceleration other than "none" (Jellyfin), or says the
//     encoder is hardware (Emby). HardwareDecode only comes from Emby's
//     VideoDecoderIsHardware; Jellyfin does not tell.
//   - The delivered quality and the bandwidth come from TranscodingInfo when
//     the server transcodes or remuxes; otherwise they are the source's.
func deliver(ps playStateDTO, ti *transcodingDTO, source model.Quality, hasVideo, hasAudio bool) delivery {
	overall := playMethod(string(ps.PlayMethod), ti != nil)
	out := delivery{stream: source, bandwidthKbps: source.BitrateKbps}
	out.decision.Overall = overall
	switch overall {
	case model.DecisionUnknown:
		return out
	case model.DecisionDirectPlay:
		out.decision.Video = ifPresent(hasVideo, model.DecisionDirectPlay)
		out.decision.Audio = ifPresent(hasAudio, model.DecisionDirectPlay)
		return out
	}
	if ti == nil {
		out.decision.Video = ifPresent(hasVideo, overall)
		out.decision.Audio = ifPresent(hasAudio, overall)
		return out
	}
	out.decision.Video = ifPresent(hasVideo, copyOrTranscode(bool(ti.IsVideoDirect)))
	out.decision.Audio = ifPresent(hasAudio, copyOrTranscode(bool(ti.IsAudioDirect)))
	hw := strings.ToLower(cleanText(string(ti.HardwareAccelerationType)))
	transcodesVideo := out.decision.Video == model.DecisionTranscode
	out.decision.HardwareEncode = transcodesVideo && ((hw != "" && hw != "none") || bool(ti.VideoEncoderIsHardware))
	out.decision.HardwareDecode = transcodesVideo && bool(ti.VideoDecoderIsHardware)
	if len(ti.TranscodeReasons) > 0 {
		out.decision.TranscodeReasons = append([]string(nil), ti.TranscodeReasons...)
	}
	out.stream = transcodedQuality(ti, source, hasVideo)
	if out.stream.BitrateKbps > 0 {
		out.bandwidthKbps = out.stream.BitrateKbps
	}
	return out
}

// playMethod maps PlayState.PlayMethod.
func playMethod(method string, transcoding bool) model.Decision {
	switch strings.ToLower(method) {
	case "directplay":
		return model.DecisionDirectPlay
	case "directstream":
		return model.DecisionDirectStream
	case "transcode":
		return model.DecisionTranscode
	case "":
		if transcoding {
			return model.DecisionTranscode
		}
	}
	return model.DecisionUnknown
}

func copyOrTranscode(direct bool) model.Decision {
	if direct {
		return model.DecisionDirectStream
	}
	return model.DecisionTranscode
}

func ifPresent(present bool, d model.Decision) model.Decision {
	if !present {
		return model.DecisionUnknown
	}
	return d
}

// transcodedQuality describes what the server sends. Parts TranscodingInfo
// leaves out are taken from the source when that stream is copied.
func transcodedQuality(ti *transcodingDTO, source model.Quality, hasVideo bool) model.Quality {
	q := model.Quality{
		Resolution:    resolutionLabel(ti.Width, ti.Height),
		BitrateKbps:   bpsToKbps(ti.Bitrate),
		Container:     containerName(string(ti.Container)),
		VideoCodec:    codecName(ti.VideoCodec),
		AudioCodec:    codecName(ti.AudioCodec),
		AudioChannels: smallInt(ti.AudioChannels),
	}
	if q.Container == "" {
		q.Container = source.Container
	}
	if !hasVideo {
		q.Resolution, q.VideoCodec = "", ""
	}
	if hasVideo && bool(ti.IsVideoDirect) {
		q.DynamicRange = source.DynamicRange
		q.Resolution = orElse(q.Resolution, source.Resolution)
		q.VideoCodec = orElse(q.VideoCodec, source.VideoCodec)
	}
	if ti.IsAudioDirect {
		q.AudioCodec = orElse(q.AudioCodec, source.AudioCodec)
		if q.AudioChannels == 0 {
			q.AudioChannels = source.AudioChannels
		}
	}
	return q
}

func orElse(v, fallback string) string {
	if v == "" {
		return fallback
	}
	return v
}
