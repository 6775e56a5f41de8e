package plex

import "strings"

// platformName spells the platform a Plex client reports the way people
// know it ("windows" → "Windows", "osx" → "macOS"). Unknown names are kept.
func platformName(p string) string {
	switch strings.ToLower(strings.TrimSpace(p)) {
	case "":
		return ""
	case "windows":
		return "Windows"
	case "osx", "macos", "mac os x", "mac os", "macosx":
		return "macOS"
	case "linux":
		return "Linux"
	case "android":
		return "Android"
	case "ios":
		return "iOS"
	case "ipados":
		return "iPadOS"
	case "tvos":
		return "tvOS"
	case "roku":
		return "Roku"
	case "chrome":
		return "Chrome"
	case "firefox":
		return "Firefox"
	case "safari":
		return "Safari"
	case "edge", "microsoft edge":
		return "Edge"
	case "webos", "lg":
		return "webOS"
	case "tizen", "samsung":
		return "Tizen"
	case "xbox":
		return "Xbox"
	case "playstation":
		return "PlayStation"
	case "chromecast":
		return "Chromecast"
	}
	return p
}
