package store

import "github.com/streamwarden/streamwarden/backend/model"

// playRow is how a play is stored: flat columns, times in unix ms.
type playRow struct {
	ID                  int64 `gorm:"primaryKey"`
	ServerID            int64
	SessionKey          string
	UserID              string
	UserName            string
	DeviceID            string
	DeviceName          string
	Product             string
	ProductVersion      string
	Platform            string
	PlatformVersion     string
	IP                  string `gorm:"column:ip"`
	Local               bool
	MediaType           string
	ItemID              string
	Title               string
	ParentTitle         string
	GrandparentTitle    string
	ParentIndex         int
	ItemIndex           int
	Year                int
	DurationMs          int64
	LibraryID           string
	LibraryName         string
	ExternalIDs         string `gorm:"column:external_ids"`
	SourceResolution    string
	SourceBitrateKbps   int
	SourceContainer     string
	SourceVideoCodec    string
	SourceAudioCodec    string
	SourceAudioChannels int
	SourceDynamicRange  string
	StreamResolution    string
	StreamBitrateKbps   int
	StreamContainer     string
	StreamVideoCodec    string
	StreamAudioCodec    string
	StreamAudioChannels int
	StreamDynamicRange  string
	Decision            string
	VideoDecision       string
	AudioDecision       string
	SubtitleDecision    string
	HwDecode            bool
	HwEncode            bool
	TranscodeReasons    string
	BandwidthKbps       int
	LiveTV              bool `gorm:"column:live_tv"`
	State               string
	StartedAt           int64  `gorm:"autoCreateTime:false"`
	StoppedAt           *int64 `gorm:"column:stopped_at"`
	LastSeenAt          int64
	PausedMs            int64
	WatchMs             int64
	PositionMs          int64
	Watched             bool
}

func (playRow) TableName() string { return "plays" }

func playRowFrom(p model.Play) playRow {
	r := playRow{
		ID: p.ID, ServerID: p.ServerID, SessionKey: p.SessionKey,
		UserID: p.User.ID, UserName: p.User.Name,
		DeviceID: p.Device.ID, DeviceName: p.Device.Name, Product: p.Device.Product, ProductVersion: p.Device.Version,
		Platform: p.Device.Platform, PlatformVersion: p.Device.PlatformVersion,
		IP: p.IP, Local: p.Local,
		MediaType: string(p.Media.Type), ItemID: p.Media.ItemID, Title: p.Media.Title, ParentTitle: p.Media.ParentTitle,
		GrandparentTitle: p.Media.GrandparentTitle, ParentIndex: p.Media.ParentIndex, ItemIndex: p.Media.Index,
		Year: p.Media.Year, DurationMs: p.Media.DurationMs, LibraryID: p.Media.LibraryID, LibraryName: p.Media.LibraryName,
		ExternalIDs:      encodeJSON(p.Media.ExternalIDs),
		SourceResolution: p.Source.Resolution, SourceBitrateKbps: p.Source.BitrateKbps, SourceContainer: p.Source.Container,
		SourceVideoCodec: p.Source.VideoCodec, SourceAudioCodec: p.Source.AudioCodec,
		SourceAudioChannels: p.Source.AudioChannels, SourceDynamicRange: p.Source.DynamicRange,
		StreamResolution: p.Stream.Resolution, StreamBitrateKbps: p.Stream.BitrateKbps, StreamContainer: p.Stream.Container,
		StreamVideoCodec: p.Stream.VideoCodec, StreamAudioCodec: p.Stream.AudioCodec,
		StreamAudioChannels: p.Stream.AudioChannels, StreamDynamicRange: p.Stream.DynamicRange,
		Decision: string(p.Decision.Overall), VideoDecision: string(p.Decision.Video), AudioDecision: string(p.Decision.Audio),
		SubtitleDecision: string(p.Decision.Subtitle), HwDecode: p.Decision.HardwareDecode, HwEncode: p.Decision.HardwareEncode,
		TranscodeReasons: encodeJSON(p.Decision.TranscodeReasons),
		BandwidthKbps:    p.BandwidthKbps, LiveTV: p.LiveTV, State: string(p.State),
		StartedAt: millis(p.StartedAt), LastSeenAt: millis(p.LastSeenAt),
		PausedMs: p.PausedMs, WatchMs: p.WatchMs(), PositionMs: p.PositionMs, Watched: p.Watched,
	}
	if !p.StoppedAt.IsZero() {
		stopped := millis(p.StoppedAt)
		r.StoppedAt = &stopped
	}
	return r
}

func (r playRow) model() model.Play {
	p := model.Play{
		ID: r.ID, ServerID: r.ServerID, SessionKey: r.SessionKey,
		User: model.SessionUser{ID: r.UserID, Name: r.UserName},
		Device: model.Device{ID: r.DeviceID, Name: r.DeviceName, Product: r.Product, Version: r.ProductVersion,
			Platform: r.Platform, PlatformVersion: r.PlatformVersion},
		IP: r.IP, Local: r.Local,
		Media: model.Media{Type: model.MediaType(r.MediaType), ItemID: r.ItemID, Title: r.Title, ParentTitle: r.ParentTitle,
			GrandparentTitle: r.GrandparentTitle, ParentIndex: r.ParentIndex, Index: r.ItemIndex, Year: r.Year,
			DurationMs: r.DurationMs, LibraryID: r.LibraryID, LibraryName: r.LibraryName,
			ExternalIDs: decodeJSON[map[string]string](r.ExternalIDs)},
		Source: model.Quality{Resolution: r.SourceResolution, BitrateKbps: r.SourceBitrateKbps, Container: r.SourceContainer,
			VideoCodec: r.SourceVideoCodec, AudioCodec: r.SourceAudioCodec, AudioChannels: r.SourceAudioChannels,
			DynamicRange: r.SourceDynamicRange},
		Stream: model.Quality{Resolution: r.StreamResolution, BitrateKbps: r.StreamBitrateKbps, Container: r.StreamContainer,
			VideoCodec: r.StreamVideoCodec, AudioCodec: r.StreamAudioCodec, AudioChannels: r.StreamAudioChannels,
			DynamicRange: r.StreamDynamicRange},
		Decision: model.StreamDecision{Overall: model.Decision(r.Decision), Video: model.Decision(r.VideoDecision),
			Audio: model.Decision(r.AudioDecision), Subtitle: model.Decision(r.SubtitleDecision),
			HardwareDecode: r.HwDecode, HardwareEncode: r.HwEncode,
			TranscodeReasons: decodeJSON[[]string](r.TranscodeReasons)},
		BandwidthKbps: r.BandwidthKbps, LiveTV: r.LiveTV, State: model.PlaybackState(r.State),
		StartedAt: fromMillis(r.StartedAt), LastSeenAt: fromMillis(r.LastSeenAt),
		PausedMs: r.PausedMs, PositionMs: r.PositionMs, Watched: r.Watched,
	}
	if r.StoppedAt != nil {
		p.StoppedAt = fromMillis(*r.StoppedAt)
	}
	return p
}
