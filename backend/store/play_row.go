package store

import "github.com/streamwarden/streamwarden/backend/model"

// playRow is how a play is stored: numbers, and references to the shared
// rows (dimensions.go). Times are unix ms.
type playRow struct {
	ID            int64 `gorm:"primaryKey"`
	ServerID      int64
	StartedAt     int64  `gorm:"autoCreateTime:false"`
	StoppedAt     *int64 `gorm:"column:stopped_at"`
	LastSeenAt    int64
	WatchMs       int64
	UserRef       int64
	ItemRef       int64
	DeviceRef     int64
	AddressRef    int64
	MediaType     string
	State         string
	PausedMs      int64
	PositionMs    int64
	Watched       bool
	Local         bool
	LiveTV        bool `gorm:"column:live_tv"`
	BandwidthKbps int
	SourceRef     int64
	StreamRef     int64
	DecisionRef   int64
	SessionKey    string
}

func (playRow) TableName() string { return "plays" }

func playRowFrom(p model.Play, refs playRefs) playRow {
	r := playRow{
		ID: p.ID, ServerID: p.ServerID, StartedAt: millis(p.StartedAt), LastSeenAt: millis(p.LastSeenAt),
		WatchMs: p.WatchMs(), UserRef: refs.user, ItemRef: refs.item, DeviceRef: refs.device, AddressRef: refs.address,
		MediaType: string(p.Media.Type), State: string(p.State), PausedMs: p.PausedMs, PositionMs: p.PositionMs,
		Watched: p.Watched, Local: p.Local, LiveTV: p.LiveTV, BandwidthKbps: p.BandwidthKbps,
		SourceRef: refs.source, StreamRef: refs.stream, DecisionRef: refs.decision, SessionKey: p.SessionKey,
	}
	if !p.StoppedAt.IsZero() {
		stopped := millis(p.StoppedAt)
		r.StoppedAt = &stopped
	}
	return r
}

// playRecord is a play read back with everything it refers to.
type playRecord struct {
	ID                  int64
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
	GeoSource           string
	Label               string
	CountryCode         string
	CountryName         string
	Region              string
	City                string
	HasCoordinates      bool
	Latitude            float64
	Longitude           float64
	AccuracyKm          int
	ASN                 uint   `gorm:"column:asn"`
	ISP                 string `gorm:"column:isp"`
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
	StartedAt           int64
	StoppedAt           *int64
	LastSeenAt          int64
	PausedMs            int64
	PositionMs          int64
	Watched             bool
}

// playRecordSelect reads plays with what they refer to; callers add the
// WHERE and ORDER BY on p.
const playRecordSelect = `SELECT p.id, p.server_id, p.session_key,
	u.external_id AS user_id, u.name AS user_name,
	d.external_id AS device_id, d.name AS device_name, d.product, d.version AS product_version, d.platform, d.platform_version,
	a.ip, p.local, a.geo_source, a.label, a.country_code, a.country_name, a.region, a.city, a.has_coordinates,
	a.latitude, a.longitude, a.accuracy_km, a.asn, a.isp,
	i.media_type, i.item_id, i.title, i.parent_title, i.grandparent_title, i.parent_index, i.item_index, i.year,
	i.duration_ms, i.library_id, i.library_name, i.external_ids,
	sf.resolution AS source_resolution, sf.bitrate_kbps AS source_bitrate_kbps, sf.container AS source_container,
	sf.video_codec AS source_video_codec, sf.audio_codec AS source_audio_codec,
	sf.audio_channels AS source_audio_channels, sf.dynamic_range AS source_dynamic_range,
	tf.resolution AS stream_resolution, tf.bitrate_kbps AS stream_bitrate_kbps, tf.container AS stream_container,
	tf.video_codec AS stream_video_codec, tf.audio_codec AS stream_audio_codec,
	tf.audio_channels AS stream_audio_channels, tf.dynamic_range AS stream_dynamic_range,
	dc.overall AS decision, dc.video AS video_decision, dc.audio AS audio_decision, dc.subtitle AS subtitle_decision,
	dc.hw_decode, dc.hw_encode, dc.transcode_reasons,
	p.bandwidth_kbps, p.live_tv, p.state, p.started_at, p.stopped_at, p.last_seen_at, p.paused_ms, p.position_ms, p.watched
FROM plays p
JOIN media_users u ON u.id = p.user_ref
JOIN devices d ON d.id = p.device_ref
JOIN items i ON i.id = p.item_ref
JOIN addresses a ON a.id = p.address_ref
JOIN formats sf ON sf.id = p.source_ref
JOIN formats tf ON tf.id = p.stream_ref
JOIN decisions dc ON dc.id = p.decision_ref`

func (r playRecord) model() model.Play {
	p := model.Play{
		ID: r.ID, ServerID: r.ServerID, SessionKey: r.SessionKey,
		User: model.SessionUser{ID: r.UserID, Name: r.UserName},
		Device: model.Device{ID: r.DeviceID, Name: r.DeviceName, Product: r.Product, Version: r.ProductVersion,
			Platform: r.Platform, PlatformVersion: r.PlatformVersion},
		IP: r.IP, Local: r.Local,
		Location: model.Location{Source: model.LocationSource(r.GeoSource), Label: r.Label, CountryCode: r.CountryCode,
			CountryName: r.CountryName, Region: r.Region, City: r.City, HasCoordinates: r.HasCoordinates,
			Latitude: r.Latitude, Longitude: r.Longitude, AccuracyKm: r.AccuracyKm, ASN: r.ASN, ISP: r.ISP},
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
