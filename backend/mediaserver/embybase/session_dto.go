package embybase

// The wire shapes of GET /Sessions (Jellyfin SessionInfoDto, Emby
// SessionInfo), reduced to the fields the monitor reads. Unknown fields,
// such as the large NowPlayingQueueFullItems, are skipped by the decoder.

type sessionDTO struct {
	ID                 flexString               `json:"Id"`
	UserID             flexString               `json:"UserId"`
	UserName           flexString               `json:"UserName"`
	Client             flexString               `json:"Client"`
	ApplicationVersion flexString               `json:"ApplicationVersion"`
	DeviceID           flexString               `json:"DeviceId"`
	DeviceName         flexString               `json:"DeviceName"`
	DeviceType         flexString               `json:"DeviceType"`
	RemoteEndPoint     flexString               `json:"RemoteEndPoint"`
	PlayState          lenient[playStateDTO]    `json:"PlayState"`
	NowPlayingItem     *itemDTO                 `json:"NowPlayingItem"`
	TranscodingInfo    lenient[*transcodingDTO] `json:"TranscodingInfo"`
}

type playStateDTO struct {
	PositionTicks    flexInt    `json:"PositionTicks"`
	IsPaused         flexBool   `json:"IsPaused"`
	MediaSourceID    flexString `json:"MediaSourceId"`
	AudioStreamIndex *flexInt   `json:"AudioStreamIndex"`
	PlayMethod       flexString `json:"PlayMethod"`
}

// itemDTO is the part of BaseItemDto that describes what is playing.
type itemDTO struct {
	ID                flexString                     `json:"Id"`
	Name              flexString                     `json:"Name"`
	Type              flexString                     `json:"Type"`
	ExtraType         flexString                     `json:"ExtraType"`
	MediaType         flexString                     `json:"MediaType"`
	SeriesName        flexString                     `json:"SeriesName"`
	SeasonName        flexString                     `json:"SeasonName"`
	Album             flexString                     `json:"Album"`
	AlbumArtist       flexString                     `json:"AlbumArtist"`
	Artists           lenient[[]flexString]          `json:"Artists"`
	ChannelName       flexString                     `json:"ChannelName"`
	IndexNumber       flexInt                        `json:"IndexNumber"`
	ParentIndexNumber flexInt                        `json:"ParentIndexNumber"`
	ProductionYear    flexInt                        `json:"ProductionYear"`
	RunTimeTicks      flexInt                        `json:"RunTimeTicks"`
	Container         flexString                     `json:"Container"`
	ProviderIDs       lenient[map[string]flexString] `json:"ProviderIds"`
	MediaStreams      lenient[[]streamDTO]           `json:"MediaStreams"`
	MediaSources      lenient[[]sourceDTO]           `json:"MediaSources"`
}

type sourceDTO struct {
	ID           flexString           `json:"Id"`
	Container    flexString           `json:"Container"`
	Bitrate      flexInt              `json:"Bitrate"`
	MediaStreams lenient[[]streamDTO] `json:"MediaStreams"`
}

type streamDTO struct {
	Type           flexString `json:"Type"`
	Index          flexInt    `json:"Index"`
	Codec          flexString `json:"Codec"`
	BitRate        flexInt    `json:"BitRate"`
	Width          flexInt    `json:"Width"`
	Height         flexInt    `json:"Height"`
	VideoRange     flexString `json:"VideoRange"`
	VideoRangeType flexString `json:"VideoRangeType"`
	Channels       flexInt    `json:"Channels"`
	IsDefault      flexBool   `json:"IsDefault"`
}

type transcodingDTO struct {
	AudioCodec               flexString `json:"AudioCodec"`
	VideoCodec               flexString `json:"VideoCodec"`
	Container                flexString `json:"Container"`
	IsVideoDirect            flexBool   `json:"IsVideoDirect"`
	IsAudioDirect            flexBool   `json:"IsAudioDirect"`
	Bitrate                  flexInt    `json:"Bitrate"`
	Width                    flexInt    `json:"Width"`
	Height                   flexInt    `json:"Height"`
	AudioChannels            flexInt    `json:"AudioChannels"`
	HardwareAccelerationType flexString `json:"HardwareAccelerationType"`
	// Emby says which side ran on the hardware instead.
	VideoDecoderIsHardware flexBool   `json:"VideoDecoderIsHardware"`
	VideoEncoderIsHardware flexBool   `json:"VideoEncoderIsHardware"`
	TranscodeReasons       reasonList `json:"TranscodeReasons"`
}
