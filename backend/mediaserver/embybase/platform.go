package embybase

import (
	"net/netip"
	"slices"
	"strings"
	"unicode"
)

// platformRule names a platform when every one of its words appears in the
// client or device type name.
type platformRule struct {
	words    []string
	platform string
}

// platformRules is checked in order, so "Jellyfin Android TV" is Android TV
// before it is Android.
func platformRules() []platformRule {
	return []platformRule{
		{[]string{"android", "tv"}, "Android TV"},
		{[]string{"androidtv"}, "Android TV"},
		{[]string{"fire", "tv"}, "Fire TV"},
		{[]string{"firetv"}, "Fire TV"},
		{[]string{"android"}, "Android"},
		{[]string{"tvos"}, "tvOS"},
		{[]string{"apple", "tv"}, "tvOS"},
		{[]string{"appletv"}, "tvOS"},
		{[]string{"ios"}, "iOS"},
		{[]string{"iphone"}, "iOS"},
		{[]string{"ipad"}, "iOS"},
		{[]string{"swiftfin"}, "iOS"},
		{[]string{"roku"}, "Roku"},
		{[]string{"xbox"}, "Xbox"},
		{[]string{"playstation"}, "PlayStation"},
		{[]string{"ps4"}, "PlayStation"},
		{[]string{"ps5"}, "PlayStation"},
		{[]string{"tizen"}, "Tizen"},
		{[]string{"samsung"}, "Tizen"},
		{[]string{"webos"}, "webOS"},
		{[]string{"lg"}, "webOS"},
		{[]string{"kodi"}, "Kodi"},
		{[]string{"dlna"}, "DLNA"},
		{[]string{"windows"}, "Windows"},
		{[]string{"macos"}, "macOS"},
		{[]string{"mac"}, "macOS"},
		{[]string{"linux"}, "Linux"},
		{[]string{"web"}, "Web"},
		{[]string{"chrome"}, "Web"},
		{[]string{"firefox"}, "Web"},
		{[]string{"safari"}, "Web"},
		{[]string{"edge"}, "Web"},
	}
}

// platform derives the platform from the client app name ("Jellyfin
// Android", "Emby for iOS", "Jellyfin Web") and then the device type, since
// these servers report no operating system. Without a match it is the
// client name.
func platform(client, deviceType string) string {
	rules := platformRules()
	for _, name := range []string{client, deviceType} {
		words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		if len(words) == 0 {
			continue
		}
		for _, rule := range rules {
			if containsAll(words, rule.words) {
				return rule.platform
			}
		}
	}
	return client
}

func containsAll(words, want []string) bool {
	for _, w := range want {
		if !slices.Contains(words, w) {
			return false
		}
	}
	return true
}

// clientIP reads RemoteEndPoint: an address that may carry a port
// ("203.0.113.9:51234", "[2001:db8::1]:51234") or the IPv4-mapped form
// ("::ffff:203.0.113.9"). It returns the bare address without zone, or ""
// when the text is not an address.
func clientIP(endpoint string) string {
	endpoint = strings.TrimSpace(endpoint)
	if endpoint == "" {
		return ""
	}
	addr, err := netip.ParseAddr(strings.Trim(endpoint, "[]"))
	if err != nil {
		addrPort, perr := netip.ParseAddrPort(endpoint)
		if perr != nil {
			return ""
		}
		addr = addrPort.Addr()
	}
	return addr.Unmap().WithZone("").String()
}
