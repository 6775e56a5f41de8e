package service

// LiveSessionView is a stream playing now, as the dashboard shows it.
type LiveSessionView struct {
	ServerID        int64        `json:"serverId"`
	ServerName      string       `json:"serverName"`
	PlayID          int64        `json:"playId"`
	SessionKey      string       `json:"sessionKey"`
	UserID          string       `json:"userId"`
	UserName        string       `json:"userName"`
	DeviceName      string       `json:"deviceName"`
	Product         string       `json:"product"`
	ProductVersion  string       `json:"productVersion"`
	Platform        string       `json:"platform"`
	PlatformVersion string       `json:"platformVersion"`
	IP              string       `json:"ip"`
	Location        string       `json:"location"`
	Geo             LocationView `json:"geo"`
	MediaType       string       `json:"mediaType"`
	Title           string       `json:"title"`
	Subtitle        string       `json:"subtitle"`
	Year            int          `json:"year"`
	DurationMs      int64        `json:"durationMs"`
	PositionMs      int64        `json:"positionMs"`
	State           string       `json:"state"`
	Source          Quality      `json:"source"`
	Stream          Quality      `json:"stream"`
	Decision        Decision     `json:"decision"`
	BandwidthKbps   int          `json:"bandwidthKbps"`
	LiveTV          bool         `json:"liveTv"`
	StartedAt       int64        `json:"startedAt"`
}

// Quality describes a stream's format.
type Quality struct {
	Resolution    string `json:"resolution"`
	BitrateKbps   int    `json:"bitrateKbps"`
	Container     string `json:"container"`
	VideoCodec    string `json:"videoCodec"`
	AudioCodec    string `json:"audioCodec"`
	AudioChannels int    `json:"audioChannels"`
	DynamicRange  string `json:"dynamicRange"`
}

// Decision is how a stream is delivered: direct_play, direct_stream or
// transcode, overall and per stream.
type Decision struct {
	Overall          string   `json:"overall"`
	Video            string   `json:"video"`
	Audio            string   `json:"audio"`
	Subtitle         string   `json:"subtitle"`
	HardwareDecode   bool     `json:"hardwareDecode"`
	HardwareEncode   bool     `json:"hardwareEncode"`
	TranscodeReasons []string `json:"transcodeReasons"`
}

// ServerStatusView is how a watched server is doing.
type ServerStatusView struct {
	ServerID    int64  `json:"serverId"`
	Name        string `json:"name"`
	Kind        string `json:"kind"`
	Connection  string `json:"connection"`
	LastError   string `json:"lastError"`
	LastContact int64  `json:"lastContact"`
	Sessions    int    `json:"sessions"`
}

// ActivityTotals sums the streams playing now.
type ActivityTotals struct {
	Streams          int `json:"streams"`
	DirectPlays      int `json:"directPlays"`
	DirectStreams    int `json:"directStreams"`
	Transcodes       int `json:"transcodes"`
	BandwidthKbps    int `json:"bandwidthKbps"`
	LANBandwidthKbps int `json:"lanBandwidthKbps"`
	WANBandwidthKbps int `json:"wanBandwidthKbps"`
}

// ActivitySnapshot is everything the dashboard shows live.
type ActivitySnapshot struct {
	Sessions []LiveSessionView  `json:"sessions"`
	Servers  []ServerStatusView `json:"servers"`
	Totals   ActivityTotals     `json:"totals"`
}
