package simulator

import (
	"strings"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

func ms(d time.Duration) int64 { return d.Milliseconds() }

func ticks(d time.Duration) int64 { return int64(d / 100) }

func resolutionLabel(res string) string {
	switch res {
	case "4k":
		return "4K"
	case "sd", "":
		return "SD"
	}
	return res + "p"
}

func codecLabel(codec string) string {
	switch codec {
	case "h264":
		return "H.264"
	case "hevc":
		return "HEVC"
	case "av1":
		return "AV1"
	case "mpeg2video":
		return "MPEG2"
	}
	return strings.ToUpper(codec)
}

func channelLabel(n int) string {
	switch n {
	case 1:
		return "Mono"
	case 2:
		return "Stereo"
	case 6:
		return "5.1"
	case 8:
		return "7.1"
	}
	return itoa(n) + "ch"
}

func channelLayout(n int) string {
	switch n {
	case 1:
		return "mono"
	case 2:
		return "stereo"
	case 6:
		return "5.1(side)"
	case 8:
		return "7.1"
	}
	return ""
}

func isHDR(q model.Quality) bool { return q.DynamicRange != "" && q.DynamicRange != "SDR" }

func videoProfile(q model.Quality) string {
	switch {
	case q.VideoCodec == "hevc" && isHDR(q):
		return "main 10"
	case q.VideoCodec == "hevc":
		return "main"
	case q.VideoCodec == "h264":
		return "high"
	}
	return ""
}

// audioBitrate is the share of a stream's bitrate taken by audio, kbps.
func audioBitrate(q model.Quality) int {
	switch {
	case q.VideoCodec == "":
		return q.BitrateKbps
	case q.AudioChannels >= 6:
		return 640
	default:
		return 192
	}
}

func plexStreamDecision(d model.Decision) string {
	switch d {
	case model.DecisionDirectStream:
		return "copy"
	case model.DecisionTranscode:
		return "transcode"
	}
	return ""
}

// plexTranscodeDecision is a stream's decision inside a transcode session,
// where an untouched stream is copied.
func plexTranscodeDecision(d model.Decision) string {
	if d == model.DecisionTranscode {
		return "transcode"
	}
	return "copy"
}

func embyPlayMethod(d model.Decision) string {
	switch d {
	case model.DecisionTranscode:
		return "Transcode"
	case model.DecisionDirectStream:
		return "DirectStream"
	}
	return "DirectPlay"
}

// hwCodecs gives Plex's hardware decoder and encoder names and titles
// for a transcoder.
func hwCodecs(accel string) (dec, decTitle, enc, encTitle string) {
	switch accel {
	case "nvenc":
		return "nvdec", "NVIDIA (NVDEC)", "nvenc", "NVIDIA (NVENC)"
	case "vaapi":
		return "vaapi", "Intel (VA-API)", "vaapi", "Intel (VA-API)"
	case "qsv":
		return "qsv", "Intel (QuickSync)", "qsv", "Intel (QuickSync)"
	case "videotoolbox":
		return "videotoolbox", "Apple (VideoToolbox)", "videotoolbox", "Apple (VideoToolbox)"
	case "amf":
		return "dxva2", "Windows (DXVA2)", "mf", "Windows (Media Foundation)"
	}
	return accel, accel, accel, accel
}
