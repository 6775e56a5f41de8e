package service

// LocationView is where an address is. Source is unknown, local, database
// or override; coordinates mean something only when HasCoordinates is true.
type LocationView struct {
	Source         string  `json:"source"`
	Label          string  `json:"label"`
	CountryCode    string  `json:"countryCode"`
	CountryName    string  `json:"countryName"`
	Region         string  `json:"region"`
	City           string  `json:"city"`
	HasCoordinates bool    `json:"hasCoordinates"`
	Latitude       float64 `json:"latitude"`
	Longitude      float64 `json:"longitude"`
	AccuracyKm     int     `json:"accuracyKm"`
	ASN            uint    `json:"asn"`
	ISP            string  `json:"isp"`
}

// MapQuery selects the plays the map shows. Zero values do not filter;
// times are unix milliseconds.
type MapQuery struct {
	ServerID int64  `json:"serverId"`
	UserID   string `json:"userId"`
	From     int64  `json:"from"`
	To       int64  `json:"to"`
}

// CountryPlays is one country of the choropleth.
type CountryPlays struct {
	CountryCode string `json:"countryCode"`
	CountryName string `json:"countryName"`
	Plays       int64  `json:"plays"`
	WatchMs     int64  `json:"watchMs"`
	Users       int64  `json:"users"`
}

// MapPlace is one located place plays came from (a city, or a named
// override), with how many plays and users.
type MapPlace struct {
	Latitude     float64  `json:"latitude"`
	Longitude    float64  `json:"longitude"`
	Label        string   `json:"label"`
	City         string   `json:"city"`
	Region       string   `json:"region"`
	CountryCode  string   `json:"countryCode"`
	CountryName  string   `json:"countryName"`
	Plays        int64    `json:"plays"`
	Users        int64    `json:"users"`
	TopUsers     []string `json:"topUsers"`
	LastPlayedAt int64    `json:"lastPlayedAt"`
}

// MapUser is an account with plays in the map's period, for the filter.
type MapUser struct {
	ServerID int64  `json:"serverId"`
	UserID   string `json:"userId"`
	UserName string `json:"userName"`
	Plays    int64  `json:"plays"`
}

// MapView is the historical layer of the map. Plays counts every play
// matched; Local and Unknown those that cannot be placed.
type MapView struct {
	Countries      []CountryPlays `json:"countries"`
	Places         []MapPlace     `json:"places"`
	Users          []MapUser      `json:"users"`
	Plays          int64          `json:"plays"`
	Local          int64          `json:"local"`
	Unknown        int64          `json:"unknown"`
	DatabaseLoaded bool           `json:"databaseLoaded"`
}

// GeoDatabaseView describes one GeoIP database in use.
type GeoDatabaseView struct {
	Kind         string `json:"kind"`
	DatabaseType string `json:"databaseType"`
	BuildTime    int64  `json:"buildTime"`
	Size         int64  `json:"size"`
	Loaded       bool   `json:"loaded"`
}

// MaxMindView is the automatic download set-up, without the licence key.
type MaxMindView struct {
	AccountID     string `json:"accountId"`
	HasLicenseKey bool   `json:"hasLicenseKey"`
	AutoUpdate    bool   `json:"autoUpdate"`
	Checking      bool   `json:"checking"`
	LastCheck     int64  `json:"lastCheck"`
	LastSuccess   int64  `json:"lastSuccess"`
	NextCheck     int64  `json:"nextCheck"`
	LastError     string `json:"lastError"`
}

// MaxMindInput saves the download set-up. An empty LicenseKey keeps the
// stored one; Clear removes both.
type MaxMindInput struct {
	AccountID  string `json:"accountId"`
	LicenseKey string `json:"licenseKey"`
	AutoUpdate bool   `json:"autoUpdate"`
	Clear      bool   `json:"clear"`
}

// RelocationView is the progress of re-geolocating the history.
type RelocationView struct {
	Running    bool   `json:"running"`
	Done       int64  `json:"done"`
	Total      int64  `json:"total"`
	StartedAt  int64  `json:"startedAt"`
	FinishedAt int64  `json:"finishedAt"`
	Error      string `json:"error"`
}

// TileSettings is the optional online map layer (off by default: the
// bundled world layer sends nothing anywhere).
type TileSettings struct {
	Enabled     bool   `json:"enabled"`
	URL         string `json:"url"`
	Attribution string `json:"attribution"`
}

// GeoStatus is everything Settings → Locations shows.
type GeoStatus struct {
	Databases  []GeoDatabaseView `json:"databases"`
	MaxMind    MaxMindView       `json:"maxMind"`
	Relocation RelocationView    `json:"relocation"`
	Tiles      TileSettings      `json:"tiles"`
	// UploadPath is where the browser posts a .mmdb file (headless only;
	// the desktop opens a file dialog through ImportDatabase instead).
	UploadPath string `json:"uploadPath"`
}

// GeoNetworkView is a user-defined subnet or address: a LAN (local, never
// located) or a named place with its own location that takes precedence
// over the database.
type GeoNetworkView struct {
	ID          int64   `json:"id"`
	CIDR        string  `json:"cidr"`
	Label       string  `json:"label"`
	Local       bool    `json:"local"`
	HasLocation bool    `json:"hasLocation"`
	CountryCode string  `json:"countryCode"`
	City        string  `json:"city"`
	Latitude    float64 `json:"latitude"`
	Longitude   float64 `json:"longitude"`
}
