// Package model holds the domain types every other package shares.
package model

import "time"

// ServerKind names the media server software a Server runs.
type ServerKind string

const (
	KindPlex     ServerKind = "plex"
	KindJellyfin ServerKind = "jellyfin"
	KindEmby     ServerKind = "emby"
)

// Valid reports whether k is one of the supported kinds.
func (k ServerKind) Valid() bool {
	switch k {
	case KindPlex, KindJellyfin, KindEmby:
		return true
	}
	return false
}

// ServerSource says where a server definition came from.
type ServerSource string

const (
	// SourceUser is a server added through the UI or API.
	SourceUser ServerSource = "user"
	// SourceEnvironment is a server declared by environment variables at start.
	SourceEnvironment ServerSource = "environment"
)

// Server is one watched media server. Its token lives in a secrets store
// under TokenRef; the database never holds the token itself.
type Server struct {
	ID        int64
	Kind      ServerKind
	Name      string
	URL       string
	VerifyTLS bool
	Enabled   bool
	Source    ServerSource
	TokenRef  string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// ServerIdentity is what a media server says about itself when probed.
type ServerIdentity struct {
	Kind      ServerKind
	Name      string
	Version   string
	MachineID string
	Product   string
}

// Label is the kind's name as the UI shows it: "Plex", "Jellyfin", "Emby".
func (k ServerKind) Label() string {
	switch k {
	case KindPlex:
		return "Plex"
	case KindJellyfin:
		return "Jellyfin"
	case KindEmby:
		return "Emby"
	}
	return string(k)
}
