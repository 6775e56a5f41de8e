package mediaserver

import "runtime"

// ClientIdentity describes Streamwarden to a media server. Plex shows it in
// its device list; Jellyfin and Emby in their sessions and devices.
type ClientIdentity struct {
	// ID is stable per install (X-Plex-Client-Identifier, DeviceId).
	ID         string
	Product    string
	Version    string
	Platform   string
	DeviceName string
}

// Defaults for the parts of a ClientIdentity left empty.
const (
	DefaultProduct    = "Streamwarden"
	DefaultDeviceName = "Streamwarden"
	defaultClientID   = "streamwarden"
	defaultVersion    = "dev"
)

// WithDefaults fills the empty fields of c. The fallback ID is the same on
// every install, so callers should pass the per-install ID they persist.
func (c ClientIdentity) WithDefaults() ClientIdentity {
	if c.ID == "" {
		c.ID = defaultClientID
	}
	if c.Product == "" {
		c.Product = DefaultProduct
	}
	if c.Version == "" {
		c.Version = defaultVersion
	}
	if c.Platform == "" {
		c.Platform = platformName(runtime.GOOS)
	}
	if c.DeviceName == "" {
		c.DeviceName = DefaultDeviceName
	}
	return c
}

// platformName maps GOOS to the platform names media servers display.
func platformName(goos string) string {
	switch goos {
	case "linux":
		return "Linux"
	case "windows":
		return "Windows"
	case "darwin":
		return "macOS"
	case "freebsd":
		return "FreeBSD"
	}
	return goos
}
