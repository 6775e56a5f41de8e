package simulator

// embySession is a SessionInfoDto.
type embySession struct {
	PlayState             embyPlayState    `json:"PlayState"`
	AdditionalUsers       []embyUserRef    `json:"AdditionalUsers"`
	Capabilities          embyCapabilities `json:"Capabilities"`
	RemoteEndPoint        string           `json:"RemoteEndPoint"`
	PlayableMediaTypes    []string         `json:"PlayableMediaTypes"`
	ID                    string           `json:"Id"`
	UserID                string           `json:"UserId"`
	UserName              string           `json:"UserName"`
	Client                string           `json:"Client"`
	LastActivityDate      string           `json:"LastActivityDate"`
	LastPlaybackCheckIn   string           `json:"LastPlaybackCheckIn"`
	LastPausedDate        string           `json:"LastPausedDate,omitempty"`
	DeviceName            string           `json:"DeviceName"`
	NowPlayingItem        *embyItem        `json:"NowPlayingItem,omitempty"`
	DeviceID              string           `json:"DeviceId"`
	ApplicationVersion    string           `json:"ApplicationVersion"`
	TranscodingInfo       *embyTranscoding `json:"TranscodingInfo,omitempty"`
	IsActive              bool             `json:"IsActive"`
	SupportsMediaControl  bool             `json:"SupportsMediaControl"`
	SupportsRemoteControl bool             `json:"SupportsRemoteControl"`
	NowPlayingQueue       []embyQueueItem  `json:"NowPlayingQueue"`
	HasCustomDeviceName   bool             `json:"HasCustomDeviceName"`
	PlaylistItemID        string           `json:"PlaylistItemId,omitempty"`
	ServerID              string           `json:"ServerId"`
	SupportedCommands     []string         `json:"SupportedCommands"`
}

type embyPlayState struct {
	PositionTicks       *int64 `json:"PositionTicks,omitempty"`
	CanSeek             bool   `json:"CanSeek"`
	IsPaused            bool   `json:"IsPaused"`
	IsMuted             bool   `json:"IsMuted"`
	VolumeLevel         int    `json:"VolumeLevel,omitempty"`
	AudioStreamIndex    *int   `json:"AudioStreamIndex,omitempty"`
	SubtitleStreamIndex *int   `json:"SubtitleStreamIndex,omitempty"`
	MediaSourceID       string `json:"MediaSourceId,omitempty"`
	PlayMethod          string `json:"PlayMethod,omitempty"`
	RepeatMode          string `json:"RepeatMode"`
	PlaybackOrder       string `json:"PlaybackOrder,omitempty"`
}

type embyUserRef struct {
	UserID   string `json:"UserId"`
	UserName string `json:"UserName"`
}

type embyCapabilities struct {
	PlayableMediaTypes           []string `json:"PlayableMediaTypes"`
	SupportedCommands            []string `json:"SupportedCommands"`
	SupportsMediaControl         bool     `json:"SupportsMediaControl"`
	SupportsPersistentIdentifier bool     `json:"SupportsPersistentIdentifier"`
}

type embyQueueItem struct {
	ID             string `json:"Id"`
	PlaylistItemID string `json:"PlaylistItemId"`
}

// embyItem is the subset of BaseItemDto a session carries.
type embyItem struct {
	Name              string            `json:"Name"`
	ServerID          string            `json:"ServerId"`
	ID                string            `json:"Id"`
	DateCreated       string            `json:"DateCreated"`
	Container         string            `json:"Container,omitempty"`
	Path              string            `json:"Path,omitempty"`
	RunTimeTicks      int64             `json:"RunTimeTicks"`
	ProductionYear    int               `json:"ProductionYear,omitempty"`
	IndexNumber       int               `json:"IndexNumber,omitempty"`
	ParentIndexNumber int               `json:"ParentIndexNumber,omitempty"`
	IsFolder          bool              `json:"IsFolder"`
	ParentID          string            `json:"ParentId,omitempty"`
	Type              string            `json:"Type"`
	SeriesName        string            `json:"SeriesName,omitempty"`
	SeriesID          string            `json:"SeriesId,omitempty"`
	SeasonID          string            `json:"SeasonId,omitempty"`
	SeasonName        string            `json:"SeasonName,omitempty"`
	Album             string            `json:"Album,omitempty"`
	AlbumID           string            `json:"AlbumId,omitempty"`
	AlbumArtist       string            `json:"AlbumArtist,omitempty"`
	Artists           []string          `json:"Artists,omitempty"`
	ChannelName       string            `json:"ChannelName,omitempty"`
	ProviderIDs       map[string]string `json:"ProviderIds"`
	MediaStreams      []embyStream      `json:"MediaStreams"`
	MediaType         string            `json:"MediaType"`
	Width             int               `json:"Width,omitempty"`
	Height            int               `json:"Height,omitempty"`
}

type embyStream struct {
	Codec            string  `json:"Codec"`
	Type             string  `json:"Type"`
	Index            int     `json:"Index"`
	DisplayTitle     string  `json:"DisplayTitle"`
	BitRate          int     `json:"BitRate,omitempty"`
	BitDepth         int     `json:"BitDepth,omitempty"`
	Profile          string  `json:"Profile,omitempty"`
	Width            int     `json:"Width,omitempty"`
	Height           int     `json:"Height,omitempty"`
	AverageFrameRate float64 `json:"AverageFrameRate,omitempty"`
	VideoRange       string  `json:"VideoRange,omitempty"`
	Channels         int     `json:"Channels,omitempty"`
	ChannelLayout    string  `json:"ChannelLayout,omitempty"`
	SampleRate       int     `json:"SampleRate,omitempty"`
	Language         string  `json:"Language,omitempty"`
	IsInterlaced     bool    `json:"IsInterlaced"`
	IsDefault        bool    `json:"IsDefault"`
	IsForced         bool    `json:"IsForced"`
	IsExternal       bool    `json:"IsExternal"`
}

// embyTranscoding is TranscodingInfo. TranscodeReasons is an array of
// strings on Jellyfin and one comma-separated string on Emby.
type embyTranscoding struct {
	AudioCodec               string  `json:"AudioCodec"`
	VideoCodec               string  `json:"VideoCodec,omitempty"`
	Container                string  `json:"Container"`
	IsVideoDirect            bool    `json:"IsVideoDirect"`
	IsAudioDirect            bool    `json:"IsAudioDirect"`
	Bitrate                  int     `json:"Bitrate"`
	Framerate                float64 `json:"Framerate,omitempty"`
	CompletionPercentage     float64 `json:"CompletionPercentage"`
	Width                    int     `json:"Width,omitempty"`
	Height                   int     `json:"Height,omitempty"`
	AudioChannels            int     `json:"AudioChannels"`
	HardwareAccelerationType string  `json:"HardwareAccelerationType,omitempty"`
	VideoDecoderIsHardware   *bool   `json:"VideoDecoderIsHardware,omitempty"`
	VideoEncoderIsHardware   *bool   `json:"VideoEncoderIsHardware,omitempty"`
	TranscodeReasons         any     `json:"TranscodeReasons"`
}

// embyMessage is one websocket message.
type embyMessage struct {
	MessageType string `json:"MessageType"`
	MessageID   string `json:"MessageId,omitempty"`
	Data        any    `json:"Data,omitempty"`
}
