package simulator

import (
	"math/rand/v2"

	"github.com/streamwarden/streamwarden/backend/model"
)

func pickContainer(r *rand.Rand) string {
	if r.IntN(5) == 0 {
		return "mp4"
	}
	return "mkv"
}

// movieQuality draws a movie file: mostly 1080p, a fifth 4K HDR.
func movieQuality(r *rand.Rand) model.Quality {
	switch p := r.IntN(100); {
	case p < 18:
		dr := "HDR10"
		if r.IntN(3) == 0 {
			dr = "Dolby Vision"
		}
		return model.Quality{Resolution: "4k", BitrateKbps: 18000 + r.IntN(50000), Container: "mkv", VideoCodec: "hevc",
			AudioCodec: []string{"truehd", "eac3", "dts"}[r.IntN(3)], AudioChannels: 8, DynamicRange: dr}
	case p < 63:
		return model.Quality{Resolution: "1080", BitrateKbps: 8000 + r.IntN(12000), Container: pickContainer(r),
			VideoCodec: "h264", AudioCodec: []string{"ac3", "eac3", "dts", "aac"}[r.IntN(4)], AudioChannels: 6, DynamicRange: "SDR"}
	case p < 83:
		return model.Quality{Resolution: "1080", BitrateKbps: 5000 + r.IntN(8000), Container: "mkv",
			VideoCodec: "hevc", AudioCodec: "eac3", AudioChannels: 6, DynamicRange: "SDR"}
	case p < 95:
		return model.Quality{Resolution: "720", BitrateKbps: 3000 + r.IntN(3000), Container: pickContainer(r),
			VideoCodec: "h264", AudioCodec: "aac", AudioChannels: 2, DynamicRange: "SDR"}
	default:
		return model.Quality{Resolution: "sd", BitrateKbps: 1500 + r.IntN(1500), Container: "avi",
			VideoCodec: "mpeg4", AudioCodec: "mp3", AudioChannels: 2, DynamicRange: "SDR"}
	}
}

// showQuality draws the quality of a show's files.
func showQuality(r *rand.Rand) model.Quality {
	switch p := r.IntN(100); {
	case p < 5:
		return model.Quality{Resolution: "4k", BitrateKbps: 15000 + r.IntN(15000), Container: "mkv", VideoCodec: "hevc",
			AudioCodec: "eac3", AudioChannels: 6, DynamicRange: "HDR10"}
	case p < 65:
		return model.Quality{Resolution: "1080", BitrateKbps: 4000 + r.IntN(6000), Container: "mkv",
			VideoCodec: "h264", AudioCodec: "eac3", AudioChannels: 6, DynamicRange: "SDR"}
	case p < 80:
		return model.Quality{Resolution: "1080", BitrateKbps: 2500 + r.IntN(4000), Container: "mkv",
			VideoCodec: "hevc", AudioCodec: "aac", AudioChannels: 6, DynamicRange: "SDR"}
	default:
		return model.Quality{Resolution: "720", BitrateKbps: 2000 + r.IntN(2500), Container: pickContainer(r),
			VideoCodec: "h264", AudioCodec: "aac", AudioChannels: 2, DynamicRange: "SDR"}
	}
}

// albumQuality draws the format of an album's files.
func albumQuality(r *rand.Rand) model.Quality {
	switch p := r.IntN(100); {
	case p < 50:
		return model.Quality{BitrateKbps: 800 + r.IntN(400), Container: "flac", AudioCodec: "flac", AudioChannels: 2}
	case p < 85:
		return model.Quality{BitrateKbps: 320, Container: "mp3", AudioCodec: "mp3", AudioChannels: 2}
	default:
		return model.Quality{BitrateKbps: 256, Container: "m4a", AudioCodec: "aac", AudioChannels: 2}
	}
}

func liveQuality() model.Quality {
	return model.Quality{Resolution: "1080", BitrateKbps: 8000, Container: "mpegts", VideoCodec: "h264",
		AudioCodec: "ac3", AudioChannels: 6, DynamicRange: "SDR"}
}

// reasonSets are shared, read-only TranscodeReasons values.
type reasonSets struct {
	video, audio, both, container, bitrate [][]string
}

func newReasonSets() reasonSets {
	return reasonSets{
		video:     [][]string{{"VideoCodecNotSupported"}, {"VideoRangeTypeNotSupported"}, {"VideoResolutionNotSupported"}},
		audio:     [][]string{{"AudioCodecNotSupported"}, {"AudioChannelsNotSupported"}},
		both:      [][]string{{"VideoCodecNotSupported", "AudioCodecNotSupported"}},
		container: [][]string{{"ContainerNotSupported"}},
		bitrate:   [][]string{{"ContainerBitrateExceedsLimit"}},
	}
}

// pickDelivery decides how a play is delivered, with realistic shares:
// local clients mostly direct play, remote ones transcode a third of the
// time, 4K sources more.
func pickDelivery(r *rand.Rand, src model.Quality, video, local bool, reasons *reasonSets) Delivery {
	if !video {
		if r.IntN(100) < 85 {
			return Delivery{Decision: model.StreamDecision{Overall: model.DecisionDirectPlay, Audio: model.DecisionDirectPlay}}
		}
		st := model.Quality{BitrateKbps: 320, Container: "mp3", AudioCodec: "mp3", AudioChannels: 2}
		return Delivery{Stream: st, Decision: model.StreamDecision{
			Overall: model.DecisionTranscode, Audio: model.DecisionTranscode, TranscodeReasons: reasons.audio[0],
		}}
	}
	dp, ds := 75, 12
	if !local {
		dp, ds = 45, 18
	}
	if src.Resolution == "4k" && !local {
		dp, ds = 30, 10
	}
	p := r.IntN(100)
	switch {
	case p < dp:
		return Delivery{Decision: model.StreamDecision{
			Overall: model.DecisionDirectPlay, Video: model.DecisionDirectPlay, Audio: model.DecisionDirectPlay,
		}}
	case p < dp+ds:
		st := src
		st.Container = "mpegts"
		return Delivery{Stream: st, Decision: model.StreamDecision{
			Overall: model.DecisionDirectStream, Video: model.DecisionDirectStream, Audio: model.DecisionDirectStream,
			TranscodeReasons: reasons.container[0],
		}}
	}
	return transcodeDelivery(r, src, reasons)
}

func transcodeDelivery(r *rand.Rand, src model.Quality, reasons *reasonSets) Delivery {
	res, kbps := "720", 2000+r.IntN(2500)
	if src.Resolution == "4k" || (src.Resolution == "1080" && r.IntN(2) == 0) {
		res, kbps = "1080", 6000+r.IntN(6000)
	}
	st := model.Quality{Resolution: res, BitrateKbps: kbps, Container: "mpegts", VideoCodec: "h264",
		AudioCodec: "aac", AudioChannels: 2, DynamicRange: "SDR"}
	dec := model.StreamDecision{Overall: model.DecisionTranscode, Video: model.DecisionTranscode, Audio: model.DecisionTranscode}
	switch p := r.IntN(10); {
	case p < 3:
		dec.Video, st.Resolution, st.VideoCodec, st.BitrateKbps = model.DecisionDirectStream, src.Resolution, src.VideoCodec, src.BitrateKbps
		dec.TranscodeReasons = reasons.audio[r.IntN(len(reasons.audio))]
	case p < 5:
		dec.Audio = model.DecisionDirectStream
		st.AudioCodec, st.AudioChannels = src.AudioCodec, src.AudioChannels
		dec.TranscodeReasons = reasons.video[r.IntN(len(reasons.video))]
	case p < 8:
		dec.TranscodeReasons = reasons.both[0]
	default:
		dec.TranscodeReasons = reasons.bitrate[0]
	}
	if r.IntN(100) < 55 {
		dec.HardwareDecode, dec.HardwareEncode = true, true
	}
	return Delivery{Stream: st, Decision: dec, HWAccel: []string{"nvenc", "vaapi", "qsv"}[r.IntN(3)]}
}
