package simulator

import (
	"fmt"
	"time"

	"github.com/streamwarden/streamwarden/backend/model"
)

// Fault is a server-wide misbehaviour applied to every request while set.
type Fault int

const (
	// FaultNone serves normally.
	FaultNone Fault = iota
	// Fault500 answers 500 Internal Server Error.
	Fault500
	// FaultHang accepts the request and never answers.
	FaultHang
	// FaultTruncated announces the full body length, sends half of it and
	// closes the connection.
	FaultTruncated
	// FaultBadJSON answers 200 with a malformed JSON body.
	FaultBadJSON
	// FaultHTML answers 200 with an HTML page, as a captive portal or a
	// reverse proxy's login page would.
	FaultHTML
	// FaultUnauthorized answers 401 whatever the credentials.
	FaultUnauthorized
)

// String names the fault.
func (f Fault) String() string {
	switch f {
	case FaultNone:
		return "none"
	case Fault500:
		return "500"
	case FaultHang:
		return "hang"
	case FaultTruncated:
		return "truncated"
	case FaultBadJSON:
		return "bad-json"
	case FaultHTML:
		return "html"
	case FaultUnauthorized:
		return "unauthorized"
	}
	return fmt.Sprintf("fault(%d)", int(f))
}

// Default intervals of the realtime channels.
const (
	DefaultPingInterval     = 10 * time.Second
	DefaultProgressInterval = 10 * time.Second
	DefaultKeepAliveTimeout = 60 * time.Second
	defaultIdleSessions     = 2
)

// Config describes one fake server. Only Kind is required.
type Config struct {
	Kind model.ServerKind
	// Name is the server's friendly name.
	Name string
	// Version is the version the server reports; a kind-specific default
	// is used when empty.
	Version string
	// MachineID is the server's identifier (Plex machineIdentifier,
	// Jellyfin/Emby Id); generated when empty.
	MachineID string
	// Token is the only credential the server accepts; generated when
	// empty.
	Token string
	// Owner is the admin account's name (Plex User.id "1").
	Owner string
	// TLS serves HTTPS with a self-signed certificate (see RootCAs).
	TLS bool
	// Addr is where to listen; "127.0.0.1:0" when empty.
	Addr string
	// Now is the clock for positions and timestamps; time.Now when nil.
	// Positions of playing sessions move with it.
	Now func() time.Time
	// PlexPass lets Plex terminate streams.
	PlexPass bool
	// PingInterval is the Plex SSE ping period.
	PingInterval time.Duration
	// ProgressInterval is how often a playing Plex session repeats its
	// "playing" notification.
	ProgressInterval time.Duration
	// KeepAliveTimeout is how long a Jellyfin/Emby websocket may stay
	// silent before it is dropped; ForceKeepAlive is sent at half of it.
	KeepAliveTimeout time.Duration
	// IdleSessions is the number of Jellyfin/Emby sessions with nothing
	// playing that /Sessions lists: 0 means the default (2), negative none.
	IdleSessions int
}

func (c Config) withDefaults() (Config, error) {
	if !c.Kind.Valid() {
		return c, fmt.Errorf("checking config: unknown server kind %q", c.Kind)
	}
	if c.Name == "" {
		c.Name = "Simulated " + kindLabel(c.Kind)
	}
	if c.Version == "" {
		c.Version = defaultVersion(c.Kind)
	}
	if c.MachineID == "" {
		id, err := randomHex(machineIDLen(c.Kind))
		if err != nil {
			return c, fmt.Errorf("generating machine id: %w", err)
		}
		c.MachineID = id
	}
	if c.Token == "" {
		tok, err := randomHex(32)
		if err != nil {
			return c, fmt.Errorf("generating token: %w", err)
		}
		c.Token = tok
	}
	if c.Owner == "" {
		c.Owner = "admin"
	}
	if c.Addr == "" {
		c.Addr = "127.0.0.1:0"
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.PingInterval <= 0 {
		c.PingInterval = DefaultPingInterval
	}
	if c.ProgressInterval <= 0 {
		c.ProgressInterval = DefaultProgressInterval
	}
	if c.KeepAliveTimeout <= 0 {
		c.KeepAliveTimeout = DefaultKeepAliveTimeout
	}
	switch {
	case c.IdleSessions == 0:
		c.IdleSessions = defaultIdleSessions
	case c.IdleSessions < 0:
		c.IdleSessions = 0
	}
	return c, nil
}

func kindLabel(k model.ServerKind) string {
	switch k {
	case model.KindPlex:
		return "Plex"
	case model.KindJellyfin:
		return "Jellyfin"
	default:
		return "Emby"
	}
}

func defaultVersion(k model.ServerKind) string {
	switch k {
	case model.KindPlex:
		return "1.41.3.9314-a0bfb8370"
	case model.KindJellyfin:
		return "10.11.2"
	default:
		return "4.8.10.0"
	}
}

func machineIDLen(k model.ServerKind) int {
	if k == model.KindPlex {
		return 40
	}
	return 32
}
