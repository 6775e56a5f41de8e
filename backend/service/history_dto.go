package service

// HistoryQuery selects and orders plays. Zero values do not filter; times
// are unix milliseconds; Page counts from 1.
type HistoryQuery struct {
	ServerID  int64  `json:"serverId"`
	UserID    string `json:"userId"`
	MediaType string `json:"mediaType"`
	IP        string `json:"ip"`
	Search    string `json:"search"`
	From      int64  `json:"from"`
	To        int64  `json:"to"`
	// Sort is started (default), user, title, platform, ip or duration.
	Sort      string `json:"sort"`
	Ascending bool   `json:"ascending"`
	Page      int    `json:"page"`
	PageSize  int    `json:"pageSize"`
}

// PlayView is one row of the history.
type PlayView struct {
	ID              int64        `json:"id"`
	ServerID        int64        `json:"serverId"`
	ServerName      string       `json:"serverName"`
	UserID          string       `json:"userId"`
	UserName        string       `json:"userName"`
	DeviceName      string       `json:"deviceName"`
	Product         string       `json:"product"`
	Platform        string       `json:"platform"`
	IP              string       `json:"ip"`
	Location        string       `json:"location"`
	Geo             LocationView `json:"geo"`
	MediaType       string       `json:"mediaType"`
	Title           string       `json:"title"`
	Subtitle        string       `json:"subtitle"`
	Year            int          `json:"year"`
	StartedAt       int64        `json:"startedAt"`
	StoppedAt       int64        `json:"stoppedAt"`
	WatchMs         int64        `json:"watchMs"`
	PausedMs        int64        `json:"pausedMs"`
	PositionMs      int64        `json:"positionMs"`
	MediaDurationMs int64        `json:"mediaDurationMs"`
	Watched         bool         `json:"watched"`
	Source          Quality      `json:"source"`
	Stream          Quality      `json:"stream"`
	Decision        Decision     `json:"decision"`
	BandwidthKbps   int          `json:"bandwidthKbps"`
	State           string       `json:"state"`
}

// HistoryPage is one page of plays. When TotalCapped is true there are
// more than Total matches.
type HistoryPage struct {
	Plays       []PlayView `json:"plays"`
	Total       int64      `json:"total"`
	TotalCapped bool       `json:"totalCapped"`
	Page        int        `json:"page"`
	PageSize    int        `json:"pageSize"`
}
